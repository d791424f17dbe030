import { DomainError } from '../errors';
import { Z_95, Z_998, type FunnelPlotUnit } from './comparison-vocabulary';
import { analyseFunnelPlot, calculateFunnelLimits } from './funnel-plot';

/*
 * Hand-worked funnel plots. Target p̄ = Σ numerators / Σ denominators; standard error at n is
 * √(p̄ (1 − p̄) / n); limits p̄ ± 1.959963984540054 × SE (95%) and ± 3.090232306167813 × SE (99.8%),
 * clamped to [0, 1]; reported × 100 for percentages.
 */

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

// 90/100 + 50/100 + 660/800 = 800/1000: p̄ = 0.8.
// n = 100: SE = √(0.16 / 100) = 0.04; 95% ± 0.0783985594 → 72.1601–87.8399%; 99.8% ± 0.1236092922 → 67.6391–92.3609%.
// n = 800: SE = √(0.16 / 800) = 0.0141421356; 95% ± 0.0277180765 → 77.2282–82.7718%; 99.8% ± 0.0437024844 → 75.6298–84.3702%.
const units: FunnelPlotUnit[] = [
  { key: 'A', numerator: 90, denominator: 100 }, // 90%: above the upper 95% limit (87.84), below the 99.8% (92.36)
  { key: 'B', numerator: 50, denominator: 100 }, // 50%: below the lower 99.8% limit (67.64)
  { key: 'C', numerator: 660, denominator: 800 }, // 82.5%: within 77.23–82.77
];

describe('analyseFunnelPlot: target and limits', () => {
  const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER' });

  it('puts the centre line at the pooled proportion Σ numerators / Σ denominators, as a percentage', () => {
    expect(plot.unit).toBe('PERCENTAGE');
    expect(plot.target).toBeCloseTo(80, 12);
    expect(plot.totalNumerator).toBe(800);
    expect(plot.totalDenominator).toBe(1000);
  });

  it("gives each provider the 95% and 99.8% limits at its own denominator", () => {
    const [a, , c] = plot.points;
    expect(a.limits.denominator).toBe(100);
    expect(a.limits.lower95).toBeCloseTo(72.1601440618, 8);
    expect(a.limits.upper95).toBeCloseTo(87.8398559382, 8);
    expect(a.limits.lower998).toBeCloseTo(67.6390707753, 8);
    expect(a.limits.upper998).toBeCloseTo(92.3609292247, 8);
    expect(c.limits.lower95).toBeCloseTo(77.2281923513, 8);
    expect(c.limits.upper95).toBeCloseTo(82.7718076487, 8);
    expect(c.limits.lower998).toBeCloseTo(75.6297515617, 8);
    expect(c.limits.upper998).toBeCloseTo(84.3702484383, 8);
  });

  it('reports each value in percent and the providers in the order given', () => {
    expect(plot.points.map((p) => [p.key, p.value])).toEqual([
      ['A', 90],
      ['B', 50],
      ['C', 82.5],
    ]);
  });

  it('keeps 95% and 99.8% half-widths in the ratio of their z values', () => {
    const { limits } = plot.points[2];
    expect((limits.upper95 - 80) / (limits.upper998 - 80)).toBeCloseTo(Z_95 / Z_998, 10);
  });
});

