import { DomainError } from '../errors';
import { analyseSpc, MAX_VALUE_MAGNITUDE } from './analyse-spc';
import type { AnalyseSpcInput, SpcAnalysis, SpecialCauseType } from './spc-vocabulary';

/*
 * Hand-worked series, one or more a rule and edge case. Each comment works the numbers the way the
 * package does: mean of the group; moving ranges |x[i] − x[i−1]|, their average, the screen at
 * 3.267 × average (ranges at or above it dropped) and the average again; limits mean ± 2.66 × that;
 * "close" beyond mean ± 1.7733… × that (2 × 2.66 / 3) but inside the limits.
 */

/** Month i after January 2020 as yyyy-mm-01. */
const month = (i: number): string => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

function chart(values: number[], options: Partial<AnalyseSpcInput> = {}): SpcAnalysis {
  return analyseSpc({
    points: values.map((value, i) => ({ period: month(i), value })),
    improvementDirection: 'INCREASE',
    ...options,
  });
}

const causes = (analysis: SpcAnalysis): SpecialCauseType[] => analysis.points.map((p) => p.specialCauseType);
const rep = <T>(value: T, times: number): T[] => Array<T>(times).fill(value);
/** n values alternating low, high (low first). */
const alternating = (n: number, low: number, high: number): number[] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? low : high));

function expectDomainError(run: () => unknown, code: string, details?: Record<string, unknown>): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe(code);
  if (details) expect((thrown as DomainError).details).toMatchObject(details);
}

describe('analyseSpc: limits', () => {
  it('gives every point the mean and the limits of its group', () => {
    // 10 12 11 13 12: mean 58 / 5 = 11.6; ranges 2 1 2 1, average 1.5 (screen 4.9005 keeps all);
    // limits 11.6 ± 3.99 = 7.61, 15.59; close beyond 8.94 / 14.26: nothing special.
    const analysis = chart([10, 12, 11, 13, 12]);
    for (const point of analysis.points) {
      expect(point.mean).toBe(11.6);
      expect(point.lowerProcessLimit).toBeCloseTo(7.61, 12);
      expect(point.upperProcessLimit).toBeCloseTo(15.59, 12);
      expect(point.closeToLimits).toBe(false);
      expect(point.pointType).toBe('COMMON_CAUSE');
    }
    expect(analysis.variationType).toBe('COMMON_CAUSE');
  });
});

