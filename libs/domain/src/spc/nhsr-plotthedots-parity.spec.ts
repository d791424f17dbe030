import { analyseSpc } from './analyse-spc';
import type { AnalyseSpcInput, ImprovementDirection, SpcAnalysis } from './spc-vocabulary';

/*
 * Cases ported, as data, from the tests of NHSRplotthedots (nhs-r-community/NHSRplotthedots,
 * tests/testthat). The integration tests (test-integration_tests.R) snapshot the whole result of
 * `ptd_spc()` as R's serialised data frame (tests/testthat/_snaps/integration_tests.md): the means
 * and limits below were decoded from those bytes, so they are R's own doubles, written with 17
 * significant digits (a double round-trips through them). The inputs are NHSRdatasets'
 * ae_attendances, the same data as /work/shared/data/ae_attendances.csv, summed as the R test does.
 *
 * The snapshot was taken before 0.2.2 (its columns have no special_cause_type). Its limits are the
 * same in 0.2.2 (`ptd_spc_standard` did not change); its point types differ from 0.2.2 only where
 * 0.2.2 fixed a bug, noted where it happens (issue #143).
 */

const TOLERANCE = 1e-9;

const MONTHS = Array.from({ length: 36 }, (_, i) => {
  const month = ((3 + i) % 12) + 1;
  const year = 2016 + Math.floor((3 + i) / 12);
  return `${year}-${String(month).padStart(2, '0')}-01`;
}); // 2016-04-01 … 2019-03-01

// ae_attendances summed over every organisation and type, by period (the R test's `ae_all()`).
const AE_ALL_ATTENDANCES = [
  1867781, 2070340, 1958802, 2079034, 1932901, 1952464, 2001816, 1907871, 1944567, 1895272, 1735619, 2015834,
  1949762, 2066789, 1994056, 2073944, 1924663, 1925961, 2044137, 1976971, 2003954, 2000086, 1820012, 2049785,
  1984369, 2164458, 2093942, 2179896, 1997854, 2005695, 2079492, 2037847, 2047518, 2113413, 1954947, 2167550,
];
const AE_ALL_BREACHES = [
  186122, 201329, 184912, 201973, 174419, 182597, 219137, 221713, 268818, 281612, 216416, 201392, 184930, 212872,
  184945, 200180, 186706, 199027, 205602, 222082, 300893, 294029, 272187, 315232, 226764, 208002, 193418, 232824,
  205239, 221756, 228550, 252602, 277514, 330696, 308388, 290359,
];
// ae_attendances of trust RL4 by department type (the R test's `ae_rl4_by_type()`): types 1 and "other".
const RL4_TYPE_1_ATTENDANCES = [
  10811, 11800, 11028, 11561, 10700, 10999, 11108, 10573, 10541, 10711, 9797, 11505, 11072, 11858, 11531, 11752,
  11009, 10884, 11436, 10892, 10705, 11186, 10018, 10985, 10709, 11639, 11548, 11844, 10965, 11336, 11771, 11609,
  11494, 12311, 11199, 12471,
];
const RL4_TYPE_1_BREACHES = [
  1613, 1922, 1280, 1845, 1768, 1123, 1468, 1460, 1591, 2416, 1689, 1651, 1400, 1148, 1212, 1108, 1301, 1476, 1500,
  2120, 2314, 2931, 2396, 2793, 1704, 1133, 1669, 1651, 1170, 1493, 1541, 2005, 1440, 2377, 2093, 1819,
];
const RL4_OTHER_ATTENDANCES = [
  4414, 4664, 4229, 4663, 4279, 7409, 8228, 8614, 9089, 7657, 8131, 8651, 9148, 9165, 8401, 8489, 7637, 7856, 8782,
  8386, 9138, 9830, 8527, 8862, 8466, 8906, 8278, 8344, 7876, 7506, 8226, 8479, 9090, 9270, 8494, 8863,
];
const RL4_OTHER_BREACHES = [
  0, 0, 0, 0, 0, 7, 15, 28, 83, 67, 156, 104, 112, 88, 95, 155, 173, 132, 208, 308, 242, 278, 151, 168, 58, 67, 58,
  49, 52, 49, 99, 176, 161, 164, 186, 152,
];

/** `performance = 1 - breaches / attendances`, in R's order. */
function performance(attendances: number[], breaches: number[]): number[] {
  return attendances.map((a, i) => 1 - breaches[i] / a);
}

