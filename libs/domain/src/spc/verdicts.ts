import type { AssuranceType, ImprovementDirection, PointType, SpecialCauseType } from './spc-vocabulary';

const HIGH_SIDE: ReadonlySet<SpecialCauseType> = new Set([
  'ABOVE_UPPER_LIMIT',
  'TREND_INCREASING',
  'TWO_OF_THREE_ABOVE',
  'SHIFT_ABOVE',
]);

/**
 * A special cause read against the improvement direction (NHSRplotthedots 0.2.2 `ptd_point_type`):
 * a cause on the high side (above a limit or the mean, or a rising trend) is an improvement when
 * higher is better and a concern when lower is better; the low side the other way round. With a
 * NEUTRAL direction it is only "high" or "low".
 */
export function classifyPointType(specialCause: SpecialCauseType, direction: ImprovementDirection): PointType {
  if (specialCause === 'COMMON_CAUSE') return 'COMMON_CAUSE';
  const high = HIGH_SIDE.has(specialCause);
  if (direction === 'NEUTRAL') return high ? 'SPECIAL_CAUSE_NEUTRAL_HIGH' : 'SPECIAL_CAUSE_NEUTRAL_LOW';
  return high === (direction === 'INCREASE') ? 'SPECIAL_CAUSE_IMPROVEMENT' : 'SPECIAL_CAUSE_CONCERN';
}

/**
 * Whether the process, as its latest limits describe it, will meet the target
 * (NHSRplotthedots 0.2.2 `ptd_calculate_assurance_type`): a target beyond the upper limit is never
 * reached (a consistent fail when higher is better, a consistent pass when lower is better), a
 * target beyond the lower limit is always cleared (the reverse), anything else, including a target
 * exactly on a limit and limits that do not exist (NaN: R's NA comparisons are false), is hit and miss.
 * No verdict without a target or with a NEUTRAL direction.
 */
export function assessAssurance(
  target: number | null,
  limits: { lower: number; upper: number },
  direction: ImprovementDirection,
): AssuranceType | null {
  if (target === null || direction === 'NEUTRAL') return null;
  const increasing = direction === 'INCREASE';
  if (target > limits.upper) return increasing ? 'CONSISTENT_FAIL' : 'CONSISTENT_PASS';
  if (target < limits.lower) return increasing ? 'CONSISTENT_PASS' : 'CONSISTENT_FAIL';
  return 'HIT_AND_MISS';
}