describe('analyseSpc: special-cause rules', () => {
  it('flags a point above the upper limit and a point below the lower limit, screening their ranges', () => {
    // 24 months alternating 4, 6 with month 6 at 20 and month 17 at −10: sum 120 + 14 − 14, mean 5.
    // Ranges: 2 ×19 and 16 ×4 (either side of each outlier): average 102 / 23 = 4.4348, screen
    // 3.267 × 4.4348 = 14.488 drops the four 16s → 38 / 19 = 2. Limits 5 ± 5.32 = −0.32, 10.32.
    // Close beyond 5 ± 3.5467 = 1.4533, 8.5467: no 4 or 6 is close. Sides alternate: no run.
    const values = alternating(24, 4, 6);
    values[5] = 20;
    values[16] = -10;
    const analysis = chart(values);
    expect(analysis.points[0].mean).toBe(5);
    expect(analysis.points[0].lowerProcessLimit).toBeCloseTo(-0.32, 12);
    expect(analysis.points[0].upperProcessLimit).toBeCloseTo(10.32, 12);
    const expected = rep<SpecialCauseType>('COMMON_CAUSE', 24);
    expected[5] = 'ABOVE_UPPER_LIMIT';
    expected[16] = 'BELOW_LOWER_LIMIT';
    expect(causes(analysis)).toEqual(expected);
    expect(analysis.points[5].pointType).toBe('SPECIAL_CAUSE_IMPROVEMENT');
    expect(analysis.points[16].pointType).toBe('SPECIAL_CAUSE_CONCERN');

    const lowerIsBetter = chart(values, { improvementDirection: 'DECREASE' });
    expect(lowerIsBetter.points[5].pointType).toBe('SPECIAL_CAUSE_CONCERN');
    expect(lowerIsBetter.points[16].pointType).toBe('SPECIAL_CAUSE_IMPROVEMENT');
  });

  it('flags all seven points of a rising trend, even those below the mean and one close to a limit', () => {
    // 4 6 4 | 1 2 3 4 5 6 7 | 4 6 4 6: sum 62, mean 4.428571; ranges 2 2 3 1 1 1 1 1 1 3 2 2 2 = 22,
    // average 1.6923 (screen 5.529 keeps all); limits 4.428571 ± 4.50154 = −0.07297, 8.93011; close
    // beyond 1.42754 / 7.42960: 1 is close but the trend comes first; 7 is not close.
    const analysis = chart([4, 6, 4, 1, 2, 3, 4, 5, 6, 7, 4, 6, 4, 6]);
    expect(causes(analysis)).toEqual([
      ...rep('COMMON_CAUSE', 3),
      ...rep('TREND_INCREASING', 7),
      ...rep('COMMON_CAUSE', 4),
    ]);
    expect(analysis.points[3].closeToLimits).toBe(true);
    expect(analysis.points.slice(3, 10).every((p) => p.pointType === 'SPECIAL_CAUSE_IMPROVEMENT')).toBe(true);
  });

  it('labels a falling trend that crosses the mean by its direction, not by the side (0.2.2, issue #171)', () => {
    // 4 6 4 | 9 8 7 6 5 4 3 | 4 6 4 6: sum 76, mean 5.428571; ranges 2 2 5 1 1 1 1 1 1 1 2 2 2 = 22,
    // average 1.6923; limits 0.92703, 9.93011; close beyond 2.42754 / 8.42960 (9 is close).
    // 9 8 7 6 are above the mean, yet part of a fall: a concern when higher is better.
    const analysis = chart([4, 6, 4, 9, 8, 7, 6, 5, 4, 3, 4, 6, 4, 6]);
    expect(causes(analysis).slice(3, 10)).toEqual(rep('TREND_DECREASING', 7));
    expect(analysis.points.slice(3, 10).map((p) => p.pointType)).toEqual(rep('SPECIAL_CAUSE_CONCERN', 7));
    expect(causes(analysis).filter((c) => c !== 'TREND_DECREASING')).toEqual(rep('COMMON_CAUSE', 7));
  });

  it('does not count a tie as a step of a trend', () => {
    // 4 6 4 | 1 2 3 3 4 5 6 | 4 6 4 6: sum 58, mean 4.142857; ranges sum 20, average 1.53846; limits
    // 0.05055, 8.23516; close beyond 1.41465 / 6.87106 (only the 1). The rise 1…6 has a flat step,
    // so no seven strictly rising points; 4 1 2 3 3 4 are six below the mean, one short of a shift.
    const analysis = chart([4, 6, 4, 1, 2, 3, 3, 4, 5, 6, 4, 6, 4, 6]);
    expect(causes(analysis)).toEqual(rep('COMMON_CAUSE', 14));
  });

  it('flags the two close points of 2-of-3 on one side of the mean, not the third point', () => {
    // 20 months alternating 4.5, 5.5, with months 10 and 12 at 8 and month 11 at 5.5: sum 100 + 6,
    // mean 5.3. Ranges 1 ×15 and 3.5, 2.5, 2.5, 3.5 = 27, average 27 / 19 = 1.42105 (screen 4.643
    // keeps all); limits 5.3 ± 3.78 = 1.52, 9.08; close beyond 5.3 ± 2.52 = 2.78, 7.82: both 8s are
    // close, and 8 5.5 8 all lie above the mean.
    const values = alternating(20, 4.5, 5.5);
    values[9] = 8;
    values[10] = 5.5;
    values[11] = 8;
    const analysis = chart(values);
    expect(analysis.points[0].mean).toBeCloseTo(5.3, 12);
    expect(analysis.points[0].upperProcessLimit).toBeCloseTo(9.08, 12);
    const expected = rep<SpecialCauseType>('COMMON_CAUSE', 20);
    expected[9] = 'TWO_OF_THREE_ABOVE';
    expected[11] = 'TWO_OF_THREE_ABOVE';
    expect(causes(analysis)).toEqual(expected);
    expect(analysis.points.map((p) => p.closeToLimits)).toEqual(expected.map((c) => c !== 'COMMON_CAUSE'));
  });

  it('flags seven points in a row on one side of the mean as a shift', () => {
    // 5.5 6.5 5.5 6.5 5.5 6.5 5.5 | 4.5 3.5 4.5 3.5 4.5 3.5 4.5: sum 41.5 + 28.5 = 70, mean 5; every
    // range 1, average 1; limits 2.34, 7.66; close beyond 3.2267 / 6.7733: none.
    const analysis = chart([5.5, 6.5, 5.5, 6.5, 5.5, 6.5, 5.5, 4.5, 3.5, 4.5, 3.5, 4.5, 3.5, 4.5]);
    expect(causes(analysis)).toEqual([...rep('SHIFT_ABOVE', 7), ...rep('SHIFT_BELOW', 7)]);
    expect(analysis.points.map((p) => p.pointType)).toEqual([
      ...rep('SPECIAL_CAUSE_IMPROVEMENT', 7),
      ...rep('SPECIAL_CAUSE_CONCERN', 7),
    ]);
  });

  it('breaks a shift at a point exactly on the mean', () => {
    // 6.5 5.5 6.5 5 6.5 5.5 6.5 | 3.5 4.5 3.5 4.5 3.5 4.5 4: deviations +7 and −7, mean 70 / 14 = 5.
    // Ranges 1 1 1.5 1.5 1 1 3 1 1 1 1 1 0.5 = 15.5, average 1.19231 (screen 3.895 keeps all); limits
    // 1.82846, 8.17154; close beyond 2.88564 / 7.11436: none. Above: 3 + (on the mean) + 3, no run of 7.
    const analysis = chart([6.5, 5.5, 6.5, 5, 6.5, 5.5, 6.5, 3.5, 4.5, 3.5, 4.5, 3.5, 4.5, 4]);
    expect(analysis.points[3].mean).toBe(5);
    expect(causes(analysis)).toEqual([...rep('COMMON_CAUSE', 7), ...rep('SHIFT_BELOW', 7)]);
  });
});

