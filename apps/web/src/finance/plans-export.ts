import { Money } from '@ccg-assure/domain';
import type { FinancialPlansQuery } from '../gql/graphql';
import { toCsv } from '../ui/csv';
import { RULE_LABELS, STATUS_LABELS } from './plan-labels';
import { moneyCellValue, writeWorkbook, type WorkbookCell } from './spreadsheet-files';

export type PlanRow = FinancialPlansQuery['financialPlans']['edges'][number]['node'];

export const PLAN_LIST_COLUMNS = [
  'CCG code',
  'CCG name',
  'Financial year',
  'Status',
  'Version',
  'Complies',
  'Rules not met',
  'Allocation',
  'Planned spend',
  'Planned surplus (negative: deficit)',
  'QIPP requirement',
  'QIPP % of allocation',
  'Financial warning (month)',
  'Adverse variance',
  'Illustrative',
  'Last changed',
] as const;

/** One plan as a row of the export: money exact (Money), words as on screen. */
export function planListRow(plan: PlanRow): WorkbookCell[] {
  const compliance = plan.latestVersion.compliance;
  return [
    plan.ccg.code,
    plan.ccg.name,
    plan.financialYear,
    STATUS_LABELS[plan.status],
    plan.latestVersion.number,
    plan.compliant ? 'Yes' : 'No',
    compliance.rules
      .filter((rule) => !rule.met)
      .map((rule) => `${RULE_LABELS[rule.rule]} (${Money.parse(rule.shortfall).toDisplayString()})`)
      .join('; '),
    Money.parse(plan.latestVersion.allocation),
    Money.parse(compliance.plannedSpend),
    Money.parse(compliance.plannedSurplus),
    Money.parse(compliance.qippRequirement),
    `${compliance.qippPercentOfAllocation}%`,
    plan.financialWarning?.month ?? '',
    plan.financialWarning ? Money.parse(plan.financialWarning.adverseVariance) : null,
    plan.illustrative ? 'Yes' : 'No',
    plan.updatedAt,
  ];
}

/** The plans as CSV: money as plain numbers when exact (see moneyCellValue), else exact text. */
export function plansCsv(plans: readonly PlanRow[]): string {
  return toCsv(
    PLAN_LIST_COLUMNS,
    plans.map((plan) => planListRow(plan).map((cell) => (cell instanceof Money ? moneyCellValue(cell) : cell))),
  );
}

/** The plans as an .xlsx workbook, one row a plan. */
export function plansWorkbook(plans: readonly PlanRow[]): Promise<ArrayBuffer> {
  return writeWorkbook([
    {
      name: 'Financial plans',
      rows: [[...PLAN_LIST_COLUMNS], ...plans.map(planListRow)],
      widths: [10, 36, 12, 12, 8, 9, 40, 18, 18, 18, 18, 12, 14, 16, 11, 24],
      header: true,
    },
  ]);
}
