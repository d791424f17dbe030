import { FINANCE_ROUNDING, isPlanCategory, Money, PLAN_CATEGORIES, tryParseFinancialYear, type PlanCategory, type PlanCompliance } from '@ccg-assure/domain';
import { emptyDraft, inputsNeeded, readAmount, type PlanDraft } from './plan-draft';
import { fieldLabel } from './plan-fields';
import { CATEGORY_LABELS } from './plan-labels';
import { cellAt, cellReference, cellText, type SheetCell, type SheetGrid } from './sheet-cells';

/**
 * The plan template, the same in .xlsx and .csv and the same as an export, so an exported plan imports
 * back: column A names each row, column B holds its value; later columns (percentages, notes) are for
 * people and are not read.
 *
 *   row 1    Field | Value | % of allocation | Notes
 *   row 2    CCG code
 *   row 3    Financial year
 *   row 4    Allocation
 *   row 5    Prior-year running costs
 *   row 6    Better Care Fund minimum contribution
 *   row 7-17 the plan lines, Acute to Non-recurrent fund
 *   then     Planned spend and Planned surplus (worked out, never read)
 */
export const SHEET_COLUMNS = ['Field', 'Value', '% of allocation', 'Notes'] as const;
export const PLAN_SHEET_NAME = 'Plan';

export const CCG_CODE_LABEL = 'CCG code';
export const FINANCIAL_YEAR_LABEL = 'Financial year';
export const ALLOCATION_LABEL = 'Allocation';
export const PLANNED_SPEND_LABEL = 'Planned spend';
export const PLANNED_SURPLUS_LABEL = 'Planned surplus';

type AmountField = 'allocation' | 'priorYearRunningCosts' | 'betterCareFundMinimum' | PlanCategory;

interface SheetRow {
  label: string;
  field: 'ccg' | 'financialYear' | AmountField;
  note: string;
}

const AMOUNT_NOTE = 'Pounds, at most two decimal places: 1250000 or 1250000.50';

/** The rows the importer reads, in template order. */
export const PLAN_SHEET_ROWS: readonly SheetRow[] = [
  { label: CCG_CODE_LABEL, field: 'ccg', note: "The CCG's ODS code, like 02V" },
  { label: FINANCIAL_YEAR_LABEL, field: 'financialYear', note: 'Like 2015/16' },
  { label: ALLOCATION_LABEL, field: 'allocation', note: `The CCG's total allocation for the year. ${AMOUNT_NOTE}` },
  { label: fieldLabel('prior-year-running-costs'), field: 'priorYearRunningCosts', note: 'Needed from 2015/16. Leave empty for earlier years.' },
  { label: fieldLabel('better-care-fund-minimum'), field: 'betterCareFundMinimum', note: 'Needed from 2015/16. Leave empty for earlier years.' },
  ...PLAN_CATEGORIES.map((category) => ({ label: CATEGORY_LABELS[category], field: category, note: category === 'ACUTE' ? `${AMOUNT_NOTE}. Leave a line empty if the plan has none.` : '' })),
];

/** Rows an export adds for people; the importer recognises and skips them. */
const WORKED_OUT_LABELS = [PLANNED_SPEND_LABEL, PLANNED_SURPLUS_LABEL, 'Planned deficit'];

/** The first data row (row 2), for tests and writers. */
export const FIRST_DATA_ROW = 1;

/** Spreadsheet row (from 1) of a field in the template. */
export function templateRowOf(field: SheetRow['field']): number {
  return PLAN_SHEET_ROWS.findIndex((row) => row.field === field) + FIRST_DATA_ROW + 1;
}

/** Percentages of allocation to two places, rounded once by the finance rounding rule (as on screen). */
const PERCENT_DECIMALS = 2;

/** A value for a writer: text, or money with its exact wire text (the writer decides how to store it). */
export type SheetValue = string | Money | null;

/** A plan written into the template: what an export or a filled template holds. */
export interface PlanSheetContent {
  ccg: string;
  financialYear: string;
  allocation: Money | null;
  priorYearRunningCosts: Money | null;
  betterCareFundMinimum: Money | null;
  lines: Partial<Record<PlanCategory, Money>>;
  /** Worked out by the domain for the export's percentages and totals; absent in a blank template. */
  compliance?: PlanCompliance | null;
}