describe('analyseFunnelPlot: positions', () => {
  it('places providers above the 95% limit, below the 99.8% limit and within, favourable by polarity', () => {
    const higher = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER' });
    expect(higher.points.map((p) => [p.key, p.position, p.favourable])).toEqual([
      ['A', 'ABOVE_95', true],
      ['B', 'BELOW_998', false],
      ['C', 'WITHIN', null],
    ]);
    const lower = analyseFunnelPlot({ units, polarity: 'LOWER_IS_BETTER' });
    expect(lower.points.map((p) => [p.key, p.position, p.favourable])).toEqual([
      ['A', 'ABOVE_95', false],
      ['B', 'BELOW_998', true],
      ['C', 'WITHIN', null],
    ]);
    const neutral = analyseFunnelPlot({ units, polarity: 'NEUTRAL' });
    expect(neutral.points.map((p) => p.favourable)).toEqual([null, null, null]);
  });

  it('places providers above the 99.8% limit and below the 95% limit', () => {
    // 98/100 + 71/100 + 631/800 = 800/1000 again: the same limits as above.
    const plot = analyseFunnelPlot({
      units: [
        { key: 'X', numerator: 98, denominator: 100 }, // 98% > 92.36
        { key: 'Y', numerator: 71, denominator: 100 }, // 67.64 < 71% < 72.16
        { key: 'Z', numerator: 631, denominator: 800 }, // 78.875%: within 77.23–82.77
      ],
      polarity: 'HIGHER_IS_BETTER',
    });
    expect(plot.points.map((p) => [p.key, p.position, p.favourable])).toEqual([
      ['X', 'ABOVE_998', true],
      ['Y', 'BELOW_95', false],
      ['Z', 'WITHIN', null],
    ]);
  });

  it('clamps limits to 0 and 100, so a value on a clamped limit is within', () => {
    // 0/1 + 1/1: p̄ = 0.5, SE at n = 1 is 0.5: 0.5 ± 0.98 and ± 1.545 lie outside [0, 1].
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

  it('clamps only the side that overflows', () => {
    // 99/100 + 9/10: p̄ = 108/110 = 0.981818...; at n = 10, SE = √(0.981818 × 0.018182 / 10) = 0.0422507;
    // 95% ± 0.0828099: upper 1.0646 → 100%, lower 89.9008%; 99.8% ± 0.1305646: upper 1.1124 → 100%, lower 85.1254%.
    const plot = analyseFunnelPlot({
      units: [
        { key: 'BIG', numerator: 99, denominator: 100 },
        { key: 'SMALL', numerator: 9, denominator: 10 },
      ],
      polarity: 'HIGHER_IS_BETTER',
    });
    const small = plot.points[1];
    expect(small.limits.upper95).toBe(100);
    expect(small.limits.upper998).toBe(100);
    expect(small.limits.lower95).toBeCloseTo(89.9008277768, 8);
    expect(small.limits.lower998).toBeCloseTo(85.1253619007, 8);
    expect(small.position).toBe('WITHIN'); // 90% > 89.9008%
  });

  it('collapses the limits onto the target when every provider scores 0% or every one 100%', () => {
    const none = analyseFunnelPlot({ units: [{ key: 'A', numerator: 0, denominator: 10 }, { key: 'B', numerator: 0, denominator: 50 }], polarity: 'LOWER_IS_BETTER' });
    expect(none.target).toBe(0);
    expect(none.points.map((p) => [p.position, p.limits.upper998])).toEqual([
      ['WITHIN', 0],
      ['WITHIN', 0],
    ]);
    const all = analyseFunnelPlot({ units: [{ key: 'A', numerator: 10, denominator: 10 }], polarity: 'HIGHER_IS_BETTER' });
    expect(all.points[0]).toMatchObject({ position: 'WITHIN', favourable: null, limits: { lower998: 100, upper998: 100 } });
  });

  it('reports proportions from 0 to 1 when asked', () => {
    const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION' });
    expect(plot.unit).toBe('PROPORTION');
    expect(plot.target).toBeCloseTo(0.8, 14);
    expect(plot.points[0].value).toBe(0.9);
    expect(plot.points[0].limits.upper95).toBeCloseTo(0.878398559382, 10);
    expect(plot.points.map((p) => p.position)).toEqual(['ABOVE_95', 'BELOW_998', 'WITHIN']);
  });
});

describe('analyseFunnelPlot: the curve for drawing', () => {
  it('samples denominators evenly on a log scale from the smallest to the largest', () => {
    // 100 × 8^(i/3): 100, 200, 400, 800.
    const plot = analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', curvePoints: 4 });
    expect(plot.curve.map((l) => l.denominator)).toEqual([100, 200, 400, 800]);
    expect(plot.curve[1]).toEqual(calculateFunnelLimits(0.8, 200));
    expect(plot.curve[0]).toEqual(plot.points[0].limits);
    expect(plot.curve[3]).toEqual(plot.points[2].limits);
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

describe('calculateFunnelLimits', () => {
  it('gives the limits around a target proportion at one denominator', () => {
    // p = 0.5, n = 25: SE = 0.1; 95% ± 0.195996 → 30.4004–69.5996%; 99.8% ± 0.309023 → 19.0977–80.9023%.
    expect(calculateFunnelLimits(0.5, 25)).toEqual({
      denominator: 25,
      lower95: expect.closeTo(30.40036015, 7),
      upper95: expect.closeTo(69.59963985, 7),
      lower998: expect.closeTo(19.09767694, 7),
      upper998: expect.closeTo(80.90232306, 7),
    });
    expect(calculateFunnelLimits(0.5, 25, 'PROPORTION').upper95).toBeCloseTo(0.6959963985, 9);
  });

  it('refuses a target outside 0 to 1, a denominator that is not a positive whole number, and an unknown unit', () => {
    expectDomainError(() => calculateFunnelLimits(1.5, 10), 'FUNNEL_INVALID_TARGET');
    expectDomainError(() => calculateFunnelLimits(Number.NaN, 10), 'FUNNEL_INVALID_TARGET');
    expectDomainError(() => calculateFunnelLimits(0.5, 0), 'FUNNEL_ZERO_DENOMINATOR');
    expectDomainError(() => calculateFunnelLimits(0.5, 2.5), 'FUNNEL_INVALID_COUNT');
    expectDomainError(() => calculateFunnelLimits(0.5, 10, 'PERMILLE' as never), 'FUNNEL_INVALID_UNIT');
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

  it('refuses a provider given twice, an unknown polarity or unit, and a curve of 0, 1001 or 2.5 points', () => {
    expectDomainError(() => analyseFunnelPlot({ units: [units[0], units[0]], polarity: 'HIGHER_IS_BETTER' }), 'COMPARISON_DUPLICATE_KEY', { key: 'A' });
    expectDomainError(() => analyseFunnelPlot({ units, polarity: 'BETTER' as never }), 'COMPARISON_INVALID_POLARITY');
    expectDomainError(() => analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', unit: 'RATE' as never }), 'FUNNEL_INVALID_UNIT');
    for (const curvePoints of [0, 1001, 2.5]) {
      expectDomainError(() => analyseFunnelPlot({ units, polarity: 'HIGHER_IS_BETTER', curvePoints }), 'FUNNEL_INVALID_CURVE_POINTS');
    }
  });
});