function chart(values: number[], options: Partial<AnalyseSpcInput> = {}): SpcAnalysis {
  return analyseSpc({
    points: values.map((value, i) => ({ period: MONTHS[i], value })),
    improvementDirection: 'INCREASE' as ImprovementDirection,
    ...options,
  });
}

/** Point types written one letter a point: . common cause, I improvement, C concern. */
function pointTypeLetters(analysis: SpcAnalysis): string {
  const letter = { COMMON_CAUSE: '.', SPECIAL_CAUSE_IMPROVEMENT: 'I', SPECIAL_CAUSE_CONCERN: 'C' } as const;
  return analysis.points.map((p) => letter[p.pointType as keyof typeof letter] ?? '?').join('');
}

function flags(analysis: SpcAnalysis, flag: (p: SpcAnalysis['points'][number]) => boolean): string {
  return analysis.points.map((p) => (flag(p) ? '1' : '0')).join('');
}

function outside(analysis: SpcAnalysis): string {
  return flags(analysis, (p) => p.specialCauseType === 'ABOVE_UPPER_LIMIT' || p.specialCauseType === 'BELOW_LOWER_LIMIT');
}

function expectGroupLimits(
  analysis: SpcAnalysis,
  from: number,
  to: number,
  expected: { mean: number; lower: number; upper: number },
): void {
  for (const point of analysis.points.slice(from, to)) {
    expect(Math.abs(point.mean - expected.mean)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs((point.lowerProcessLimit as number) - expected.lower)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs((point.upperProcessLimit as number) - expected.upper)).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('agreement with NHSRplotthedots integration snapshots (ae_attendances)', () => {
  it('ae_all attendances: mean and limits equal R within 1e-9, every point common cause, 4 close to the limits', () => {
    // test-integration_tests.R: ptd_spc(ae_all(), attendances, period)
    const analysis = chart(AE_ALL_ATTENDANCES);
    expectGroupLimits(analysis, 0, 36, {
      mean: 2000538.9444444445,
      lower: 1731844.3644444444,
      upper: 2269233.5244444446,
    });
    expect(pointTypeLetters(analysis)).toBe('.'.repeat(36));
    // close_to_limits column of the snapshot
    expect(flags(analysis, (p) => p.closeToLimits)).toBe('000000000010000000000010000100000000');
    expect(analysis.points.every((p) => p.rebaseGroup === 0)).toBe(true);
    expect(analysis.shortGroupWarning).toBe(false);
  });

  it('ae_all attendances rebased at 2017-04-01: each group has its own mean and limits, equal to R within 1e-9', () => {
    // test-integration_tests.R: ptd_spc(ae_all(), attendances, period, rebase = as.Date("2017-04-01"))
    const analysis = chart(AE_ALL_ATTENDANCES, { rebaseDates: ['2017-04-01'] });
    expectGroupLimits(analysis, 0, 12, {
      mean: 1946858.4166666667,
      lower: 1639947.374848485,
      upper: 2253769.4584848485,
    });
    expectGroupLimits(analysis, 12, 36, {
      mean: 2027379.2083333333,
      lower: 1772921.0639855072,
      upper: 2281837.3526811595,
    });
    expect(analysis.points.map((p) => p.rebaseGroup)).toEqual([...Array(12).fill(0), ...Array(24).fill(1)]);
    expect(pointTypeLetters(analysis)).toBe('.'.repeat(36));
    expect(analysis.shortGroupWarning).toBe(true); // the first group has 12 points
  });

  it('ae_all performance (default options): limits within 1e-9 and the same outside, close and point types as R', () => {
    // test-integration_tests.R "plot arguments behave as expected": ptd_spc(ae_all(), performance, period)
    const analysis = chart(performance(AE_ALL_ATTENDANCES, AE_ALL_BREACHES));
    expectGroupLimits(analysis, 0, 36, {
      mean: 0.8847056829421236,
      lower: 0.8604472128746817,
      upper: 0.9089641530095655,
    });
    expect(outside(analysis)).toBe('000010000100000000001111000000000110');
    expect(flags(analysis, (p) => p.closeToLimits)).toBe('011101001000101110000000011000001001');
    expect(pointTypeLetters(analysis)).toBe('IIIIIII..C.IIIIIIIIICCCCIIIIIII..CC.');
    expect(analysis.variationType).toBe('COMMON_CAUSE');
  });

  it('RL4 attendances by type: limits within 1e-9; point types as R except the 2-in-3 that 0.2.2 fixed (issue #143)', () => {
    // test-integration_tests.R: ptd_spc(ae_rl4_by_type(), attendances, period, facet_field = type), one facet a chart
    const type1 = chart(RL4_TYPE_1_ATTENDANCES);
    expectGroupLimits(type1, 0, 36, {
      mean: 11204.388888888889,
      lower: 9668.2768888888895,
      upper: 12740.500888888888,
    });
    expect(flags(type1, (p) => p.closeToLimits)).toBe('000000000010000000000010000000000101');
    // The snapshot (before 0.2.2) ends '…I.I': points 34 and 36 (12311, 12471) are close to the upper
    // limit, but point 35 (11199) is below the mean (11204.39). 0.2.2 requires all three points of the
    // window on one side of the mean (NEWS.md, issue #143), so they are common cause here.
    expect(pointTypeLetters(type1)).toBe('....CCCCCCC.........................');

    const other = chart(RL4_OTHER_ATTENDANCES);
    expectGroupLimits(other, 0, 36, { mean: 7945.75, lower: 6558.8729411764707, upper: 9332.6270588235293 });
    expect(outside(other)).toBe('111110000000000000000100000000000000');
    expect(flags(other, (p) => p.closeToLimits)).toBe('000000001000110000001000010000001100');
    expect(pointTypeLetters(other)).toBe('CCCCC.......II....IIIIIIIIII....II..');
  });

  it('RL4 performance by type: limits within 1e-9 and the same outside, close and point types as R', () => {
    // test-integration_tests.R: ptd_spc(ae_rl4_by_type(), performance, period, facet_field = type)
    const type1 = chart(performance(RL4_TYPE_1_ATTENDANCES, RL4_TYPE_1_BREACHES));
    expectGroupLimits(type1, 0, 36, {
      mean: 0.8465251279816813,
      lower: 0.7605954283455616,
      upper: 0.9324548276178011,
    });
    expect(outside(type1)).toBe('000000000000000000000101000000000000');
    expect(flags(type1, (p) => p.closeToLimits)).toBe('000000000100000100001010000000000000');
    expect(pointTypeLetters(type1)).toBe('...........IIIIIIII.CCCC............');

    const other = chart(performance(RL4_OTHER_ATTENDANCES, RL4_OTHER_BREACHES));
    expectGroupLimits(other, 0, 36, {
      mean: 0.9876265567345781,
      lower: 0.97815176322140807,
      upper: 0.9971013502477482,
    });
    expect(outside(other)).toBe('111111100000000010111100000000000010');
    expect(flags(other, (p) => p.closeToLimits)).toBe('000000010010000000000001000100010000');
    expect(pointTypeLetters(other)).toBe('IIIIIIIIII.....CCCCCCCCCIIIIIII...C.');
  });
});

describe('agreement with NHSRplotthedots unit tests', () => {
  it('2 points close to the limits on opposite sides of the mean are common cause (test-ptd_spc_standard.R)', () => {
    // data = rep(c(1, -1), 8); data[15] = 5.5; data[16] = -5.5; expected last two point types common_cause.
    // By hand: mean 0 / 16 = 0; moving ranges 2 (×13), 6.5, 11: average 43.5 / 15 = 2.9, screened at
    // 3.267 × 2.9 = 9.4743 → 11 is dropped → 32.5 / 14 = 2.321428…; limits ±6.175; close beyond
    // ±4.1167: 5.5 and -5.5 are both inside the limits and close, but on opposite sides of the mean,
    // so no window of three points lies all on one side.
    const values = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 5.5, -5.5];
    const analysis = chart(values);
    expect(analysis.points.slice(-2).map((p) => p.pointType)).toEqual(['COMMON_CAUSE', 'COMMON_CAUSE']);
    expect(analysis.points.slice(-2).map((p) => p.closeToLimits)).toEqual([true, true]);
  });

  // set.seed(123); rnorm(20), to 8 decimals; dates 2020-01-02 … 2020-01-21 (test-ptd_spc.R, "it outputs
  // expected content"). The summary snapshot (_snaps/ptd_spc.md) prints 3 significant figures.
  const RNORM_20 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285,
    -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716,
    0.7013559, -0.47279141,
  ];
  const daily = (values: number[], options: Partial<AnalyseSpcInput> = {}): SpcAnalysis =>
    analyseSpc({
      points: values.map((value, i) => ({ period: `2020-01-${String(i + 2).padStart(2, '0')}`, value })),
      improvementDirection: 'INCREASE',
      ...options,
    });

  it('summary of 20 random normal points: mean 0.142, limits -3.01 and 3.29, 20 common cause', () => {
    const analysis = daily(RNORM_20);
    expect(analysis.points[0].mean).toBeCloseTo(0.142, 3);
    expect(analysis.points[0].lowerProcessLimit).toBeCloseTo(-3.01, 2);
    expect(analysis.points[0].upperProcessLimit).toBeCloseTo(3.29, 2);
    expect(analysis.points.every((p) => p.pointType === 'COMMON_CAUSE')).toBe(true);
  });

  it('summary by facet of 10 points each: 0.0746 (-2.60, 2.75) and 0.209 (-3.28, 3.70)', () => {
    const first = daily(RNORM_20.slice(0, 10));
    expect(first.points[0].mean).toBeCloseTo(0.0746, 4);
    expect(first.points[0].lowerProcessLimit).toBeCloseTo(-2.6, 2);
    expect(first.points[0].upperProcessLimit).toBeCloseTo(2.75, 2);
    const second = daily(RNORM_20.slice(10));
    expect(second.points[0].mean).toBeCloseTo(0.209, 3);
    expect(second.points[0].lowerProcessLimit).toBeCloseTo(-3.28, 2);
    expect(second.points[0].upperProcessLimit).toBeCloseTo(3.7, 2);
    expect(first.shortGroupWarning && second.shortGroupWarning).toBe(true);
  });

  it('a rebase date that is not one of the periods is ignored (rebase = 2020-01-01 gives rebase_group 0)', () => {
    const analysis = daily(RNORM_20, { rebaseDates: ['2020-01-01'] });
    expect(analysis.points.every((p) => p.rebaseGroup === 0)).toBe(true);
    expect(analysis.points[0].mean).toBeCloseTo(0.142, 3);
  });

  it('rebase dates 2020-01-03 and 2020-01-08 start groups at those points (test-ptd_add_rebase_column.R)', () => {
    // x = 2020-01-02 … 2020-01-11; rebase column 0 1 0 0 0 0 1 0 0 0 → rebase_group = cumsum: 0 1 1 1 1 1 2 2 2 2
    const analysis = daily(RNORM_20.slice(0, 10), { rebaseDates: ['2020-01-03', '2020-01-08'] });
    expect(analysis.points.map((p) => p.rebaseGroup)).toEqual([0, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
  });
  it('fix_after_n_points = 12 changes the limits (test-ptd_spc_standard.R): mean and moving range of the first 12 only', () => {
    const unfixed = daily(RNORM_20);
    const fixed = daily(RNORM_20, { fixAfterNPoints: 12 });
    expect(fixed.points[0].lowerProcessLimit).not.toBe(unfixed.points[0].lowerProcessLimit);
    expect(fixed.points[0].upperProcessLimit).not.toBe(unfixed.points[0].upperProcessLimit);
    // By hand, as ptd_spc_standard does: fix_y = y for row_number() <= 12, NA after; mean and ranges of fix_y.
    const first = RNORM_20.slice(0, 12);
    const mean = first.reduce((a, b) => a + b, 0) / 12;
    const ranges = first.slice(1).map((y, i) => Math.abs(y - first[i]));
    const average = ranges.reduce((a, b) => a + b, 0) / ranges.length;
    const kept = ranges.filter((r) => r < 3.267 * average);
    const screened = kept.reduce((a, b) => a + b, 0) / kept.length;
    for (const point of fixed.points) {
      expect(point.mean).toBeCloseTo(mean, 12);
      expect(point.lowerProcessLimit).toBeCloseTo(mean - 2.66 * screened, 12);
      expect(point.upperProcessLimit).toBeCloseTo(mean + 2.66 * screened, 12);
    }
    // The warning counts the whole group (n() of the group), not the fixed points.
    expect(fixed.shortGroupWarning).toBe(false);
  });

  it('fix_after_n_points below 12 or not a whole number is refused (test-ptd_spc_options.R)', () => {
    for (const bad of [11, 12.5, Number.NaN, '12' as unknown as number]) {
      expect(() => daily(RNORM_20, { fixAfterNPoints: bad })).toThrow(expect.objectContaining({ code: 'SPC_INVALID_FIX_AFTER_N_POINTS' }));
    }
    expect(() => daily(RNORM_20, { fixAfterNPoints: 12 })).not.toThrow();
  });
});
