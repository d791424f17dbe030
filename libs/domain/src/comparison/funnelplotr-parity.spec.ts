import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseFunnelPlot, calculateFunnelLimits } from './funnel-plot';
import type { FunnelLimits, FunnelPlot, FunnelPlotUnit } from './comparison-vocabulary';

/*
 * The funnel against FunnelPlotR 0.6.0 itself (nhs-r-community/FunnelPlotR at 9020d49, the last commit of
 * the 0.6.0 release): the package's internal functions, sourced unchanged into R 4.2.2 and called as
 * funnel_plot() calls them for proportions (data_type "PR", trim_by 0.1), gave the figures below. The
 * real-data figures come from funnelplotr-reference/march-2019.R, whose output is march-2019.csv beside it;
 * the small cases from the same functions on the data written here (R's printout, 17 significant digits).
 *
 * FunnelPlotR has no numeric test of proportions of its own (its tests/testthat checks SR data and plot
 * shapes); the ones that apply are ported at the end. Agreement is to 1e-12 relative: R sums in extended
 * precision, JavaScript in doubles.
 */

const RELATIVE = 1e-12;
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(expected)));
}
function expectLimits(limits: FunnelLimits, expected: readonly number[]): void {
  [limits.lower95, limits.upper95, limits.lower998, limits.upper998].forEach((limit, i) => expectClose(limit, expected[i]));
}
const units = (numerators: number[], denominators: number[]): FunnelPlotUnit[] =>
  numerators.map((numerator, i) => ({ key: String(i + 1), numerator, denominator: denominators[i] }));

