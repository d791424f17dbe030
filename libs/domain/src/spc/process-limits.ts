import { meanLikeR } from './mean-like-r';

/** XmR constants (NHSRplotthedots 0.2.2, `ptd_spc_standard`). */
export const LIMIT_FACTOR = 2.66;
/** Two thirds of the way to the limits ("two sigma"), computed in R's order: 2 × (2.66 / 3). */
export const CLOSE_TO_LIMIT_FACTOR = 2 * (LIMIT_FACTOR / 3);
/** Upper range limit of a moving-range chart (D4 for subgroups of 2): larger ranges are screened. */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;

/**
 * The centre line and limits of one rebase group. NaN where R has NaN: a group whose moving ranges
 * are all zero (a constant series) or that has no moving range (one point) has no limits.
 */
export interface ProcessLimits {
  mean: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
  nearLower: number;
  nearUpper: number;
}

/** |x[i] − x[i−1]| for each consecutive pair: one fewer than the values. */
export function movingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i += 1) ranges.push(Math.abs(values[i] - values[i - 1]));
  return ranges;
}

/**
 * The average moving range after screening once for outliers: average all moving ranges, keep
 * those strictly below 3.267 × that average (a range at or above it is dropped) and average again.
 * As `ptd_spc_standard` with `screen_outliers = TRUE`: `mr < 3.267 * amr` keeps, then `mean(mr, na.rm)`.
 * When every range is zero none is kept and the result is NaN, as in R.
 */
export function screenedAverageMovingRange(ranges: readonly number[]): number {
  const average = meanLikeR(ranges);
  const threshold = MOVING_RANGE_SCREEN_FACTOR * average;
  return meanLikeR(ranges.filter((range) => range < threshold));
}

/** Mean, limits and "close to limits" thresholds of one group of consecutive values. */
export function calculateProcessLimits(values: readonly number[]): ProcessLimits {
  return processLimitsOf(meanLikeR(values), screenedAverageMovingRange(movingRanges(values)));
}

/** The limits and "close to limits" thresholds around a mean, from the (screened) average moving range. */
export function processLimitsOf(mean: number, averageMovingRange: number): ProcessLimits {
  return {
    mean,
    averageMovingRange,
    lower: mean - LIMIT_FACTOR * averageMovingRange,
    upper: mean + LIMIT_FACTOR * averageMovingRange,
    nearLower: mean - CLOSE_TO_LIMIT_FACTOR * averageMovingRange,
    nearUpper: mean + CLOSE_TO_LIMIT_FACTOR * averageMovingRange,
  };
}
