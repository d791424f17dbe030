import { Money, type PlanCategory, type PlanCompliance } from '@ccg-assure/domain';
import { readAmount, type PlanDraft, type PlanReading } from './plan-draft';
import { toCsv } from '../ui/csv';
import { RULE_LABELS, ruleTerms } from './plan-labels';
import { PLAN_SHEET_NAME, planSheetRows, readPlanSheet, SHEET_COLUMNS, type PlanSheetContent, type PlanSheetReading } from './plan-sheet';
import { readSpreadsheetFile, writeWorkbook, type PickedFile, type WorkbookCell } from './spreadsheet-files';

export const COMPLIANCE_SHEET_NAME = 'Compliance';

/** Reads a plan from an .xlsx or .csv file made from the template; all or nothing (see readPlanSheet). */
export async function importPlanFile(file: PickedFile, expected: { ccg: string; financialYear: string }): Promise<PlanSheetReading> {
  const reading = await readSpreadsheetFile(file, PLAN_SHEET_NAME);
  if (!reading.ok) return { ok: false, problems: [{ cell: null, message: reading.message }] };
  return readPlanSheet(reading.grid, expected);
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The compliance of the plan as a sheet: each rule, then the surplus and the QIPP requirement. */
export function complianceSheetRows(compliance: PlanCompliance): WorkbookCell[][] {
  return [
    ['Rule', 'Terms', 'Required', 'Planned', 'Shortfall', 'Met', 'Flex applied'],
    ...compliance.rules.map((rule) => [
      RULE_LABELS[rule.rule],
      ruleTerms(rule.rule, rule.percentage.toString()),
      rule.required,
      rule.planned,
      rule.shortfall,
      yesNo(rule.met),
      rule.flexApplied ? `Yes: ${rule.flexReason ?? ''}`.trim() : 'No',
    ]),
    [],
    ['Complies with every rule', yesNo(compliance.compliant)],
    [compliance.plannedSurplus.isNegative() ? 'Planned deficit' : 'Planned surplus', compliance.plannedSurplus.abs()],
    ['QIPP requirement', compliance.qippRequirement],
    ['QIPP requirement, % of allocation', `${compliance.qippPercentOfAllocation}%`],
    [],
    ['Checked against the rules by the same function the API runs (evaluatePlanCompliance). Shortfalls of a cap (running costs) are the amount over it.'],
  ];
}

/** The plan as an .xlsx workbook: the template filled in (so it imports back), and its compliance. */
export function planWorkbook(content: PlanSheetContent): Promise<ArrayBuffer> {
  const rows = planSheetRows(content);
  return writeWorkbook([
    { name: PLAN_SHEET_NAME, rows, widths: [40, 18, 16, 60], header: true },
    ...(content.compliance ? [{ name: COMPLIANCE_SHEET_NAME, rows: complianceSheetRows(content.compliance), widths: [34, 34, 18, 18, 18, 8, 24], header: true }] : []),
  ]);
}

/** A blank template for one CCG and year: the row names, the CCG code and the year, no amounts. */
export function blankPlan(ccg: string, financialYear: string): PlanSheetContent {
  return { ccg, financialYear, allocation: null, priorYearRunningCosts: null, betterCareFundMinimum: null, lines: {} };
}

/** The template (or a plan) as CSV text, the same rows as the workbook's Plan sheet; amounts as exact text. */
export function planCsv(content: PlanSheetContent): string {
  const [, ...rows] = planSheetRows(content);
  return toCsv(
    SHEET_COLUMNS,
    rows.map((row) => row.map((value) => (value instanceof Money ? value.toString() : value))),
  );
}

/** The figures on screen for an export, or why there are none to export yet. */
export type ExportablePlan = { ok: true; content: PlanSheetContent } | { ok: false; reason: string };

/** The plan on screen as the template's content: only once every figure reads and there is an allocation. */
export function exportablePlan(ccg: string, draft: PlanDraft, reading: PlanReading): ExportablePlan {
  if (reading.problems.length) return { ok: false, reason: 'Correct the figures marked above to export the plan.' };
  if (!reading.input) return { ok: false, reason: 'Enter the allocation to export the plan.' };
  const money = (text: string) => {
    const amount = readAmount(text, '');
    return amount.state === 'valid' ? amount.amount : null;
  };
  const lines: Partial<Record<PlanCategory, Money>> = {};
  for (const line of reading.input.lines) lines[line.category] = line.amount;
  return {
    ok: true,
    content: {
      ccg,
      financialYear: draft.financialYear,
      allocation: reading.input.allocation,
      priorYearRunningCosts: money(draft.priorYearRunningCosts),
      betterCareFundMinimum: money(draft.betterCareFundMinimum),
      lines,
      compliance: reading.compliance,
    },
  };
}