describe('analyseSpc: precedence outside > trend > 2-of-3 > shift', () => {
  it('labels the ends of a steep trend as outside the limits', () => {
    // 1 2 3 4 5 6 7: mean 4, ranges all 1, limits 1.34, 6.66: 1 and 7 are outside, 2…6 the trend.
    expect(causes(chart([1, 2, 3, 4, 5, 6, 7]))).toEqual([
      'BELOW_LOWER_LIMIT',
      ...rep('TREND_INCREASING', 5),
      'ABOVE_UPPER_LIMIT',
    ]);
  });

  it('labels the close points of a shift as 2-of-3 and the rest of the run as the shift', () => {
    // 6 7 6 7 6 7 6 | 3 4 3 4 3 4 3: sum 69, mean 4.928571; ranges 1 ×12 and 3 = 15, average 1.153846
    // (screen 3.7696 keeps the 3); limits 1.85934, 7.99780; close beyond 2.88242 / 6.97473: each 7 is
    // close (7 6 7 all above: 2 of 3), no 3 is. Both runs of seven are shifts.
    expect(causes(chart([6, 7, 6, 7, 6, 7, 6, 3, 4, 3, 4, 3, 4, 3]))).toEqual([
      'SHIFT_ABOVE',
      'TWO_OF_THREE_ABOVE',
      'SHIFT_ABOVE',
      'TWO_OF_THREE_ABOVE',
      'SHIFT_ABOVE',
      'TWO_OF_THREE_ABOVE',
      'SHIFT_ABOVE',
      ...rep('SHIFT_BELOW', 7),
    ]);
  });
});