/** The rows of the template sheet, with values when a plan is given (nothing but the CCG and year for a blank template). */
export function planSheetRows(content: PlanSheetContent): SheetValue[][] {
  const { allocation } = content;
  const percent = (amount: Money | null | undefined) => (amount && allocation?.isPositive() ? `${amount.asPercentageOf(allocation, PERCENT_DECIMALS, FINANCE_ROUNDING)}%` : null);
  const valueOf = (field: SheetRow['field']): Money | string | null => {
    if (field === 'ccg') return content.ccg;
    if (field === 'financialYear') return content.financialYear;
    if (field === 'allocation' || field === 'priorYearRunningCosts' || field === 'betterCareFundMinimum') return content[field];
    return content.lines[field] ?? null;
  };
  const rows: SheetValue[][] = [[...SHEET_COLUMNS]];
  for (const row of PLAN_SHEET_ROWS) {
    const value = valueOf(row.field);
    const isLine = isPlanCategory(row.field);
    rows.push([row.label, value, isLine && value instanceof Money ? percent(value) : row.field === 'allocation' && allocation ? '100.00%' : null, row.note || null]);
  }
  const compliance = content.compliance;
  if (compliance) {
    rows.push([PLANNED_SPEND_LABEL, compliance.plannedSpend, percent(compliance.plannedSpend), 'The total of the lines: worked out, not read on import']);
    rows.push([
      compliance.plannedSurplus.isNegative() ? 'Planned deficit' : PLANNED_SURPLUS_LABEL,
      compliance.plannedSurplus.abs(),
      percent(compliance.plannedSurplus.abs()),
      'Allocation less planned spend: worked out, not read on import',
    ]);
  }
  return rows;
}

/** One thing wrong with a file, at the cell that holds it when there is one. */
export interface SheetProblem {
  /** "B7", or null for the file as a whole (no such row, unreadable file). */
  cell: string | null;
  message: string;
}

export type PlanSheetReading = { ok: true; draft: PlanDraft; lineCount: number } | { ok: false; problems: SheetProblem[] };

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

const LABEL_TO_ROW = new Map<string, SheetRow>(
  PLAN_SHEET_ROWS.flatMap((row) => [[normalise(row.label), row] as const, ...(isPlanCategory(row.field) ? [[normalise(row.field), row] as const] : [])]),
);

const quote = (cell: SheetCell) => `'${cellText(cell)}'`;

/**
 * "2015-16", " 2015/16 " or "2015 / 16" → "2015/16", read by the calendar's FinancialYear (spaces around
 * the separator forgiven, as people type them); null when it is not a financial year.
 */
function readYear(cell: SheetCell): string | null {
  if (cell.kind !== 'text') return null;
  return tryParseFinancialYear(cell.text.replace(/\s*([/-])\s*/, '$1'))?.label ?? null;
}

/**
 * Reads a plan from the template's rows, for the plan of `expected.ccg` in `expected.financialYear`.
 * All or nothing: one problem and there is no plan, so nothing from a bad file reaches the editor or the
 * server. Each problem names its cell and quotes what is there ("Cell B7: '12.345' has more than two
 * decimal places"). Amounts are read by the same exact reader as the editor's fields (Money.parse after
 * forgiving "£" and thousands commas); never a binary float.
 */
