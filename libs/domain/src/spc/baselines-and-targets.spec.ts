import { analyseSpc } from './analyse-spc';
import { calculateProcessLimits } from './process-limits';
import type { AnalyseSpcInput, SpcAnalysis } from './spc-vocabulary';

/** Month i after April 2016 as yyyy-mm-01. */
const month = (i: number): string => {
  const m = 3 + i;
  return `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
};

function chart(values: readonly number[], options: Partial<AnalyseSpcInput> = {}, targets?: readonly (number | null)[]): SpcAnalysis {
  return analyseSpc({
    points: values.map((value, i) => (targets ? { period: month(i), value, target: targets[i] } : { period: month(i), value })),
    improvementDirection: 'INCREASE',
    ...options,
  });
}

// 24 months of a stable process around 90 (alternating 89, 91), then 12 months around 95 (94, 96).
const STABLE = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 89 : 91));
const BETTER = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 94 : 96));

describe('analyseSpc: limits fixed after the first n points (a baseline)', () => {
  it('takes the mean and moving range of the first n points only and extends them forward', () => {
    const values = [...STABLE.slice(0, 12), ...BETTER];
    const analysis = chart(values, { fixAfterNPoints: 12 });
    // First 12: mean 90, every range 2, limits 90 ± 5.32.
    for (const point of analysis.points) {
      expect(point.mean).toBe(90);
      expect(point.lowerProcessLimit).toBeCloseTo(84.68, 12);
      expect(point.upperProcessLimit).toBeCloseTo(95.32, 12);
    }
    // Against the fixed baseline the later points are a shift above the mean (improvement); 96 is beyond the upper limit.
    expect(analysis.points[13].specialCauseType).toBe('ABOVE_UPPER_LIMIT');
    expect(analysis.variationType).toBe('SPECIAL_CAUSE_IMPROVEMENT');
    // Unfixed, the same series has one mean over both levels.
    expect(chart(values).points[0].mean).toBe(92.5);
  });

  it('changes nothing when the series is no longer than n', () => {
    const values = STABLE.slice(0, 14).map((v, i) => v + (i % 3));
    expect(chart(values, { fixAfterNPoints: 14 })).toEqual(chart(values));
    expect(chart(values, { fixAfterNPoints: 20 })).toEqual(chart(values));
  });

  it('together with a rebase: each group is fixed after its own first n points', () => {
    const values = [...STABLE, ...BETTER, ...BETTER.map((v) => v - 2)];
    const rebase = month(24);
    const analysis = chart(values, { fixAfterNPoints: 12, rebaseDates: [rebase] });
    const groupOne = calculateProcessLimits(STABLE.slice(0, 12));
    const groupTwo = calculateProcessLimits(BETTER);
    expect(analysis.points.slice(0, 24).every((p) => p.rebaseGroup === 0 && p.mean === groupOne.mean && p.upperProcessLimit === groupOne.upper)).toBe(true);
    expect(analysis.points.slice(24).every((p) => p.rebaseGroup === 1 && p.mean === groupTwo.mean && p.lowerProcessLimit === groupTwo.lower)).toBe(true);
    // The last 12 points (92, 94) sit below the second group's fixed mean of 95: seven in a row is a shift, a concern.
    expect(analysis.points[analysis.points.length - 1].specialCauseType).toBe('SHIFT_BELOW');
    expect(analysis.variationType).toBe('SPECIAL_CAUSE_CONCERN');
    // Rules never run across the rebase: the first point of group 1 is judged against group 1's limits only.
    expect(analysis.points[24].specialCauseType).toBe('COMMON_CAUSE');
  });

  it('a group shorter than n is its own trial limits', () => {
    const values = [...STABLE, 93, 95, 93];
    const analysis = chart(values, { fixAfterNPoints: 12, rebaseDates: [month(24)] });
    expect(analysis.points[25].mean).toBeCloseTo(calculateProcessLimits([93, 95, 93]).mean, 12);
    expect(analysis.shortGroupWarning).toBe(true);
  });
});

describe('analyseSpc: targets that change within a series', () => {
  it('carries each point’s own target and assures against the latest point’s', () => {
    // Limits 84.68 to 95.32 (mean 90): a 95 target is hit and miss, a 96 target a consistent fail, an 84 target a consistent pass.
    const targets = [...Array(12).fill(95), ...Array(12).fill(96)];
    const analysis = chart(STABLE, {}, targets);
    expect(analysis.points.map((p) => p.target)).toEqual(targets);
    expect(analysis.assuranceType).toBe('CONSISTENT_FAIL');
    expect(chart(STABLE, {}, [...Array(23).fill(96), 95]).assuranceType).toBe('HIT_AND_MISS');
    expect(chart(STABLE, {}, [...Array(23).fill(96), 84]).assuranceType).toBe('CONSISTENT_PASS');
  });

  it('falls back to the input target where a point carries none, and a null point target means no verdict at the latest', () => {
    const analysis = analyseSpc({
      points: STABLE.map((value, i) => (i < 12 ? { period: month(i), value, target: 96 } : { period: month(i), value })),
      target: 95,
      improvementDirection: 'INCREASE',
    });
    expect(analysis.points[0].target).toBe(96);
    expect(analysis.points[23].target).toBe(95);
    expect(analysis.assuranceType).toBe('HIT_AND_MISS');
    expect(chart(STABLE, { target: 95 }, [...Array(23).fill(95), null]).assuranceType).toBeNull();
  });

  it('a trajectory that slopes across the limits: the verdict follows its latest month', () => {
    const slope = STABLE.map((_, i) => 94 + i * 0.1);
    expect(chart(STABLE, {}, slope).points.map((p) => p.target)).toEqual(slope);
    expect(chart(STABLE, {}, slope).assuranceType).toBe('CONSISTENT_FAIL'); // 96.3 > 95.32
    expect(chart(STABLE.slice(0, 12), {}, slope.slice(0, 12)).assuranceType).toBe('HIT_AND_MISS'); // 95.1 <= 95.32
  });

  it('refuses a point target that is not finite', () => {
    expect(() => chart(STABLE, {}, [...Array(23).fill(95), Number.NaN])).toThrow(expect.objectContaining({ code: 'SPC_NON_FINITE_TARGET' }));
  });

  it('changes nothing for callers that give one target', () => {
    expect(chart(STABLE, { target: 95 })).toEqual(chart(STABLE, {}, Array(24).fill(95)));
  });
});