describe('analyseSpc: edge cases', () => {
  it('has no limits for a constant series: every point is on the mean and common cause', () => {
    // 5 ×8: mean 5; every range 0, average 0, nothing is below 3.267 × 0, so no average: no limits.
    const analysis = chart(rep(5, 8), { target: 4 });
    for (const point of analysis.points) {
      expect(point).toMatchObject({
        mean: 5,
        lowerProcessLimit: null,
        upperProcessLimit: null,
        closeToLimits: false,
        specialCauseType: 'COMMON_CAUSE',
        pointType: 'COMMON_CAUSE',
      });
    }
    // The package compares the target with NA limits, which is never true: hit and miss.
    expect(analysis.assuranceType).toBe('HIT_AND_MISS');
  });

  it('collapses the limits onto the mean when only zero ranges survive the screen', () => {
    // 5 ×10, 6, 4: mean 60 / 12 = 5; ranges 0 ×9, 1, 2, average 3 / 11 = 0.2727, screen 0.891 drops 1
    // and 2 → average 0: limits 5, 5. A point on the mean is common cause; any other is outside.
    const analysis = chart([...rep(5, 10), 6, 4]);
    expect(analysis.points[0]).toMatchObject({ mean: 5, lowerProcessLimit: 5, upperProcessLimit: 5 });
    expect(causes(analysis)).toEqual([...rep('COMMON_CAUSE', 10), 'ABOVE_UPPER_LIMIT', 'BELOW_LOWER_LIMIT']);
    expect(analysis.points.some((p) => p.closeToLimits)).toBe(false);

    // 5 5 5 5 6: mean 5.2, ranges 0 0 0 1 → screen 0.81675 drops the 1 → limits 5.2, 5.2: all outside.
    expect(causes(chart([5, 5, 5, 5, 6]))).toEqual([...rep('BELOW_LOWER_LIMIT', 4), 'ABOVE_UPPER_LIMIT']);
  });

  it('finds no trend or shift in fewer than seven points', () => {
    // 1…6: mean 3.5, ranges 1, limits 0.84, 6.16; close beyond 1.7267 / 5.2733 (1 and 6, not 2 of 3).
    const analysis = chart([1, 2, 3, 4, 5, 6]);
    expect(causes(analysis)).toEqual(rep('COMMON_CAUSE', 6));
    expect(analysis.points.map((p) => p.closeToLimits)).toEqual([true, false, false, false, false, true]);
  });

  it('warns when a group has fewer than 13 points', () => {
    expect(chart(alternating(12, 4, 6)).shortGroupWarning).toBe(true);
    expect(chart(alternating(13, 4, 6)).shortGroupWarning).toBe(false);
    expect(chart(alternating(26, 4, 6), { rebaseDates: [month(13)] }).shortGroupWarning).toBe(false);
    expect(chart(alternating(26, 4, 6), { rebaseDates: [month(14)] }).shortGroupWarning).toBe(true);
  });

  it('charts a single point: its own mean, no limits, common cause', () => {
    const analysis = chart([42], { target: 40 });
    expect(analysis.points).toEqual([
      {
        period: '2020-01-01',
        value: 42,
        mean: 42,
        lowerProcessLimit: null,
        upperProcessLimit: null,
        closeToLimits: false,
        specialCauseType: 'COMMON_CAUSE',
        pointType: 'COMMON_CAUSE',
        rebaseGroup: 0,
        target: 40,
      },
    ]);
    expect(analysis.variationType).toBe('COMMON_CAUSE');
    expect(analysis.shortGroupWarning).toBe(true);
  });

  it('takes points as consecutive observations: a missing month is not a gap', () => {
    const values = [4, 6, 4, 1, 2, 3, 4, 5, 6, 7, 4, 6, 4, 6];
    const withGaps = analyseSpc({
      points: values.map((value, i) => ({ period: month(i * 3), value })), // quarterly
      improvementDirection: 'INCREASE',
    });
    const consecutive = chart(values);
    expect(withGaps.points.map(({ period: _p, ...rest }) => rest)).toEqual(
      consecutive.points.map(({ period: _p, ...rest }) => rest),
    );
  });

  it('sorts the points by period', () => {
    const values = [4, 6, 4, 1, 2, 3, 4, 5, 6, 7, 4, 6, 4, 6];
    const points = values.map((value, i) => ({ period: month(i), value }));
    const shuffled = [points[5], ...points.slice(6).reverse(), ...points.slice(0, 5)];
    const analysis = analyseSpc({ points: shuffled, improvementDirection: 'INCREASE' });
    expect(analysis).toEqual(chart(values));
    expect(analysis.points.map((p) => p.period)).toEqual(points.map((p) => p.period));
  });

  it('carries the target on every point, or null without one', () => {
    expect(chart([1, 2, 3], { target: 2.5 }).points.map((p) => p.target)).toEqual([2.5, 2.5, 2.5]);
    expect(chart([1, 2, 3], { target: null }).points.map((p) => p.target)).toEqual([null, null, null]);
    expect(chart([1, 2, 3]).points.map((p) => p.target)).toEqual([null, null, null]);
  });

  it('does not change the caller’s points', () => {
    const points = [
      { period: '2020-02-01', value: 2 },
      { period: '2020-01-01', value: 1 },
    ];
    const copy = structuredClone(points);
    analyseSpc({ points, improvementDirection: 'INCREASE', rebaseDates: ['2020-02-01'] });
    expect(points).toEqual(copy);
  });
});