export function readPlanSheet(grid: SheetGrid, expected: { ccg: string; financialYear: string }): PlanSheetReading {
  const problems: SheetProblem[] = [];
  const found = new Map<SheetRow['field'], { row: number; cell: SheetCell }>();
  const problem = (row: number, column: number, message: string) => problems.push({ cell: cellReference(row, column), message: `Cell ${cellReference(row, column)}: ${message}` });

  grid.forEach((cells, row) => {
    const label = cellAt(grid, row, 0);
    const value = cellAt(grid, row, 1);
    const text = normalise(cellText(label));
    if (text === '' && value.kind === 'empty') return;
    if (row === 0 && text === normalise(SHEET_COLUMNS[0])) return;
    if (WORKED_OUT_LABELS.some((worked) => normalise(worked) === text)) return;
    const known = label.kind === 'text' ? LABEL_TO_ROW.get(text) : undefined;
    if (!known) {
      problem(row, 0, text === '' ? `the row has a value (${quote(value)}) but no name in column A` : `${quote(label)} is not a row of the plan template`);
      return;
    }
    const earlier = found.get(known.field);
    if (earlier) {
      problem(row, 0, `${known.label} appears again (first in row ${earlier.row + 1})`);
      return;
    }
    found.set(known.field, { row, cell: value });
  });

  const missing = PLAN_SHEET_ROWS.filter((row) => (row.field === 'ccg' || row.field === 'financialYear' || row.field === 'allocation') && !found.has(row.field));
  for (const row of missing) problems.push({ cell: null, message: `The file has no ${row.label} row: column A must name it, as in the template` });

  const ccg = found.get('ccg');
  if (ccg) {
    const code = cellText(ccg.cell).toUpperCase();
    if (code === '') problem(ccg.row, 1, `the CCG code is empty: enter ${expected.ccg}`);
    else if (code !== expected.ccg.toUpperCase()) problem(ccg.row, 1, `this file is for CCG ${quote(ccg.cell)}, not ${expected.ccg}`);
  }
  const year = found.get('financialYear');
  if (year) {
    const read = readYear(year.cell);
    if (year.cell.kind === 'empty') problem(year.row, 1, `the financial year is empty: enter ${expected.financialYear}`);
    else if (!read) problem(year.row, 1, `${quote(year.cell)} is not a financial year like ${expected.financialYear}`);
    else if (read !== expected.financialYear) problem(year.row, 1, `this file is for ${read}, not ${expected.financialYear}`);
  }

  const draft = emptyDraft(expected.financialYear);
  const needed = inputsNeeded(expected.financialYear);
  let lineCount = 0;
  for (const row of PLAN_SHEET_ROWS) {
    if (row.field === 'ccg' || row.field === 'financialYear') continue;
    const at = found.get(row.field);
    const field = row.field;
    const requiredHere = field === 'allocation' || (field === 'priorYearRunningCosts' && needed.priorYearRunningCosts) || (field === 'betterCareFundMinimum' && needed.betterCareFundMinimum);
    if (!at) {
      if (requiredHere && field !== 'allocation') problems.push({ cell: null, message: `The file has no ${row.label} row: the ${expected.financialYear} rules need it` });
      continue;
    }
    const amount = readCellAmount(at.cell);
    if (amount.state === 'invalid') {
      problem(at.row, 1, amount.message);
      continue;
    }
    if (amount.state === 'empty') {
      if (requiredHere) problem(at.row, 1, field === 'allocation' ? "the allocation is empty: enter the CCG's allocation in pounds" : `${row.label} is empty: the ${expected.financialYear} rules need it`);
      continue;
    }
    if (field === 'allocation' && !amount.amount.isPositive()) {
      problem(at.row, 1, 'the allocation must be more than £0');
      continue;
    }
    const wire = amount.amount.toString();
    if (field === 'allocation' || field === 'priorYearRunningCosts' || field === 'betterCareFundMinimum') draft[field] = wire;
    else {
      draft.lines[field] = wire;
      lineCount++;
    }
  }

  if (problems.length) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, draft, lineCount };
}

type CellAmount = { state: 'empty' } | { state: 'valid'; amount: Money } | { state: 'invalid'; message: string };

function readCellAmount(cell: SheetCell): CellAmount {
  if (cell.kind === 'empty') return { state: 'empty' };
  if (cell.kind === 'other') return { state: 'invalid', message: `${cell.description} is not an amount in pounds` };
  const reading = readAmount(cell.text, 'The amount');
  if (reading.state !== 'invalid') return reading;
  const shown = `'${cellText(cell)}'`;
  switch (reading.reason) {
    case 'TOO_MANY_DECIMALS':
      return { state: 'invalid', message: `${shown} has more than two decimal places` };
    case 'NEGATIVE':
      return { state: 'invalid', message: `${shown} is negative: amounts must be £0 or more` };
    case 'NOT_AN_AMOUNT':
      return { state: 'invalid', message: `${shown} is not an amount in pounds, like 1250000 or 1250000.50` };
  }
}

/** Whole-file problems first, then by row and column, as people read a sheet. */
function sortProblems(problems: SheetProblem[]): SheetProblem[] {
  const key = (cell: string | null) => {
    if (!cell) return [-1, -1];
    const match = /^([A-Z]+)(\d+)$/.exec(cell);
    return match ? [Number(match[2]), match[1].length * 100 + match[1].charCodeAt(0)] : [-1, -1];
  };
  return [...problems].sort((a, b) => {
    const [ra, ca] = key(a.cell);
    const [rb, cb] = key(b.cell);
    return ra - rb || ca - cb;
  });
}
