import type { ProcessLimits } from './process-limits';
import type { SpecialCauseType } from './spc-vocabulary';

/**
 * The special-cause rules of NHSRplotthedots 0.2.2 (R/ptd_calculate_point_type.R), for one rebase
 * group. Every comparison is with NaN limits false, as R's NA is in `dplyr::case_when`.
 * Signs are -1, 0 or 1 as R's `sign()`.
 *
 * Each rule is one pass over the group (runs are counted as they go, not re-read per point): the stored
 * scores analyse every month of every series, so these loops are the hot path of a recompute (issue 19).
 */

/** Points of a run: seven (a shift), or six steps (a trend). */
export const RUN_LENGTH = 7;

/** -1, 0 or 1: which side of the mean each value lies (`relative_to_mean = sign(y - mean)`). */
export function sidesOfMean(values: readonly number[], mean: number): number[] {
  const sides: number[] = [];
  for (const value of values) sides.push(Math.sign(value - mean));
  return sides;
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
  const ends: number[] = [];
  let run = 0; // points on this point's side, ending here
  for (let i = 0; i < sides.length; i += 1) {
    const side = sides[i];
    run = i > 0 && sides[i - 1] === side ? run + 1 : 1;
    ends.push(side !== 0 && run >= RUN_LENGTH ? side : 0);
  }
  return ends;
}

/**
 * 1 (rising) or -1 (falling) at each point that ends seven points each strictly higher (lower)
 * than the one before: six steps in the same direction. A tie breaks a trend (`ptd_seven_point_trend`).
 */
export function sevenPointTrendEnds(values: readonly number[]): number[] {
  const ends: number[] = [];
  let previousDirection = Number.NaN;
  let run = 0; // steps in this step's direction, ending here
  for (let i = 0; i < values.length; i += 1) {
    if (i === 0) {
      ends.push(0);
      continue;
    }
    const direction = Math.sign(values[i] - values[i - 1]);
    run = direction === previousDirection ? run + 1 : 1;
    previousDirection = direction;
    ends.push(direction !== 0 && run >= RUN_LENGTH - 1 ? direction : 0);
  }
  return ends;
}

/** True for each point that is one of the seven of a run ending at it or within the next six points. */
export function partOfSeven(runEnds: readonly number[]): boolean[] {
  const part: boolean[] = new Array<boolean>(runEnds.length);
  let nextEnd = Number.POSITIVE_INFINITY; // index of the nearest run end at or after i
  for (let i = runEnds.length - 1; i >= 0; i -= 1) {
    if (runEnds[i] !== 0) nextEnd = i;
    part[i] = nextEnd - i < RUN_LENGTH;
  }
  return part;
}

/**
 * True for each point inside some window of three consecutive points (wholly within the group)
 * in which at least two are close to the limits and all three lie on the same side of the mean
 * (`ptd_two_in_three`; the same-side condition is the 0.2.2 fix of issue #143).
 */
export function twoInThreeWindows(close: readonly boolean[], sides: readonly number[]): boolean[] {
  const inWindow: boolean[] = new Array<boolean>(close.length).fill(false);
  for (let start = 0; start + 2 < close.length; start += 1) {
    const closeCount = (close[start] ? 1 : 0) + (close[start + 1] ? 1 : 0) + (close[start + 2] ? 1 : 0);
    const sideSum = sides[start] + sides[start + 1] + sides[start + 2];
    if (closeCount >= 2 && Math.abs(sideSum) === 3) {
      inWindow[start] = true;
      inWindow[start + 1] = true;
      inWindow[start + 2] = true;
    }
  }
  return inWindow;
}

/** What the rules find in one rebase group: each point's special cause and whether it is close to the limits. */
export interface GroupJudgement {
  specialCauses: SpecialCauseType[];
  closeToLimits: boolean[];
}

/**
 * The special-cause type of every value of one rebase group, by precedence: outside the limits,
 * part of a 7-point trend, one of the close points of a 2-of-3, part of a 7-point shift
 * (`ptd_special_cause_type`).
 */
export function detectSpecialCauses(values: readonly number[], limits: ProcessLimits): SpecialCauseType[] {
  return judgeGroup(values, limits).specialCauses;
}

/** `detectSpecialCauses` with the close-to-limits flags it reads on the way, so that nobody computes them twice. */
export function judgeGroup(values: readonly number[], limits: ProcessLimits): GroupJudgement {
  const sides = sidesOfMean(values, limits.mean);
  const close: boolean[] = [];
  for (const value of values) close.push(isCloseToLimits(value, limits));
  const inTrend = partOfSeven(sevenPointTrendEnds(values));
  const twoInThree = twoInThreeWindows(close, sides);
  const inShift = partOfSeven(sevenPointShiftEnds(sides));

  const specialCauses: SpecialCauseType[] = [];
  for (let i = 0; i < values.length; i += 1) {
    specialCauses.push(specialCauseAt(i, values, limits, sides[i] > 0, inTrend, close[i] && twoInThree[i], inShift[i]));
  }
  return { specialCauses, closeToLimits: close };
}

function specialCauseAt(
  i: number,
  values: readonly number[],
  limits: ProcessLimits,
  above: boolean,
  inTrend: readonly boolean[],
  closeInTwoOfThree: boolean,
  inShift: boolean,
): SpecialCauseType {
  if (isOutsideLimits(values[i], limits)) return above ? 'ABOVE_UPPER_LIMIT' : 'BELOW_LOWER_LIMIT';
  if (inTrend[i]) return trendDirection(values, inTrend, i) === 1 ? 'TREND_INCREASING' : 'TREND_DECREASING';
  // Only the points that are themselves close are flagged (`ptd_part_of_two_in_three`).
  if (closeInTwoOfThree) return above ? 'TWO_OF_THREE_ABOVE' : 'TWO_OF_THREE_BELOW';
  if (inShift) return above ? 'SHIFT_ABOVE' : 'SHIFT_BELOW';
  return 'COMMON_CAUSE';
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