describe('analyseSpc: rebase groups', () => {
  it('never runs a rule across a rebase', () => {
    // 1…7 is a trend with 1 and 7 outside; rebased at the 4th point it is two groups:
    // 1 2 3 (mean 2, ranges 1, limits −0.66, 4.66, close beyond 0.2267 / 3.7733) and
    // 4 5 6 7 (mean 5.5, limits 2.84, 8.16, close beyond 3.7267 / 7.2733): nothing special in either.
    const analysis = chart([1, 2, 3, 4, 5, 6, 7], { rebaseDates: [month(3)] });
    expect(analysis.points.map((p) => p.rebaseGroup)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(analysis.points.map((p) => p.mean)).toEqual([2, 2, 2, 5.5, 5.5, 5.5, 5.5]);
    expect(analysis.points[0].lowerProcessLimit).toBeCloseTo(-0.66, 12);
    expect(analysis.points[6].upperProcessLimit).toBeCloseTo(8.16, 12);
    expect(causes(analysis)).toEqual(rep('COMMON_CAUSE', 7));
  });

  it('handles one-point and two-point groups', () => {
    // 10 12 11 | 40 | 7: the one-point groups have their value as mean and no limits.
    const singles = chart([10, 12, 11, 40, 7], { rebaseDates: [month(3), month(4)] });
    expect(singles.points.map((p) => [p.rebaseGroup, p.mean, p.lowerProcessLimit])).toEqual([
      [0, 11, expect.closeTo(11 - 2.66 * 1.5, 12)],
      [0, 11, expect.closeTo(7.01, 12)],
      [0, 11, expect.closeTo(7.01, 12)],
      [1, 40, null],
      [2, 7, null],
    ]);
    // 10 12 11 | 40 7: mean 23.5, one range 33, limits 23.5 ± 87.78.
    const pair = chart([10, 12, 11, 40, 7], { rebaseDates: [month(3)] });
    expect(pair.points[4].mean).toBe(23.5);
    expect(pair.points[4].lowerProcessLimit).toBeCloseTo(-64.28, 12);
    expect(pair.points[4].upperProcessLimit).toBeCloseTo(111.28, 12);
    expect(causes(pair)).toEqual(rep('COMMON_CAUSE', 5));
  });

  it('numbers groups from 1 when the first period is a rebase date, and ignores repeated and unknown dates', () => {
    const analysis = chart([1, 2, 3, 4], { rebaseDates: [month(0), month(2), month(2), '2019-06-01'] });
    expect(analysis.points.map((p) => p.rebaseGroup)).toEqual([1, 1, 2, 2]);
  });
});

describe('analyseSpc: verdicts', () => {
  it('reads the variation verdict from the latest point', () => {
    // 1…7: the last point is above the upper limit.
    expect(chart([1, 2, 3, 4, 5, 6, 7]).variationType).toBe('SPECIAL_CAUSE_IMPROVEMENT');
    expect(chart([1, 2, 3, 4, 5, 6, 7], { improvementDirection: 'DECREASE' }).variationType).toBe(
      'SPECIAL_CAUSE_CONCERN',
    );
    expect(chart([1, 2, 3, 4, 5, 6, 7], { improvementDirection: 'NEUTRAL' }).variationType).toBe(
      'SPECIAL_CAUSE_NEUTRAL_HIGH',
    );
    expect(chart([7, 6, 5, 4, 3, 2, 1], { improvementDirection: 'NEUTRAL' }).variationType).toBe(
      'SPECIAL_CAUSE_NEUTRAL_LOW',
    );
  });

  it('assures against the latest rebase group only', () => {
    // 10 12 11 13 12 (limits 7.61, 15.59) | 30 32 31 33 32 (mean 31.6, limits 27.61, 35.59).
    const values = [10, 12, 11, 13, 12, 30, 32, 31, 33, 32];
    const rebased = (target: number, improvementDirection: AnalyseSpcInput['improvementDirection']) =>
      chart(values, { target, improvementDirection, rebaseDates: [month(5)] }).assuranceType;
    expect(rebased(20, 'INCREASE')).toBe('CONSISTENT_PASS'); // always above 20 now (it never was before)
    expect(rebased(20, 'DECREASE')).toBe('CONSISTENT_FAIL');
    expect(rebased(40, 'INCREASE')).toBe('CONSISTENT_FAIL');
    expect(rebased(40, 'DECREASE')).toBe('CONSISTENT_PASS');
    expect(rebased(31, 'INCREASE')).toBe('HIT_AND_MISS');
    expect(rebased(31, 'NEUTRAL')).toBeNull();
    expect(chart(values, { rebaseDates: [month(5)] }).assuranceType).toBeNull();
  });
});

describe('analyseSpc: invalid input', () => {
  const valid: AnalyseSpcInput = {
    points: [
      { period: '2020-01-01', value: 1 },
      { period: '2020-02-01', value: 2 },
    ],
    improvementDirection: 'INCREASE',
  };
  const run = (change: Partial<AnalyseSpcInput>) => () => analyseSpc({ ...valid, ...change });
  const withPoint = (period: unknown, value: unknown) =>
    run({ points: [valid.points[0], { period, value } as unknown as AnalyseSpcInput['points'][number]] });

  it('rejects an empty series', () => {
    expectDomainError(run({ points: [] }), 'SPC_NO_POINTS');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3', null])(
    'rejects the value %p',
    (value) => {
      expectDomainError(withPoint('2020-02-01', value), 'SPC_NON_FINITE_VALUE', { index: 1, period: '2020-02-01' });
    },
  );

  it('rejects a value too large to chart', () => {
    expectDomainError(withPoint('2020-02-01', -2 * MAX_VALUE_MAGNITUDE), 'SPC_VALUE_OUT_OF_RANGE', { index: 1 });
    expect(() => withPoint('2020-02-01', MAX_VALUE_MAGNITUDE)()).not.toThrow();
  });

  it.each(['2020-1-01', '2020-13-01', '2020-00-10', '2021-02-29', '1900-02-29', '2020-04-31', '2020-01-00', '', 20200101])(
    'rejects the period %p',
    (period) => {
      expectDomainError(withPoint(period, 2), 'SPC_INVALID_PERIOD', { index: 1 });
    },
  );

  it.each(['2024-02-29', '2000-02-29', '2020-12-31', '2021-06-30'])('accepts the period %p', (period) => {
    expect(() => analyseSpc({ ...valid, points: [{ period, value: 1 }] })).not.toThrow();
  });

  it('rejects a period given twice', () => {
    expectDomainError(withPoint('2020-01-01', 3), 'SPC_DUPLICATE_PERIOD', { period: '2020-01-01' });
  });

  it('rejects a rebase date that is not a date', () => {
    expectDomainError(run({ rebaseDates: ['2020-02-01', '01/03/2020'] }), 'SPC_INVALID_REBASE_DATE', {
      index: 1,
      rebaseDate: '01/03/2020',
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '95'])('rejects the target %p', (target) => {
    expectDomainError(run({ target: target as number }), 'SPC_NON_FINITE_TARGET');
  });

  it('rejects an unknown improvement direction', () => {
    expectDomainError(
      run({ improvementDirection: 'UP' as AnalyseSpcInput['improvementDirection'] }),
      'SPC_INVALID_IMPROVEMENT_DIRECTION',
      { improvementDirection: 'UP' },
    );
  });
});
