import { calculateProcessLimits } from './process-limits';
import {
  detectSpecialCauses,
  isCloseToLimits,
  isOutsideLimits,
  partOfSeven,
  sevenPointShiftEnds,
  sevenPointTrendEnds,
  sidesOfMean,
  twoInThreeWindows,
} from './special-causes';

/*
 * The helper cases of NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R, ported as data.
 * R returns 0/1 numbers; booleans and signs here, so results are compared as 0/1 (or -1/0/1).
 */
const asBits = (xs: readonly (number | boolean)[]): number[] => xs.map((x) => (x ? 1 : 0));
const rep = <T>(value: T, times: number): T[] => Array<T>(times).fill(value);

describe('sevenPointShiftEnds (ptd_seven_point_one_side_mean)', () => {
  it.each([
    [[], []],
    [rep(1, 6), rep(0, 6)],
    [[...rep(1, 6), -1], rep(0, 7)],
    [[...rep(1, 8), -1], [0, 0, 0, 0, 0, 0, 1, 1, 0]],
    [[...rep(-1, 8), 1], [0, 0, 0, 0, 0, 0, 1, 1, 0]],
    [[-1, ...rep(1, 8), -1], [0, 0, 0, 0, 0, 0, 0, 1, 1, 0]],
    [[1, ...rep(-1, 8), 1], [0, 0, 0, 0, 0, 0, 0, 1, 1, 0]],
  ])('marks the end of each run of seven on one side: %j → %j', (sides, expected) => {
    expect(asBits(sevenPointShiftEnds(sides))).toEqual(expected);
  });

  it('gives the side of the run and lets a point on the mean (0) break it', () => {
    expect(sevenPointShiftEnds([...rep(-1, 7)])).toEqual([...rep(0, 6), -1]);
    expect(asBits(sevenPointShiftEnds([1, 1, 1, 0, 1, 1, 1, 1]))).toEqual(rep(0, 8));
    expect(asBits(sevenPointShiftEnds(rep(0, 9)))).toEqual(rep(0, 9));
  });
});

describe('partOfSeven (ptd_part_of_seven_trend)', () => {
  it.each([
    [[], []],
    [rep(0, 6), rep(0, 6)],
    [[0, 0, 0, 0, 0, 0, 1, 1, 0], [1, 1, 1, 1, 1, 1, 1, 1, 0]],
    [[0, 0, 0, 0, 0, 0, 0, 0, -1], [0, 0, 1, 1, 1, 1, 1, 1, 1]],
  ])('flags every point of a run that ends at it or within the next six: %j → %j', (ends, expected) => {
    expect(asBits(partOfSeven(ends))).toEqual(expected);
  });
});

describe('sevenPointTrendEnds (ptd_seven_point_trend)', () => {
  const range = (from: number, to: number): number[] =>
    Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from <= to ? from + i : from - i));
  it.each([
    [[], []],
    [range(1, 6), rep(0, 6)],
    [[...range(1, 3), ...range(3, 6)], rep(0, 7)], // a tie breaks the trend
    [range(1, 7), [...rep(0, 6), 1]],
    [[2, ...range(1, 7), 3], [...rep(0, 7), 1, 0]],
    [range(7, 1), [...rep(0, 6), -1]],
    [[2, ...range(7, 1), 3], [...rep(0, 7), -1, 0]],
  ])('marks the end of six steps the same way: %j → %j', (values, expected) => {
    expect(sevenPointTrendEnds(values)).toEqual(expected);
  });
});

