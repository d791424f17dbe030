import { checkedSpcInput } from './analyse-spc';
import { RunningMeanLikeR } from './mean-like-r';
import { MOVING_RANGE_SCREEN_FACTOR, processLimitsOf, type ProcessLimits } from './process-limits';
import { isCloseToLimits, isOutsideLimits, RUN_LENGTH } from './special-causes';
import {
  SHORT_GROUP_MINIMUM_POINTS,
  type AnalyseSpcInput,
  type AssuranceType,
  type PointType,
  type SpcPoint,
  type SpecialCauseType,
} from './spc-vocabulary';
import { assessAssurance, classifyPointType } from './verdicts';

/** The chart of a series as at one of its periods: what `analyseSpc` says of the points up to and including it. */
export interface SpcAsAt {
  /** The latest point of that chart (this period's): its group's mean and limits, special cause and point type. */
  latest: SpcPoint;
  /** The latest point's point type (`SpcAnalysis.variationType`). */
  variationType: PointType;
  /** As `SpcAnalysis.assuranceType`: the latest point's target against its group's limits. */
  assuranceType: AssuranceType | null;
  /** As `SpcAnalysis.shortGroupWarning`: some rebase group of the points up to this period is short. */
  shortGroupWarning: boolean;
}

/**
 * For each point, in period order, the verdicts of `analyseSpc` over the points up to and including it: element k
 * equals, field for field and bit for bit, the latest point, `variationType`, `assuranceType` and
 * `shortGroupWarning` of `analyseSpc({ ...input, points: sorted.slice(0, k + 1) })`, `sorted` being the points in
 * period order. The stored scores keep a series' verdicts as at every month (decision 0021); analysing each prefix
 * afresh costs n²/2 point-steps a series, this one pass about n. Input is checked as `analyseSpc` checks it, with
 * the same errors.
 *
 * Why each verdict of a prefix ending at point k (in rebase group G, G's points so far being its prefix) needs only
 * what came before plus O(1) work (see RULES.md "As at each period"):
 * - Only G matters for the latest point (rules never cross a rebase); the earlier groups are complete and only their
 *   lengths count (the short-group warning).
 * - Mean and moving-range averages: `meanLikeR` of a growing sequence, carried by `RunningMeanLikeR` (the same
 *   additions in the same order, so the same bits). With a baseline (`fixAfterNPoints` n) the limits of a prefix
 *   longer than n are those of the prefix of exactly n: computed once.
 * - Screening keeps the moving ranges strictly below 3.267 × their average; the average moves with every point, so
 *   the kept set can change. When no earlier range lies between the previous threshold and this one, the kept set is
 *   the previous one plus (perhaps) the new range, so the kept sum is carried forward; otherwise (a range crossed the
 *   threshold) the kept sum is summed again over G's ranges in order, as `screenedAverageMovingRange` sums them. This
 *   fallback is the only non-constant step, and is exact either way.
 * - Outside the limits and close to the limits: the latest value against this prefix's limits.
 * - Trend: whether the latest point ends six strictly monotone steps within G depends on the values only; the run
 *   is carried forward, as `sevenPointTrendEnds` counts it. A trend's latest point is labelled by the step from the
 *   previous point (there is no next one).
 * - Two of three: the only window of three holding the latest point is the last three of G, read against this
 *   prefix's mean and limits.
 * - Shift: the last seven values of G against this prefix's mean (which moves, so they are read again: seven sides).
 */
export function analyseSpcAsAtEachPeriod(input: AnalyseSpcInput): SpcAsAt[] {
  const { direction, target, observations, rebaseDates, fixAfter } = checkedSpcInput(input);
  const results: SpcAsAt[] = [];
  const values: number[] = observations.map((observation) => observation.value);
  const limitsSoFar = new RunningLimits();
  let groupIndex = 0;
  let groupStart = 0;
  let earlierGroupShort = false;
  let stepDirection = Number.NaN; // sign of the step into the previous point (NaN before a group's second point)
  let stepRun = 0; // steps in that direction ending at the previous point
  let baselineLimits: ProcessLimits | null = null;

  for (let k = 0; k < observations.length; k += 1) {
    const observation = observations[k];
    const value = values[k];
    // As `rebaseGroups`: a rebase date equal to this period starts a new group (numbered by cumsum of the flags).
    const startsGroup = rebaseDates.size > 0 && rebaseDates.has(observation.period);
    if (startsGroup) groupIndex += 1;
    if (k === 0 || startsGroup) {
      if (k > 0) earlierGroupShort ||= k - groupStart < SHORT_GROUP_MINIMUM_POINTS;
      groupStart = k;
      limitsSoFar.clear();
      baselineLimits = null;
      stepDirection = Number.NaN;
      stepRun = 0;
    }
    const length = k - groupStart + 1;

    // This prefix's limits: of every point of G so far, or of its first n once G is longer than the baseline n.
    let limits: ProcessLimits;
    if (baselineLimits !== null) limits = baselineLimits;
    else {
      limits = limitsSoFar.add(value);
      if (fixAfter !== null && length === fixAfter) baselineLimits = limits;
    }

    // Trend (`sevenPointTrendEnds`): six steps the same strict way ending here.
    let trendEnd = 0;
    if (length > 1) {
      const step = Math.sign(value - values[k - 1]);
      stepRun = step === stepDirection ? stepRun + 1 : 1;
      stepDirection = step;
      trendEnd = step !== 0 && stepRun >= RUN_LENGTH - 1 ? step : 0;
    }

    const mean = limits.mean;
    const side = Math.sign(value - mean);
    const close = isCloseToLimits(value, limits);
    const specialCauseType = latestSpecialCause(values, k, length, limits, side, close, trendEnd);
    const hasLimits = !Number.isNaN(limits.averageMovingRange);
    const pointType = classifyPointType(specialCauseType, direction);
    const latest: SpcPoint = {
      period: observation.period,
      value,
      mean,
      lowerProcessLimit: hasLimits ? limits.lower : null,
      upperProcessLimit: hasLimits ? limits.upper : null,
      closeToLimits: close,
      specialCauseType,
      pointType,
      rebaseGroup: groupIndex,
      target: observation.target === undefined ? target : observation.target,
    };
    results.push({
      latest,
      variationType: pointType,
      assuranceType: assessAssurance(latest.target, limits, direction),
      shortGroupWarning: earlierGroupShort || length < SHORT_GROUP_MINIMUM_POINTS,
    });
  }
  return results;
}

