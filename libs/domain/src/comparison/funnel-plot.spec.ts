import { DomainError } from '../errors';
import { FUNNEL_Z_95, FUNNEL_Z_998, type FunnelPlotUnit } from './comparison-vocabulary';
import { analyseFunnelPlot, calculateFunnelLimits } from './funnel-plot';
import { estimateOverdispersion, quantileType7 } from './overdispersion';

/*
 * Hand-worked funnel plots (worked with a calculator's asin, sin and sqrt, independently of this code).
 * Target p̄ = Σ numerators / Σ denominators; on the arcsine-square-root scale the target is asin √p̄ and
 * the standard error at n is 1 / (2 √n); limits sin²(asin √p̄ ± z √(1 / (4n) + τ²)) with z = 1.959964 (95%)
 * and 3.090232 (99.8%), an angle beyond [0, π/2] held at its end; reported × 100 for percentages. Most
 * cases here ask for `adjustment: 'NONE'` (τ² = 0) to check the limits themselves; the over-dispersion
 * cases are at the end, and against FunnelPlotR itself in funnelplotr-parity.spec.ts.
 */
const NONE = { adjustment: 'NONE' } as const;

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

// 90/100 + 50/100 + 660/800 = 800/1000: p̄ = 0.8, asin √0.8 = 1.1071487177940904.
// n = 100: s = 0.05; 95% 71.6359–87.2154%; 99.8% 66.4138–90.7441%.
// n = 800: s = 0.0176777; 95% 77.1584–82.6976%; 99.8% 75.4596–84.1827%.
const units: FunnelPlotUnit[] = [
  { key: 'A', numerator: 90, denominator: 100 }, // 90%: above the upper 95% limit (87.22), below the 99.8% (90.74)
  { key: 'B', numerator: 50, denominator: 100 }, // 50%: below the lower 99.8% limit (66.41)
  { key: 'C', numerator: 660, denominator: 800 }, // 82.5%: within 77.16–82.70
];

describe('analyseFunnelPlot: target and limits', () => {
  const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', ...NONE });

  it('puts the centre line at the pooled proportion Σ numerators / Σ denominators, as a percentage', () => {
    expect(plot.unit).toBe('PERCENTAGE');
    expect(plot.target).toBeCloseTo(80, 12);
    expect(plot.totalNumerator).toBe(800);
    expect(plot.totalDenominator).toBe(1000);
  });

  it('gives each provider the 95% and 99.8% limits at its own denominator, back-transformed from the arcsine scale', () => {
    const [a, , c] = plot.points;
    expect(a.limits.denominator).toBe(100);
    expect(a.limits.lower95).toBeCloseTo(71.6358652278, 8);
    expect(a.limits.upper95).toBeCloseTo(87.2153815887, 8);
    expect(a.limits.lower998).toBeCloseTo(66.4138028385, 8);
    expect(a.limits.upper998).toBeCloseTo(90.7440629686, 8);
    expect(c.limits.lower95).toBeCloseTo(77.1584115487, 8);
    expect(c.limits.upper95).toBeCloseTo(82.6975913778, 8);
    expect(c.limits.lower998).toBeCloseTo(75.4595656377, 8);
    expect(c.limits.upper998).toBeCloseTo(84.1826829276, 8);
  });

  it('reports each value in percent, its z-score on the arcsine scale, and the providers in the order given', () => {
    expect(plot.points.map((p) => [p.key, p.value])).toEqual([
      ['A', 90],
      ['B', 50],
      ['C', 82.5],
    ]);
    // (asin √0.9 − asin √0.8) × 2 √100 = 2.83794; (asin √0.5 − asin √0.8) × 20 = −6.43501; C: 1.81255.
    expect(plot.points.map((p) => p.zScore)).toEqual([expect.closeTo(2.8379410921, 9), expect.closeTo(-6.4350110879, 9), expect.closeTo(1.8125502297, 9)]);
  });

  it('keeps the 95% and 99.8% half-widths on the arcsine scale in the ratio of their z values', () => {
    const { limits } = plot.points[2];
    const angle = (percent: number) => Math.asin(Math.sqrt(percent / 100));
    expect((angle(limits.upper95) - angle(80)) / (angle(limits.upper998) - angle(80))).toBeCloseTo(FUNNEL_Z_95 / FUNNEL_Z_998, 10);
  });
});