describe('twoInThreeWindows (ptd_two_in_three) and the close points it flags (ptd_part_of_two_in_three)', () => {
  // The package's helper tests predate the same-side condition (issue #143): all points here are on
  // one side of the mean, so their expectations still hold.
  const sameSide = (n: number): number[] => rep(1, n);
  const cases: [number[], number[], number[]][] = [
    // close, points in a qualifying window, close points flagged
    [[], [], []],
    [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
    [[1, 0, 1], [1, 1, 1], [1, 0, 1]],
    [[0, 1, 1], [1, 1, 1], [0, 1, 1]],
    [[1, 1, 0], [1, 1, 1], [1, 1, 0]],
    [[0, 0, 1, 0, 1, 0, 0], [0, 0, 1, 1, 1, 0, 0], [0, 0, 1, 0, 1, 0, 0]],
    [[0, 0, 1, 1, 0, 0, 0], [0, 1, 1, 1, 1, 0, 0], [0, 0, 1, 1, 0, 0, 0]],
    [[1, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0]],
    [[1, 0, 0, 1, 1], [0, 0, 1, 1, 1], [0, 0, 0, 1, 1]],
  ];
  it.each(cases)('close %j → windows %j, flagged %j', (close, windows, flagged) => {
    const closeFlags = close.map((c) => c === 1);
    const inWindow = twoInThreeWindows(closeFlags, sameSide(close.length));
    expect(asBits(inWindow)).toEqual(windows);
    expect(asBits(inWindow.map((w, i) => w && closeFlags[i]))).toEqual(flagged);
  });

  it('needs all three points of the window on the same side of the mean (0.2.2, issue #143)', () => {
    expect(asBits(twoInThreeWindows([true, true, false], [1, -1, -1]))).toEqual([0, 0, 0]);
    expect(asBits(twoInThreeWindows([true, false, true], [1, -1, 1]))).toEqual([0, 0, 0]);
    expect(asBits(twoInThreeWindows([true, false, true], [1, 0, 1]))).toEqual([0, 0, 0]);
    expect(asBits(twoInThreeWindows([true, false, true], [-1, -1, -1]))).toEqual([1, 1, 1]);
  });
});

describe('sidesOfMean, isOutsideLimits, isCloseToLimits', () => {
  const limits = calculateProcessLimits([10, 12, 11, 13, 12]); // mean 11.6, limits 7.61 / 15.59, close 8.94 / 14.26

  it('reads the side as R sign(y - mean)', () => {
    expect(sidesOfMean([10, 11.6, 13], 11.6)).toEqual([-1, 0, 1]);
  });

  it('is outside strictly beyond a limit and close strictly beyond the near limit but not outside', () => {
    expect([7.6, 7.62, 15.6, 15.58].map((v) => isOutsideLimits(v, limits))).toEqual([true, false, true, false]);
    expect([7.6, 8, 9, 14, 14.5, 15.6].map((v) => isCloseToLimits(v, limits))).toEqual([
      false,
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it('is neither outside nor close when there are no limits (NaN comparisons are false, as R NA)', () => {
    const none = calculateProcessLimits([5, 5, 5]);
    expect(isOutsideLimits(5, none)).toBe(false);
    expect(isCloseToLimits(5, none)).toBe(false);
  });
});

describe('detectSpecialCauses', () => {
  it('returns nothing for no values', () => {
    expect(detectSpecialCauses([], calculateProcessLimits([]))).toEqual([]);
  });

  it('labels a trend point by the next step when the next point is in a trend too, else by the previous step', () => {
    // 1..7 rising then 7..1 falling share the peak: the peak takes the falling step to its right (#171).
    const values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const limits = { ...calculateProcessLimits(values), lower: -100, upper: 100, nearLower: -100, nearUpper: 100 };
    const causes = detectSpecialCauses(values, limits);
    expect(causes.slice(0, 6)).toEqual(rep('TREND_INCREASING', 6));
    expect(causes.slice(6)).toEqual(rep('TREND_DECREASING', 7));
  });

  it('labels the last point of a rising trend "decreasing" when a flat step leads into a second trend (package quirk)', () => {
    // 1..7 rising, then 7 again starting a falling 7..1: point 7 (index 6) and index 7 are both in a
    // trend, the step between them is 0, and ifelse(sdy == 1, "In", "De") reads 0 as decreasing.
    const values = [1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1];
    const limits = { ...calculateProcessLimits(values), lower: -100, upper: 100, nearLower: -100, nearUpper: 100 };
    const causes = detectSpecialCauses(values, limits);
    expect(causes.slice(0, 6)).toEqual(rep('TREND_INCREASING', 6));
    expect(causes[6]).toBe('TREND_DECREASING');
    expect(causes.slice(7)).toEqual(rep('TREND_DECREASING', 7));
  });
});