/**
 * The special cause of the latest point k of a group whose points so far are values[k − length + 1 .. k], judged
 * against `limits`, by the precedence of `judgeGroup` (outside, trend, two of three, shift). `side`, `close`: the
 * latest value's side of the mean and whether it is close to the limits; `trendEnd`: 1 or -1 when a trend ends here.
 */
function latestSpecialCause(
  values: readonly number[],
  k: number,
  length: number,
  limits: ProcessLimits,
  side: number,
  close: boolean,
  trendEnd: number,
): SpecialCauseType {
  const above = side > 0;
  if (isOutsideLimits(values[k], limits)) return above ? 'ABOVE_UPPER_LIMIT' : 'BELOW_LOWER_LIMIT';
  // `partOfSeven` at the last point: only a run ending at it; labelled by the step from the previous point.
  if (trendEnd !== 0) return trendEnd === 1 ? 'TREND_INCREASING' : 'TREND_DECREASING';
  // `twoInThreeWindows`: the only window wholly within the group that holds the last point is the last three.
  if (close && length >= 3) {
    const mean = limits.mean;
    const closeCount = (isCloseToLimits(values[k - 2], limits) ? 1 : 0) + (isCloseToLimits(values[k - 1], limits) ? 1 : 0) + 1;
    const sideSum = Math.sign(values[k - 2] - mean) + Math.sign(values[k - 1] - mean) + side;
    if (closeCount >= 2 && Math.abs(sideSum) === 3) return above ? 'TWO_OF_THREE_ABOVE' : 'TWO_OF_THREE_BELOW';
  }
  // `sevenPointShiftEnds` at the last point: the last seven of the group on one side of the mean, none on it.
  if (side !== 0 && length >= RUN_LENGTH) {
    const mean = limits.mean;
    let sameSide = true;
    for (let j = k - RUN_LENGTH + 1; j < k && sameSide; j += 1) sameSide = Math.sign(values[j] - mean) === side;
    if (sameSide) return above ? 'SHIFT_ABOVE' : 'SHIFT_BELOW';
  }
  return 'COMMON_CAUSE';
}

/**
 * `calculateProcessLimits` of a group's points so far, one point at a time: `add(value)` returns the limits of every
 * point added since `clear()`, equal to `calculateProcessLimits` of them to the bit.
 */
class RunningLimits {
  private readonly values = new RunningMeanLikeR();
  private readonly ranges = new RunningMeanLikeR();
  private readonly kept = new RunningMeanLikeR();
  /** The group's moving ranges in order, and the same sorted ascending (to find one between two thresholds). */
  private readonly inOrder: number[] = [];
  private readonly sorted: number[] = [];
  private previousValue = Number.NaN;
  private previousThreshold = Number.NaN;

  clear(): void {
    this.values.clear();
    this.ranges.clear();
    this.kept.clear();
    this.inOrder.length = 0;
    this.sorted.length = 0;
    this.previousValue = Number.NaN;
    this.previousThreshold = Number.NaN;
  }

  add(value: number): ProcessLimits {
    this.values.add(value);
    if (this.values.count > 1) {
      const range = Math.abs(value - this.previousValue);
      this.ranges.add(range);
      // `screenedAverageMovingRange`: keep the ranges strictly below 3.267 × their average.
      const threshold = MOVING_RANGE_SCREEN_FACTOR * this.ranges.mean();
      if (this.anyRangeBetween(this.previousThreshold, threshold)) {
        // An earlier range is kept under one threshold and not the other: sum the kept ranges again, in order.
        this.kept.clear();
        for (const earlier of this.inOrder) if (earlier < threshold) this.kept.add(earlier);
      }
      if (range < threshold) this.kept.add(range);
      this.inOrder.push(range);
      this.sorted.splice(firstAtOrAbove(this.sorted, range), 0, range);
      this.previousThreshold = threshold;
    }
    this.previousValue = value;
    return processLimitsOf(this.values.mean(), this.kept.mean());
  }

  /**
   * Whether some range so far r has `r < a` differ from `r < b`: lies in [min(a, b), max(a, b)). With no range so
   * far (a is NaN then) there is none.
   */
  private anyRangeBetween(a: number, b: number): boolean {
    if (this.sorted.length === 0 || a === b) return false;
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const index = firstAtOrAbove(this.sorted, low);
    return index < this.sorted.length && this.sorted[index] < high;
  }
}

/** The index of the first element of an ascending array at or above x (its length when none is). */
function firstAtOrAbove(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < x) low = middle + 1;
    else high = middle;
  }
  return low;
}
