import type { ProcessLimits } from './process-limits';
import type { SpecialCauseType } from './spc-vocabulary';

/**
 * The special-cause rules of NHSRplotthedots 0.2.2 (R/ptd_calculate_point_type.R), for one rebase
 * group. Every comparison is with NaN limits false, as R's NA is in `dplyr::case_when`.
 * Signs are -1, 0 or 1 as R's `sign()`.
 */

const RUN_LENGTH = 7;

/** -1, 0 or 1: which side of the mean each value lies (`relative_to_mean = sign(y - mean)`). */
export function sidesOfMean(values: readonly number[], mean: number): number[] {
  return values.map((value) => Math.sign(value - mean));
}

/** Beyond a process limit (`y > upl | y < lpl`). */
export function isOutsideLimits(value: number, limits: ProcessLimits): boolean {
  return value > limits.upper || value < limits.lower;
}

/** Beyond two thirds of the way to a limit but not outside it. */
export function isCloseToLimits(value: number, limits: ProcessLimits): boolean {
  return !isOutsideLimits(value, limits) && (value < limits.nearLower || value > limits.nearUpper);
}

/**
 * 1 (or -1) at each point that ends a run of seven points on the same side of the mean, 0 elsewhere.
 * A point on the mean (side 0) breaks a run (`ptd_seven_point_one_side_mean`).
 */
export function sevenPointShiftEnds(sides: readonly number[]): number[] {
  return sides.map((side, i) => {
    if (side === 0 || i < RUN_LENGTH - 1) return 0;
    for (let j = i - RUN_LENGTH + 1; j < i; j += 1) if (sides[j] !== side) return 0;
    return side;
  });
}

/**
 * 1 (rising) or -1 (falling) at each point that ends seven points each strictly higher (lower)
 * than the one before: six steps in the same direction. A tie breaks a trend (`ptd_seven_point_trend`).
 */
export function sevenPointTrendEnds(values: readonly number[]): number[] {
  return values.map((_, i) => {
    if (i < RUN_LENGTH - 1) return 0;
    const direction = Math.sign(values[i] - values[i - 1]);
    if (direction === 0) return 0;
    for (let j = i - RUN_LENGTH + 2; j < i; j += 1) {
      if (Math.sign(values[j] - values[j - 1]) !== direction) return 0;
    }
    return direction;
  });
}

/** True for each point that is one of the seven of a run ending at it or within the next six points. */
export function partOfSeven(runEnds: readonly number[]): boolean[] {
  return runEnds.map((_, i) => runEnds.slice(i, i + RUN_LENGTH).some((end) => end !== 0));
}

/**
 * True for each point inside some window of three consecutive points (wholly within the group)
 * in which at least two are close to the limits and all three lie on the same side of the mean
 * (`ptd_two_in_three`; the same-side condition is the 0.2.2 fix of issue #143).
 */
export function twoInThreeWindows(close: readonly boolean[], sides: readonly number[]): boolean[] {
  const windowQualifies = (start: number): boolean => {
    if (start < 0 || start + 2 >= close.length) return false;
    const closeCount = [0, 1, 2].filter((k) => close[start + k]).length;
    const sideSum = sides[start] + sides[start + 1] + sides[start + 2];
    return closeCount >= 2 && Math.abs(sideSum) === 3;
  };
  return close.map((_, i) => windowQualifies(i - 2) || windowQualifies(i - 1) || windowQualifies(i));
}

/**
 * The special-cause type of every value of one rebase group, by precedence: outside the limits,
 * part of a 7-point trend, one of the close points of a 2-of-3, part of a 7-point shift
 * (`ptd_special_cause_type`).
 */
export function detectSpecialCauses(values: readonly number[], limits: ProcessLimits): SpecialCauseType[] {
  const sides = sidesOfMean(values, limits.mean);
  const close = values.map((value) => isCloseToLimits(value, limits));
  const inTrend = partOfSeven(sevenPointTrendEnds(values));
  const twoInThree = twoInThreeWindows(close, sides);
  const inShift = partOfSeven(sevenPointShiftEnds(sides));

  return values.map((value, i): SpecialCauseType => {
    const above = sides[i] > 0;
    if (isOutsideLimits(value, limits)) return above ? 'ABOVE_UPPER_LIMIT' : 'BELOW_LOWER_LIMIT';
    if (inTrend[i]) return trendDirection(values, inTrend, i) === 1 ? 'TREND_INCREASING' : 'TREND_DECREASING';
    // Only the points that are themselves close are flagged (`ptd_part_of_two_in_three`).
    if (twoInThree[i] && close[i]) return above ? 'TWO_OF_THREE_ABOVE' : 'TWO_OF_THREE_BELOW';
    if (inShift[i]) return above ? 'SHIFT_ABOVE' : 'SHIFT_BELOW';
    return 'COMMON_CAUSE';
  });
}

/**
 * The direction a trend point is labelled with (0.2.2 fix of issue #171): the step to the next point
 * when the next point is also part of a trend, otherwise the step from the previous point. A zero
 * step (possible where two trends touch) reads as decreasing, exactly as the package's
 * `ifelse(sdy == 1, "In", "De")` does.
 */
function trendDirection(values: readonly number[], inTrend: readonly boolean[], i: number): number {
  if (i + 1 < values.length && inTrend[i + 1]) return Math.sign(values[i + 1] - values[i]);
  return Math.sign(values[i] - values[i - 1]);
}
