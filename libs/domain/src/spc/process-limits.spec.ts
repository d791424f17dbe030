import {
  CLOSE_TO_LIMIT_FACTOR,
  calculateProcessLimits,
  movingRanges,
  screenedAverageMovingRange,
} from './process-limits';

describe('movingRanges', () => {
  it('is the absolute difference of each consecutive pair, one fewer than the values', () => {
    expect(movingRanges([10, 12, 11, 13, 12])).toEqual([2, 1, 2, 1]);
    expect(movingRanges([7])).toEqual([]);
    expect(movingRanges([])).toEqual([]);
  });
});

describe('screenedAverageMovingRange', () => {
  it('keeps every range below 3.267 × the average', () => {
    // average 6 / 4 = 1.5; 3.267 × 1.5 = 4.9005; all kept
    expect(screenedAverageMovingRange([2, 1, 2, 1])).toBe(1.5);
  });

  it('drops a range at or above 3.267 × the average and averages the rest once (no second pass)', () => {
    // 1, 1, 1, 1, 1, 1, 10: average 16 / 7 = 2.2857…; 3.267 × that = 7.467…; 10 dropped; 6 / 6 = 1
    expect(screenedAverageMovingRange([1, 1, 1, 1, 1, 1, 10])).toBe(1);
    // 1 ×10, 4, 8: average 22 / 12 = 1.8333, threshold 5.989 → 8 dropped, 4 kept → 14 / 11 = 1.2727.
    // A second pass (threshold 3.267 × 1.2727 = 4.158) would drop the 4 too; the package screens once.
    expect(screenedAverageMovingRange([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 8])).toBe(14 / 11);
  });

  it('drops a range exactly at the threshold (the package keeps mr < 3.267 × amr)', () => {
    // 3.267 + (4 − 3.267) + 0 + 0 = 4 exactly, average 1, threshold 3.267 × 1 = 3.267: dropped.
    const atThreshold = 3.267;
    const rest = 4 - 3.267;
    expect(screenedAverageMovingRange([atThreshold, rest, 0, 0])).toBe(rest / 3);
    // A hair more elsewhere lifts the threshold above 3.267 and the range is kept.
    expect(screenedAverageMovingRange([atThreshold, rest, 0, 1e-9])).toBeCloseTo(1, 8);
  });

  it('is NaN when every range is zero (nothing is below 3.267 × 0) or there is no range at all', () => {
    expect(screenedAverageMovingRange([0, 0, 0])).toBeNaN();
    expect(screenedAverageMovingRange([])).toBeNaN();
  });
});

describe('calculateProcessLimits', () => {
  it('puts the limits at mean ± 2.66 × average moving range and "close" two thirds of the way', () => {
    // 10 12 11 13 12: mean 58 / 5 = 11.6; ranges 2 1 2 1, average 1.5, none screened (4.9005);
    // limits 11.6 ± 3.99 = 7.61, 15.59; close beyond 11.6 ± (2 × 2.66 / 3) × 1.5 = 11.6 ± 2.66 = 8.94, 14.26
    const limits = calculateProcessLimits([10, 12, 11, 13, 12]);
    expect(limits.mean).toBe(11.6);
    expect(limits.averageMovingRange).toBe(1.5);
    expect(limits.lower).toBeCloseTo(7.61, 12);
    expect(limits.upper).toBeCloseTo(15.59, 12);
    expect(limits.nearLower).toBeCloseTo(8.94, 12);
    expect(limits.nearUpper).toBeCloseTo(14.26, 12);
  });

  it('computes the close factor in the package order, 2 × (2.66 / 3)', () => {
    expect(CLOSE_TO_LIMIT_FACTOR).toBe(2 * (2.66 / 3));
  });

  it('screens an outlying range before setting the limits', () => {
    // 0 1 0 1 0 1 0 10: mean 13 / 8 = 1.625; ranges 1 ×6 and 10, average 16 / 7 = 2.2857, threshold
    // 7.467 → 10 dropped → average 1; limits 1.625 ± 2.66 = -1.035, 4.285 (unscreened: ± 6.08)
    const limits = calculateProcessLimits([0, 1, 0, 1, 0, 1, 0, 10]);
    expect(limits.averageMovingRange).toBe(1);
    expect(limits.lower).toBeCloseTo(-1.035, 12);
    expect(limits.upper).toBeCloseTo(4.285, 12);
  });

  it('has no limits (NaN) for a constant series or a single value, but a mean', () => {
    const constant = calculateProcessLimits([5, 5, 5, 5]);
    expect(constant.mean).toBe(5);
    expect(constant.lower).toBeNaN();
    expect(constant.upper).toBeNaN();
    const single = calculateProcessLimits([7]);
    expect(single.mean).toBe(7);
    expect(single.averageMovingRange).toBeNaN();
  });

  it('collapses the limits onto the mean when screening leaves only zero ranges', () => {
    // 5 5 5 5 6: mean 5.2; ranges 0 0 0 1, average 0.25, threshold 0.81675 → 1 dropped → average 0
    const limits = calculateProcessLimits([5, 5, 5, 5, 6]);
    expect(limits.averageMovingRange).toBe(0);
    expect([limits.lower, limits.mean, limits.upper]).toEqual([5.2, 5.2, 5.2]);
  });

  it('uses the single range of two values', () => {
    // 3 5: mean 4; range 2 (2 < 6.534, kept); limits 4 ± 5.32
    const limits = calculateProcessLimits([3, 5]);
    expect(limits.averageMovingRange).toBe(2);
    expect(limits.lower).toBeCloseTo(-1.32, 12);
    expect(limits.upper).toBeCloseTo(9.32, 12);
  });
});
