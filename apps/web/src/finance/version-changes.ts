import { Money, PLAN_CATEGORIES } from '@ccg-assure/domain';
import { lineFieldId, type FieldId } from './plan-fields';
import { RULE_LABELS, shortfallVerb } from './plan-labels';
import type { StoredVersion } from './financial-plan.fragment';
import { totalsByCategory } from './stored-plan';

/** One figure that differs between two versions, by its field (its label is for display), amounts as people read them. */
export interface FigureChange {
  field: FieldId;
  from: string;
  to: string;
  /** "+£1,000,000.00", "-£250.00"; empty when a figure was added or removed. */
  change: string;
}

export interface VersionChanges {
  figures: FigureChange[];
  /** What the changes did to compliance and QIPP, in words; empty when nothing changed. */
  outcomes: string[];
}

const NONE = 'None';

const signed = (amount: Money) => (amount.isNegative() ? amount.toDisplayString() : `+${amount.toDisplayString()}`);

function compare(field: FieldId, from: Money | null, to: Money | null): FigureChange | null {
  if (from && to) return from.equals(to) ? null : { field, from: from.toDisplayString(), to: to.toDisplayString(), change: signed(to.minus(from)) };
  if (!from && !to) return null;
  return { field, from: from?.toDisplayString() ?? NONE, to: to?.toDisplayString() ?? NONE, change: '' };
}

const money = (text: string | null) => (text === null ? null : Money.parse(text));

type Comparable = Pick<StoredVersion, 'allocation' | 'lines' | 'priorYearRunningCosts' | 'betterCareFundMinimum' | 'compliance'>;

/**
 * What changed from one version to the next: the allocation, the extra amounts the year's rules need, each
 * line (by category total), then what that did to compliance and the QIPP requirement. Amounts are
 * compared exactly, as Money.
 */
export function versionChanges(older: Comparable, newer: Comparable): VersionChanges {
  const before = totalsByCategory(older.lines);
  const after = totalsByCategory(newer.lines);
  const figures = [
    compare('allocation', money(older.allocation), money(newer.allocation)),
    compare('prior-year-running-costs', money(older.priorYearRunningCosts), money(newer.priorYearRunningCosts)),
    compare('better-care-fund-minimum', money(older.betterCareFundMinimum), money(newer.betterCareFundMinimum)),
    ...PLAN_CATEGORIES.map((category) => compare(lineFieldId(category), before[category] ?? null, after[category] ?? null)),
  ].filter((change): change is FigureChange => change !== null);

  const outcomes: string[] = [];
  const was = older.compliance;
  const now = newer.compliance;
  if (was.compliant !== now.compliant) outcomes.push(now.compliant ? 'The plan now meets every rule.' : 'The plan no longer meets every rule.');
  for (const rule of now.rules) {
    const previous = was.rules.find((r) => r.rule === rule.rule);
    if (previous && previous.met !== rule.met) outcomes.push(`${RULE_LABELS[rule.rule]}: ${rule.met ? 'now met' : `now not met (${shortfallVerb(rule.rule)} ${Money.parse(rule.shortfall).toDisplayString()})`}.`);
  }
  const qippBefore = Money.parse(was.qippRequirement);
  const qippAfter = Money.parse(now.qippRequirement);
  if (!qippBefore.equals(qippAfter)) {
    outcomes.push(`QIPP requirement ${qippBefore.toDisplayString()} (${was.qippPercentOfAllocation}%) to ${qippAfter.toDisplayString()} (${now.qippPercentOfAllocation}%).`);
  }
  return { figures, outcomes };
}