describe('FunnelPlotR 0.6.0 parity: the real A&E data for March 2019 (AE_4HR_ALL, 158 NHS trusts)', () => {
  const referenceFile = path.join(__dirname, 'funnelplotr-reference', 'march-2019.csv');
  const [summaryLine, header, ...lines] = readFileSync(referenceFile, 'utf8').trim().split('\n');
  const summary = Object.fromEntries(
    summaryLine
      .slice(2)
      .trim()
      .split(' ')
      .reduce<string[][]>((pairs, word, i) => (i % 2 === 0 ? [...pairs, [word]] : [...pairs.slice(0, -1), [pairs[pairs.length - 1][0], word]]), []),
  ) as Record<string, string>;
  const columns = header.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])) as Record<string, string>);

  // The trusts' counts aggregated here from the published file, as the API's import does.
  const published = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
  const counts = new Map<string, { numerator: number; denominator: number }>();
  for (const line of readFileSync(published, 'utf8').trim().split('\n').slice(1)) {
    const [period, code, , attendances, breaches] = line.split(',');
    if (period !== '2019-03-01' || !/^R[A-Z0-9]{2}$/.test(code)) continue;
    const sums = counts.get(code) ?? { numerator: 0, denominator: 0 };
    counts.set(code, { numerator: sums.numerator + Number(attendances) - Number(breaches), denominator: sums.denominator + Number(attendances) });
  }
  const trusts = [...counts].filter(([, c]) => c.denominator > 0).map(([key, c]) => ({ key, ...c }));

  const adjusted = analyseFunnelPlot({ units: trusts, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION' });
  const unadjusted = analyseFunnelPlot({ units: trusts, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION', adjustment: 'NONE' });
  const outside = (plot: FunnelPlot, worst: boolean) => plot.points.filter((p) => (worst ? p.position.endsWith('998') : p.position !== 'WITHIN')).length;

  it('reads the same 158 trusts and counts from the published file as the reference did', () => {
    expect(trusts).toHaveLength(158);
    expect(Number(summary.providers)).toBe(158);
    expect(Object.fromEntries(trusts.map((t) => [t.key, [t.numerator, t.denominator]]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.code, [Number(r.numerator), Number(r.denominator)]])),
    );
  });

  it('gives the pooled target, every z-score, the winsorising quantiles, φ and τ² as FunnelPlotR does', () => {
    expectClose(adjusted.target, Number(summary.target));
    const byKey = new Map(adjusted.points.map((p) => [p.key, p]));
    for (const row of rows) expectClose(byKey.get(row.code)?.zScore ?? Number.NaN, Number(row.z));
    expectClose(adjusted.overdispersion.lowerZ, Number(summary.lowerZ));
    expectClose(adjusted.overdispersion.upperZ, Number(summary.upperZ));
    expectClose(adjusted.overdispersion.phi, Number(summary.phi));
    expectClose(adjusted.overdispersion.tau2, Number(summary.tau2));
    // φ ≈ 602.19 and τ² ≈ 0.01204: the trusts vary about 600 times as much as sampling alone explains.
    expect(adjusted.overdispersion.phi).toBeCloseTo(602.1899015848, 8);
    expect(adjusted.overdispersion.tau2).toBeCloseTo(0.0120387220559, 12);
    expect(unadjusted.overdispersion).toEqual(adjusted.overdispersion);
    expect([adjusted.adjusted, unadjusted.adjusted]).toEqual([true, false]);
  });

  it("gives every trust FunnelPlotR's limits at its own denominator, unadjusted and adjusted", () => {
    const adjustedByKey = new Map(adjusted.points.map((p) => [p.key, p]));
    const unadjustedByKey = new Map(unadjusted.points.map((p) => [p.key, p]));
    for (const row of rows) {
      const n = Number;
      expectLimits(unadjustedByKey.get(row.code)?.limits ?? ({} as FunnelLimits), [n(row.lower95), n(row.upper95), n(row.lower998), n(row.upper998)]);
      expectLimits(adjustedByKey.get(row.code)?.limits ?? ({} as FunnelLimits), [
        n(row.adjustedLower95),
        n(row.adjustedUpper95),
        n(row.adjustedLower998),
        n(row.adjustedUpper998),
      ]);
    }
  });

  it('puts 143 trusts outside the unadjusted 99.8% limits and 8 outside the adjusted ones, as FunnelPlotR does', () => {
    expect(outside(unadjusted, true)).toBe(Number(summary.outside998));
    expect(outside(adjusted, true)).toBe(Number(summary.outside998adjusted));
    expect([outside(unadjusted, true), outside(adjusted, true)]).toEqual([143, 8]);
    // Outside the 95% limits: 148 unadjusted, 26 adjusted.
    expect([outside(unadjusted, false), outside(adjusted, false)]).toEqual([148, 26]);
    expect(adjusted.points.filter((p) => p.position === 'ABOVE_998')).toHaveLength(8);
  });
});

describe('FunnelPlotR 0.6.0 parity: small cases', () => {
  // The proportions of FunnelPlotR's own working (dev/workingout_binom.R): over-dispersed, φ > 1.
  const binom = units([12, 30, 26, 50, 42, 71, 4, 29, 48, 36], [82, 98, 100, 125, 162, 151, 12, 100, 82, 99]);

  it('over-dispersed (φ ≈ 4.01 > 1): z-scores, φ, τ² and widened limits', () => {
    const plot = analyseFunnelPlot({ units: binom, polarity: 'NEUTRAL', unit: 'PROPORTION' });
    expectClose(plot.target, 0.34421364985163205);
    const z = [
      -4.2455986172256068, -0.80529648648644148, -1.8380704139226789, 1.2912146610041983, -2.36098584292928, 3.1606454135001631, -0.079637058017033274,
      -1.1659764905756598, 4.4228303316549846, 0.40417424729687318,
    ];
    plot.points.forEach((p, i) => expectClose(p.zScore, z[i]));
    expectClose(plot.overdispersion.lowerZ, -2.5494471203589129);
    expectClose(plot.overdispersion.upperZ, 3.2868639053156445);
    expectClose(plot.overdispersion.phi, 4.009052917020548);
    expectClose(plot.overdispersion.tau2, 0.0086882597100233234);
    expect(plot.adjusted).toBe(true);
    const at = (n: number) => plot.points.find((p) => p.denominator === n)?.limits ?? ({} as FunnelLimits);
    expectLimits(at(12), [0.081887238367350013, 0.67457714080498332, 0.0091906499110814693, 0.8390117473784785]);
    expectLimits(at(100), [0.16601546929915123, 0.5488126434308247, 0.087392260723358497, 0.66527593390921103]);
    expectLimits(at(162), [0.17281422134872254, 0.539785843017487, 0.095630176326101227, 0.65172473919563956]);
    // As FunnelPlotR flags them: adjusted, none beyond the 99.8% limits and 12/82 and 48/82 beyond the 95%.
    expect(plot.points.filter((p) => p.position.endsWith('998'))).toEqual([]);
    expect(plot.points.filter((p) => p.position !== 'WITHIN').map((p) => p.key)).toEqual(['1', '9']);
    const none = analyseFunnelPlot({ units: binom, polarity: 'NEUTRAL', unit: 'PROPORTION', adjustment: 'NONE' });
    expect(none.adjusted).toBe(false);
    expect(none.overdispersion).toEqual(plot.overdispersion);
    const noneAt = (n: number) => none.points.find((p) => p.denominator === n)?.limits ?? ({} as FunnelLimits);
    expectLimits(noneAt(12), [0.11379069267287766, 0.62319090673201771, 0.032382759187805317, 0.77201199373178242]);
    expectLimits(noneAt(82), [0.2458156033729971, 0.44988138186630633, 0.19418996650520412, 0.51220447011498282]);
    expectLimits(noneAt(151), [0.27073192129287194, 0.42165020768305633, 0.23088852525006967, 0.46733919283715319]);
    expect(none.points.filter((p) => p.position.endsWith('998')).map((p) => p.key)).toEqual(['1', '6', '9']);
    expect(none.points.filter((p) => p.position !== 'WITHIN').map((p) => p.key)).toEqual(['1', '5', '6', '9']);
  });

  it('under-dispersed (n φ < n − 1): τ² is 0 and the adjusted limits equal the unadjusted', () => {
    const calm = units([50, 101, 149, 200, 252], [100, 200, 300, 400, 500]);
    const plot = analyseFunnelPlot({ units: calm, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION' });
    expectClose(plot.overdispersion.phi, 0.0082182577503518844);
    expectClose(plot.overdispersion.lowerZ, -0.11832874989663902);
    expectClose(plot.overdispersion.upperZ, 0.11303980057973359);
    expect(plot.overdispersion.tau2).toBe(0);
    expect(plot.adjusted).toBe(false);
    expectLimits(plot.points[0].limits, [0.40393617444107177, 0.5986794365285486, 0.34920658965599, 0.65333375993543785]);
    expectLimits(plot.points[4].limits, [0.45755834012070129, 0.54509808921251623, 0.43244092424850195, 0.57020031749935363]);
    expect(plot.points).toEqual(analyseFunnelPlot({ units: calm, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION', adjustment: 'NONE' }).points);
  });

  it('φ from (n − 1) / n to 1: τ² is estimated above 0 but, as in FunnelPlotR, the limits are not widened', () => {
    const between = units([45, 55, 45, 55, 45, 55, 45, 55, 46, 54], Array(10).fill(100));
    const plot = analyseFunnelPlot({ units: between, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION' });
    expectClose(plot.overdispersion.phi, 0.93095498355913664);
    expectClose(plot.overdispersion.tau2, 8.5986065442045988e-5);
    expect(plot.adjusted).toBe(false);
    expect(plot.curve).toEqual(analyseFunnelPlot({ units: between, polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION', adjustment: 'NONE' }).curve);
  });

  it('holds limits at 1 above a target near 100% and at 0 below a target near 0%, on small denominators', () => {
    const high = analyseFunnelPlot({ units: units([9, 10, 99], [10, 10, 100]), polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION' });
    expectClose(high.overdispersion.phi, 0.55727661416541685);
    expectLimits(high.points[0].limits, [0.81906990074406094, 1, 0.66422290309978871, 1]);
    // At n = 100 the upper 99.8% angle passes π/2; FunnelPlotR's last curve point folds back to 0.99937258722609001
    // (see the next case); here it is held at 1.
    expectLimits(high.points[2].limits, [0.94914854327505294, 0.99901043321239746, 0.92150413966656297, 1]);
    const low = analyseFunnelPlot({ units: units([1, 0, 1], [10, 10, 100]), polarity: 'LOWER_IS_BETTER', unit: 'PROPORTION' });
    expectLimits(low.points[0].limits, [0, 0.18093009925593864, 0, 0.33577709690021074]);
    // At n = 100 the lower 99.8% angle asin √p̄ − 3.090232 × 0.05 is below 0 (−0.0250). FunnelPlotR holds such
    // limits at 0 by comparing each point of its curve with the next, so the last point (its largest
    // denominator) is never compared and folds back to sin²(−0.0250) = 0.00062741277391000709. Here it is held
    // at 0 like every other: the one place the two differ (RULES.md, "Choices").
    expectLimits(low.points[2].limits, [0.00098956678760248203, 0.050851456724946904, 0, 0.078495860333436626]);
    expect(Math.sin(Math.asin(Math.sqrt(1 / 60)) - 3.090232 * 0.05) ** 2).toBeCloseTo(0.00062741277391000709, 15);
    expect(low.points[1]).toMatchObject({ value: 0, position: 'WITHIN' }); // 0% on a lower limit held at 0 is within it
  });
});

describe("FunnelPlotR 0.6.0's own tests that apply to proportions, ported", () => {
  it('test-build_limits_lookup.R: at a denominator of 3 around a target of 0.5 the 95% limits stay inside (0, 1)', () => {
    // sin²(π/4 ± 1.959964 / (2 √3)): 0.0474562 and 0.9525438.
    const limits = calculateFunnelLimits(0.5, 3, 'PROPORTION');
    expect(limits.upper95).toBeLessThan(1);
    expect(limits.lower95).toBeGreaterThan(0);
    expect(limits.upper95).toBeCloseTo(0.9525438124, 9);
    expect(limits.lower95).toBeCloseTo(1 - 0.9525438124, 9);
  });

  it('test-outliers_func.R: outside means strictly beyond a limit, on either side', () => {
    // Around p̄ = 0.5 at n = 100 the 95% limits are sin²(π/4 ± 0.0979982) = 0.4026280 and 0.5973720: 60% and 40%
    // are beyond them, 50% within. (A value exactly on a limit is within: the 0% on a lower limit held at 0 above.)
    const plot = analyseFunnelPlot({ units: units([60, 40, 50, 50], [100, 100, 100, 100]), polarity: 'HIGHER_IS_BETTER', unit: 'PROPORTION', adjustment: 'NONE' });
    const { upper95, lower95 } = plot.points[0].limits;
    expect(upper95).toBeCloseTo(0.5973719773, 9);
    expect(0.6).toBeGreaterThan(upper95);
    expect(plot.points.map((p) => p.position)).toEqual(['ABOVE_95', 'BELOW_95', 'WITHIN', 'WITHIN']);
    expect(lower95).toBeCloseTo(1 - upper95, 12);
  });
});