describe('analyseFunnelPlot: positions', () => {
  it('places providers above the 95% limit, below the 99.8% limit and within, favourable by polarity', () => {
    const higher = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', ...NONE });
    expect(higher.points.map((p) => [p.key, p.position, p.favourable])).toEqual([
      ['A', 'ABOVE_95', true],
      ['B', 'BELOW_998', false],
      ['C', 'WITHIN', null],
    ]);
    const lower = analyseFunnelPlot({ units, polarity: 'LOWER_IS_BETTER', ...NONE });
    expect(lower.points.map((p) => [p.key, p.position, p.favourable])).toEqual([
      ['A', 'ABOVE_95', false],
      ['B', 'BELOW_998', true],
      ['C', 'WITHIN', null],
    ]);
    const neutral = analyseFunnelPlot({ units, polarity: 'NEUTRAL', ...NONE });
    expect(neutral.points.map((p) => p.favourable)).toEqual([null, null, null]);
  });

  it('places providers above the 99.8% limit and below the 95% limit', () => {
    // 98/100 + 71/100 + 631/800 = 800/1000 again: the same limits as above.
    const plot = analyseFunnelPlot({
      units: [
        { key: 'X', numerator: 98, denominator: 100 }, // 98% > 90.74
        { key: 'Y', numerator: 71, denominator: 100 }, // 66.41 < 71% < 71.64
        { key: 'Z', numerator: 631, denominator: 800 }, // 78.875%: within 77.16–82.70
      ],
      polarity: 'HIGHER_IS_BETTER',
      ...NONE,
    });
    expect(plot.points.map((p) => [p.key, p.position, p.favourable])).toEqual([
      ['X', 'ABOVE_998', true],
      ['Y', 'BELOW_95', false],
      ['Z', 'WITHIN', null],
    ]);
  });

  it('holds limits at 0 and 100 where the angle passes 0 or π/2, so a value on such a limit is within', () => {
    // 0/1 + 1/1: p̄ = 0.5, asin √0.5 = π/4, s at n = 1 is 0.5: π/4 ± 0.98 and ± 1.545 pass both ends.
    const plot = analyseFunnelPlot({
      units: [
        { key: 'NONE', numerator: 0, denominator: 1 },
        { key: 'ALL', numerator: 1, denominator: 1 },
      ],
      polarity: 'HIGHER_IS_BETTER',
    });
    expect(plot.target).toBe(50);
    for (const point of plot.points) {
      expect(point.limits).toEqual({ denominator: 1, lower95: 0, upper95: 100, lower998: 0, upper998: 100 });
      expect(point.position).toBe('WITHIN');
    }
  });

  it('holds only the side that passes its end', () => {
    // 99/100 + 9/10: p̄ = 108/110, asin √p̄ = 1.43583; at n = 10, s = 0.158114: 1.43583 + 0.30990 and + 0.48861
    // pass π/2 → 100%; lower 95% sin²(1.12593) = 81.4590%, lower 99.8% sin²(0.94722) = 65.8742%.
    const plot = analyseFunnelPlot({
      units: [
        { key: 'BIG', numerator: 99, denominator: 100 },
        { key: 'SMALL', numerator: 9, denominator: 10 },
      ],
      polarity: 'HIGHER_IS_BETTER',
      ...NONE,
    });
    const small = plot.points[1];
    expect(small.limits.upper95).toBe(100);
    expect(small.limits.upper998).toBe(100);
    expect(small.limits.lower95).toBeCloseTo(81.4589844995, 8);
    expect(small.limits.lower998).toBeCloseTo(65.8742101666, 8);
    expect(small.position).toBe('WITHIN'); // 90% > 81.46%
  });

  it('keeps the upper limits open above a target of 0%, and the lower ones below 100%', () => {
    // p̄ = 0: angle 0; upper 99.8% at n = 10 is sin²(3.090232 / (2 √10)) = 22.0334%; at n = 50 sin²(0.218513) = 4.6993%.
    const none = analyseFunnelPlot({ units: [{ key: 'A', numerator: 0, denominator: 10 }, { key: 'B', numerator: 0, denominator: 50 }], polarity: 'LOWER_IS_BETTER' });
    expect(none.target).toBe(0);
    expect(none.overdispersion).toEqual({ phi: 0, tau2: 0, lowerZ: 0, upperZ: 0 });
    expect(none.points.map((p) => [p.position, p.limits.lower998])).toEqual([
      ['WITHIN', 0],
      ['WITHIN', 0],
    ]);
    expect(none.points.map((p) => p.limits.upper998)).toEqual([expect.closeTo(22.0334237, 6), expect.closeTo(4.6992544, 6)]);
    const all = analyseFunnelPlot({ units: [{ key: 'A', numerator: 10, denominator: 10 }], polarity: 'HIGHER_IS_BETTER' });
    expect(all.points[0]).toMatchObject({ position: 'WITHIN', favourable: null, limits: { upper95: 100, upper998: 100, lower998: expect.closeTo(77.9665763, 6) } });
  });

  it('reports proportions from 0 to 1 when asked', () => {
    const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION', ...NONE });
    expect(plot.unit).toBe('PROPORTION');
    expect(plot.target).toBeCloseTo(0.8, 14);
    expect(plot.points[0].value).toBe(0.9);
    expect(plot.points[0].limits.upper95).toBeCloseTo(0.872153815887, 10);
    expect(plot.points.map((p) => p.position)).toEqual(['ABOVE_95', 'BELOW_998', 'WITHIN']);
  });
});

