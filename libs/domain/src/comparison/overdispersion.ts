import { FUNNEL_WINSORISED_FRACTION, type FunnelOverdispersion, type FunnelPlotUnit } from './comparison-vocabulary';

/*
 * Over-dispersion of proportions as FunnelPlotR 0.6.0 estimates it (R/od_adjustment.R: transformed_zscore with
 * data_type "PR", winsorisation, phi_func, tau_func; Spiegelhalter 2005, section 5). Written from the method,
 * step by step in RULES.md (steps 10 to 14); checked against the package's own functions run in R
 * (funnelplotr-parity.spec.ts).
 */

/** The target on the arcsine-square-root scale: asin √p̄. */
export function transformedTarget(target: number): number {
  return Math.asin(Math.sqrt(target));
}

/** The sampling standard error of asin √p at denominator n: 1 / (2 √n). */
export function transformedStandardError(denominator: number): number {
  return 1 / (2 * Math.sqrt(denominator));
}

/** A provider's unadjusted z-score: (asin √(r / n) − asin √p̄) ÷ (1 / (2 √n)). */
export function funnelZScore(unit: FunnelPlotUnit, target: number): number {
  return (Math.asin(Math.sqrt(unit.numerator / unit.denominator)) - transformedTarget(target)) / transformedStandardError(unit.denominator);
}

/**
 * R's `quantile(x, probability)` with its default method (type 7): the order statistics at 1 + (n − 1) p,
 * interpolated linearly between the two either side, written (1 − h) a + h b as R does.
 */
export function quantileType7(values: readonly number[], probability: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = 1 + Math.max(sorted.length - 1, 0) * probability;
  const lo = Math.floor(index);
  const low = sorted[lo - 1];
  const high = sorted[Math.ceil(index) - 1];
  if (!(index > lo && high !== low)) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

/**
 * φ and τ² for providers around the pooled target: z-scores winsorised at 10% each end (R's quantiles), φ the
 * mean of their squares, τ² in the DerSimonian-Laird form (n φ − (n − 1)) ÷ (Σ w − Σ w² ÷ Σ w) with
 * w = 1 / s², zero when n φ < n − 1. With a single provider τ² is 0 (the form divides 0 by 0 there).
 */
export function estimateOverdispersion(units: readonly FunnelPlotUnit[], target: number): FunnelOverdispersion {
  const zScores = units.map((unit) => funnelZScore(unit, target));
  const lowerZ = quantileType7(zScores, FUNNEL_WINSORISED_FRACTION);
  const upperZ = quantileType7(zScores, 1 - FUNNEL_WINSORISED_FRACTION);
  const winsorised = zScores.map((z) => (z < lowerZ ? lowerZ : z > upperZ ? upperZ : z));
  const n = winsorised.length;
  const phi = (1 / n) * sum(winsorised.map((z) => z * z));
  return { phi, tau2: betweenProviderVariance(n, phi, units), lowerZ, upperZ };
}

function betweenProviderVariance(n: number, phi: number, units: readonly FunnelPlotUnit[]): number {
  if (n < 2 || n * phi < n - 1) return 0;
  const weights = units.map((unit) => {
    const s = transformedStandardError(unit.denominator);
    return 1 / (s * s);
  });
  const totalWeight = sum(weights);
  return Math.max(0, (n * phi - (n - 1)) / (totalWeight - sum(weights.map((w) => w * w)) / totalWeight));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
