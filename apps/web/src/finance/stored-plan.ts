import {
  listFinancialYears,
  Money,
  parseFinancialYear,
  PLAN_CATEGORIES,
  Percentage,
  tryParseFinancialYear,
  type FinancialYear,
  type PlanCategory,
  type PlanFlex,
} from '@ccg-assure/domain';
import type { StoredPlan, StoredVersion } from './financial-plan.fragment';
import { emptyDraft, readAmount, type PlanDraft } from './plan-draft';

/**
 * The financial year of an address segment ("2015-16"), or null for anything that is not a year with
 * planning rules (the calendar reads the year; the rule sets say which years have plans).
 */
export function planYearFromSegment(segment: string | undefined): FinancialYear | null {
  const year = tryParseFinancialYear(segment);
  return year && listFinancialYears().includes(year.label) ? year : null;
}

/** `/finance/plans/02V/2015-16`: one CCG's plan for one year. */
export const planPath = (ccg: string, financialYear: string) => `/finance/plans/${encodeURIComponent(ccg.toUpperCase())}/${parseFinancialYear(financialYear).urlSegment}`;

/** The total of each category's lines (the API allows several lines a category; the editor shows one a category). */
export function totalsByCategory(lines: readonly { category: PlanCategory; amount: string }[]): Partial<Record<PlanCategory, Money>> {
  const totals: Partial<Record<PlanCategory, Money>> = {};
  for (const line of lines) totals[line.category] = (totals[line.category] ?? Money.ZERO).plus(Money.parse(line.amount));
  return totals;
}

/** A stored version as the editor's fields: exact wire text, empty where the plan has no line. */
export function draftFromVersion(version: Pick<StoredVersion, 'allocation' | 'lines' | 'priorYearRunningCosts' | 'betterCareFundMinimum'>, financialYear: string): PlanDraft {
  const draft = emptyDraft(financialYear);
  const totals = totalsByCategory(version.lines);
  for (const category of PLAN_CATEGORIES) draft.lines[category] = totals[category]?.toString() ?? '';
  return {
    ...draft,
    allocation: version.allocation,
    priorYearRunningCosts: version.priorYearRunningCosts ?? '',
    betterCareFundMinimum: version.betterCareFundMinimum ?? '',
  };
}

/** The plan's flexes in force (not superseded), as the domain takes them. */
export function flexesInForce(plan: Pick<StoredPlan, 'flexes'> | null | undefined): PlanFlex[] {
  return (plan?.flexes ?? [])
    .filter((flex) => flex.supersededAt === null)
    .map((flex) => ({ rule: flex.rule, percentage: Percentage.parse(flex.percentage), reason: flex.reason }));
}

/** Two drafts hold the same figures when every field reads as the same amount ("5" and "5.00" are the same). */
export function sameFigures(a: PlanDraft, b: PlanDraft): boolean {
  const same = (x: string, y: string) => {
    const rx = readAmount(x, '');
    const ry = readAmount(y, '');
    if (rx.state === 'valid' && ry.state === 'valid') return rx.amount.equals(ry.amount);
    return rx.state === ry.state && x.trim() === y.trim();
  };
  return (
    same(a.allocation, b.allocation) &&
    same(a.priorYearRunningCosts, b.priorYearRunningCosts) &&
    same(a.betterCareFundMinimum, b.betterCareFundMinimum) &&
    PLAN_CATEGORIES.every((category) => same(a.lines[category], b.lines[category]))
  );
}

/** The figures of a draft for the API's create and update inputs: exact wire text, only lines with an amount. */
export function figuresForServer(input: { allocation: Money; lines: readonly { category: PlanCategory; amount: Money }[]; priorYearRunningCosts?: Money; betterCareFundMinimum?: Money }) {
  return {
    allocation: input.allocation.toString(),
    lines: input.lines.map((line) => ({ category: line.category, amount: line.amount.toString() })),
    priorYearRunningCosts: input.priorYearRunningCosts?.toString() ?? null,
    betterCareFundMinimum: input.betterCareFundMinimum?.toString() ?? null,
  };
}


