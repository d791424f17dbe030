import { DomainError } from '../errors';
import type { ContractNoticeAction, ContractNoticeState } from './contract-management-lifecycle';

/** How an indicator's values read: the standards' polarity, or NEUTRAL where no direction is better. */
export type TrajectoryPolarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';

/** One month of a recovery trajectory: the value the provider committed to reach that month (first day of the month). */
export interface TrajectoryPoint {
  readonly indicatorCode: string;
  readonly month: string;
  readonly value: number;
}

/** A month's actual against the trajectory. */
export interface TrajectoryComparison {
  readonly indicatorCode: string;
  readonly month: string;
  readonly committed: number;
  readonly actual: number;
  /** The actual meets the committed value (at the value exactly, it meets). */
  readonly met: boolean;
  /** How far short (positive) or ahead (negative or zero) of the commitment, in the indicator's unit. */
  readonly shortfall: number;
}

/**
 * Compares a month's actual with the trajectory value of that month by the indicator's polarity: higher is better
 * meets at or above, lower is better at or below. A NEUTRAL indicator has no direction to recover in and cannot
 * carry a trajectory (TRAJECTORY_NOT_COMPARABLE).
 */
export function compareWithTrajectory(point: TrajectoryPoint, actual: number, polarity: TrajectoryPolarity): TrajectoryComparison {
  if (polarity === 'NEUTRAL') {
    throw new DomainError('TRAJECTORY_NOT_COMPARABLE', 'An indicator with no better direction cannot carry a recovery trajectory.', { indicatorCode: point.indicatorCode });
  }
  if (!Number.isFinite(actual) || !Number.isFinite(point.value)) {
    throw new DomainError('INVALID_TRAJECTORY_VALUE', 'A trajectory compares finite numbers.', { indicatorCode: point.indicatorCode, month: point.month });
  }
  const shortfall = polarity === 'HIGHER_IS_BETTER' ? point.value - actual : actual - point.value;
  return { indicatorCode: point.indicatorCode, month: point.month, committed: point.value, actual, met: shortfall <= 0, shortfall };
}

/**
 * Compares every trajectory month that has an actual (keyed `${indicatorCode}|${month}`), in month order; months
 * without data are left out (not yet known, not missed).
 */
export function compareTrajectory(
  points: readonly TrajectoryPoint[],
  actuals: ReadonlyMap<string, number>,
  polarityOf: (indicatorCode: string) => TrajectoryPolarity,
): TrajectoryComparison[] {
  return [...points]
    .sort((a, b) => (a.month === b.month ? a.indicatorCode.localeCompare(b.indicatorCode) : a.month < b.month ? -1 : 1))
    .flatMap((point) => {
      const actual = actuals.get(`${point.indicatorCode}|${point.month}`);
      return actual === undefined ? [] : [compareWithTrajectory(point, actual, polarityOf(point.indicatorCode))];
    });
}

/**
 * The step a missed trajectory month proposes, from where the notice stands (GC9's order): while the plan is
 * monitored, record that it is breached; once breached, withhold; once withholding, report the exception; once
 * reported, escalate. Null where the notice is not under a plan (nothing to propose).
 */
export function proposedStepAfterMiss(state: ContractNoticeState): ContractNoticeAction | null {
  switch (state) {
    case 'RAP_AGREED':
    case 'MONITORING':
      return 'REPORT_RAP_BREACH';
    case 'RAP_BREACHED':
      return 'APPLY_WITHHOLDING';
    case 'WITHHOLDING_APPLIED':
      return 'REPORT_EXCEPTION';
    case 'EXCEPTION_REPORTED':
      return 'ESCALATE';
    default:
      return null;
  }
}

/**
 * Checks a trajectory as entered: months are first days of months, values finite, and no month given twice for an
 * indicator. Throws INVALID_TRAJECTORY (details.fields) otherwise.
 */
export function validateTrajectory(points: readonly TrajectoryPoint[], monitoredIndicatorCodes: readonly string[]): void {
  const seen = new Set<string>();
  points.forEach((point, index) => {
    const fields: string[] = [];
    if (!monitoredIndicatorCodes.includes(point.indicatorCode)) fields.push(`trajectory.${index}.indicatorCode`);
    if (!/^\d{4}-\d{2}-01$/.test(point.month)) fields.push(`trajectory.${index}.month`);
    if (!Number.isFinite(point.value)) fields.push(`trajectory.${index}.value`);
    const key = `${point.indicatorCode}|${point.month}`;
    if (seen.has(key)) fields.push(`trajectory.${index}.month`);
    seen.add(key);
    if (fields.length > 0) {
      throw new DomainError('INVALID_TRAJECTORY', 'Each trajectory point needs a monitored indicator, a month (its first day) given once, and a value.', { fields });
    }
  });
}