describe('analyseFunnelPlot: the curve for drawing', () => {
  it('samples denominators evenly on a log scale from the smallest to the largest, under the same adjustment', () => {
    // 100 × 8^(i/3): 100, 200, 400, 800.
    const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', curvePoints: 4 });
    expect(plot.adjusted).toBe(true);
    expect(plot.curve.map((l) => l.denominator)).toEqual([100, 200, 400, 800]);
    expect(plot.curve[1]).toEqual(calculateFunnelLimits(0.8, 200, 'PERCENTAGE', plot.overdispersion.tau2));
    expect(plot.curve[0]).toEqual(plot.points[0].limits);
    expect(plot.curve[3]).toEqual(plot.points[2].limits);
    expect(analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', curvePoints: 4, ...NONE }).curve[1]).toEqual(calculateFunnelLimits(0.8, 200));
  });

  it('takes 50 points by default, ascending, ends included, whole numbers without repeats', () => {
    const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER' });
    const ns = plot.curve.map((l) => l.denominator);
    expect(ns).toHaveLength(50);
    expect(ns[0]).toBe(100);
    expect(ns[49]).toBe(800);
    expect(ns.every((n, i) => Number.isInteger(n) && (i === 0 || n > ns[i - 1]))).toBe(true);
  });

  it('drops repeated whole denominators over a narrow range', () => {
    const plot = analyseFunnelPlot({ units: [{ key: 'A', numerator: 1, denominator: 10 }, { key: 'B', numerator: 2, denominator: 12 }], polarity: 'HIGHER_IS_BETTER' });
    expect(plot.curve.map((l) => l.denominator)).toEqual([10, 11, 12]);
  });

  it('has one point when every denominator is the same, and both ends when asked for one point', () => {
    const same = analyseFunnelPlot({ units: [{ key: 'A', numerator: 1, denominator: 10 }, { key: 'B', numerator: 2, denominator: 10 }], polarity: 'HIGHER_IS_BETTER' });
    expect(same.curve.map((l) => l.denominator)).toEqual([10]);
    const one = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', curvePoints: 1 });
    expect(one.curve.map((l) => l.denominator)).toEqual([100, 800]);
  });
});

describe('analyseFunnelPlot: over-dispersion', () => {
  // z-scores 2.837941, −6.435011, 1.812550; R's quantile (type 7) at 10%: index 1.2 → 0.8 × −6.435011 + 0.2 × 1.812550
  // = −4.785499; at 90%: index 2.8 → 0.2 × 1.812550 + 0.8 × 2.837941 = 2.632863. Winsorised: 2.632863, −4.785499, 1.812550;
  // φ = (6.931967 + 22.901000 + 3.285338) / 3 = 11.039435. Weights w = 1 / s² = 4n: 400, 400, 3200; Σw = 4000,
  // Σw² / Σw = 2640; τ² = (3 × 11.039435 − 2) / (4000 − 2640) = 0.02288111.
  it('winsorises the z-scores at 10% each end, takes φ as the mean of their squares, and τ² in the DerSimonian-Laird form', () => {
    const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER' });
    expect(plot.overdispersion.lowerZ).toBeCloseTo(-4.7854988244, 8);
    expect(plot.overdispersion.upperZ).toBeCloseTo(2.6328629196, 8);
    expect(plot.overdispersion.phi).toBeCloseTo(11.039434829, 8);
    expect(plot.overdispersion.tau2).toBeCloseTo(0.02288110624, 10);
    expect(plot.adjustment).toBe('ADDITIVE_RANDOM_EFFECTS');
    expect(plot.adjusted).toBe(true);
  });

  it('widens the limits by τ² when adjusted, so the 50% provider is then within 99.8%; NONE keeps sampling error alone', () => {
    const adjusted = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER' });
    const none = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', ...NONE });
    expect(none.adjustment).toBe('NONE');
    expect(none.adjusted).toBe(false);
    expect(none.overdispersion).toEqual(adjusted.overdispersion);
    // n = 100: √(0.0025 + 0.0228811) = 0.159315; lower 95% sin²(1.1071487 − 0.3122521) = 50.9499% (50% is below it),
    // lower 99.8% sin²(1.1071487 − 0.4923217) = 33.2721%, upper 95% 97.7254% (90% is within).
    expect(adjusted.points[1].limits).toMatchObject({ lower95: expect.closeTo(50.949932074, 8), lower998: expect.closeTo(33.272091115, 8) });
    expect(adjusted.points[0].limits.upper95).toBeCloseTo(97.725355476, 8);
    expect(adjusted.points.map((p) => p.position)).toEqual(['WITHIN', 'BELOW_95', 'WITHIN']);
    expect(none.points.map((p) => p.position)).toEqual(['ABOVE_95', 'BELOW_998', 'WITHIN']);
  });

  it('does not widen the limits when φ is 1 or less (τ² is then 0 below (n − 1) / n)', () => {
    // Every provider exactly on the target: all z-scores 0, φ = 0, n φ = 0 < n − 1.
    const even = analyseFunnelPlot({ units: [{ key: 'A', numerator: 40, denominator: 50 }, { key: 'B', numerator: 80, denominator: 100 }], polarity: 'HIGHER_IS_BETTER' });
    expect(even.overdispersion).toEqual({ phi: 0, tau2: 0, lowerZ: 0, upperZ: 0 });
    expect(even.adjusted).toBe(false);
    expect(even.points[0].limits).toEqual(calculateFunnelLimits(0.8, 50));
  });

  it('gives τ² = 0 for a single provider, where the DerSimonian-Laird form would divide by 0', () => {
    // Against a target of 0.8 the one z-score is 2.837941, so φ = 8.054 > 1, yet Σw − Σw² / Σw = 0.
    const single = estimateOverdispersion([{ key: 'A', numerator: 90, denominator: 100 }], 0.8);
    expect(single.phi).toBeCloseTo(2.8379410921 ** 2, 8);
    expect(single.tau2).toBe(0);
    // A plot of one provider is its own target: z = 0, φ = 0, nothing to widen.
    const plot = analyseFunnelPlot({ units: [{ key: 'A', numerator: 90, denominator: 100 }], polarity: 'HIGHER_IS_BETTER' });
    expect([plot.overdispersion.phi, plot.overdispersion.tau2, plot.adjusted]).toEqual([0, 0, false]);
    expect(plot.points[0].limits).toEqual(calculateFunnelLimits(0.9, 100));
  });
});

describe('quantileType7', () => {
  // R 4.2.2: quantile(c(3, 1, 4, 1, 5, 9, 2, 6), c(0.1, 0.9)) is 1, 6.8999999999999995; quantile(7, ...) 7, 7;
  // quantile(c(2, 2, 2, 5), c(0.1, 0.9)) 2, 4.1000000000000005.
  it.each([
    [[3, 1, 4, 1, 5, 9, 2, 6], 1, 6.8999999999999995],
    [[7], 7, 7],
    [[2, 2, 2, 5], 2, 4.1000000000000005],
  ])('gives R\'s default quantiles of %j', (values, lower, upper) => {
    expect(quantileType7(values, 0.1)).toBe(lower);
    expect(quantileType7(values, 1 - 0.1)).toBe(upper);
  });
});

describe('calculateFunnelLimits', () => {
  it('gives the limits around a target proportion at one denominator', () => {
    // p = 0.5, n = 25: asin √0.5 = π/4, s = 0.1; 95% sin²(π/4 ∓ 0.1959964) → 30.8985–69.1015%; 99.8% → 21.0278–78.9722%.
    expect(calculateFunnelLimits(0.5, 25)).toEqual({
      denominator: 25,
      lower95: expect.closeTo(30.8984591117, 8),
      upper95: expect.closeTo(69.1015408883, 8),
      lower998: expect.closeTo(21.027797009, 8),
      upper998: expect.closeTo(78.972202991, 8),
    });
    expect(calculateFunnelLimits(0.5, 25, 'PROPORTION').upper95).toBeCloseTo(0.691015408883, 10);
  });

  it('widens them by a between-provider variance τ²', () => {
    // τ² = 0.03: √(0.01 + 0.03) = 0.2; 99.8% sin²(π/4 + 0.6180464) = 97.1218%.
    expect(calculateFunnelLimits(0.5, 25, 'PERCENTAGE', 0.03).upper998).toBeCloseTo(50 + 50 * Math.sin(2 * FUNNEL_Z_998 * 0.2), 9);
  });

  it('refuses a target outside 0 to 1, a denominator that is not a positive whole number, an unknown unit and a bad τ²', () => {
    expectDomainError(() => calculateFunnelLimits(1.5, 10), 'FUNNEL_INVALID_TARGET');
    expectDomainError(() => calculateFunnelLimits(Number.NaN, 10), 'FUNNEL_INVALID_TARGET');
    expectDomainError(() => calculateFunnelLimits(0.5, 0), 'FUNNEL_ZERO_DENOMINATOR');
    expectDomainError(() => calculateFunnelLimits(0.5, 2.5), 'FUNNEL_INVALID_COUNT');
    expectDomainError(() => calculateFunnelLimits(0.5, 10, 'PERMILLE' as never), 'FUNNEL_INVALID_UNIT');
    for (const tau2 of [-0.01, Number.POSITIVE_INFINITY, Number.NaN]) expectDomainError(() => calculateFunnelLimits(0.5, 10, 'PERCENTAGE', tau2), 'FUNNEL_INVALID_TAU2');
  });
});

describe('analyseFunnelPlot: invalid input', () => {
  it('refuses an empty plot', () => {
    expectDomainError(() => analyseFunnelPlot({ units: [], polarity: 'HIGHER_IS_BETTER' }), 'FUNNEL_NO_UNITS');
  });

  it.each([
    ['a negative numerator', { key: 'A', numerator: -1, denominator: 10 }, 'FUNNEL_INVALID_COUNT'],
    ['a fractional numerator', { key: 'A', numerator: 1.5, denominator: 10 }, 'FUNNEL_INVALID_COUNT'],
    ['a numerator that is not a number', { key: 'A', numerator: Number.NaN, denominator: 10 }, 'FUNNEL_INVALID_COUNT'],
    ['a fractional denominator', { key: 'A', numerator: 1, denominator: 10.5 }, 'FUNNEL_INVALID_COUNT'],
    ['a zero denominator', { key: 'A', numerator: 0, denominator: 0 }, 'FUNNEL_ZERO_DENOMINATOR'],
    ['a numerator above its denominator', { key: 'A', numerator: 11, denominator: 10 }, 'FUNNEL_NUMERATOR_EXCEEDS_DENOMINATOR'],
  ])('refuses %s, naming the provider', (_name, unit, code) => {
    expectDomainError(() => analyseFunnelPlot({ units: [unit], polarity: 'HIGHER_IS_BETTER' }), code, { key: 'A' });
  });

  it('refuses a provider given twice, an unknown polarity, unit or adjustment, and a curve of 0, 1001 or 2.5 points', () => {
    expectDomainError(() => analyseFunnelPlot({ units: [units[0], units[0]], polarity: 'HIGHER_IS_BETTER' }), 'COMPARISON_DUPLICATE_KEY', { key: 'A' });
    expectDomainError(() => analyseFunnelPlot({ units, polarity: 'BETTER' as never }), 'COMPARISON_INVALID_POLARITY');
    expectDomainError(() => analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', unit: 'RATE' as never }), 'FUNNEL_INVALID_UNIT');
    expectDomainError(() => analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', adjustment: 'MULTIPLICATIVE' as never }), 'FUNNEL_INVALID_ADJUSTMENT');
    for (const curvePoints of [0, 1001, 2.5]) {
      expectDomainError(() => analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', curvePoints }), 'FUNNEL_INVALID_CURVE_POINTS');
    }
  });
});
