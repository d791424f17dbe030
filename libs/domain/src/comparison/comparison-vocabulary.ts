/**
 * The words of comparing providers (league tables and funnel plots) as the rest of CCG Assure sees
 * them. The GraphQL layer maps the lists 1:1, so they are SCREAMING_CASE, in display order. Rules and
 * sources: RULES.md in this folder.
 */

/**
 * Which way is better for the compared value. NEUTRAL: neither; a ranking then puts the highest
 * value first and no position outside the funnel is favourable or unfavourable.
 */
export const COMPARISON_POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL'] as const;
export type ComparisonPolarity = (typeof COMPARISON_POLARITIES)[number];

/**
 * Where a provider's proportion lies against the funnel limits at its own denominator: inside the 95%
 * limits, or beyond the 95% (but not the 99.8%) limit, or beyond the 99.8% limit, above or below.
 */
export const FUNNEL_POSITIONS = ['WITHIN', 'ABOVE_95', 'ABOVE_998', 'BELOW_95', 'BELOW_998'] as const;
export type FunnelPosition = (typeof FUNNEL_POSITIONS)[number];

/** PERCENTAGE: proportions reported from 0 to 100 (94.7 means 94.7%); PROPORTION: from 0 to 1. */
export const FUNNEL_UNITS = ['PERCENTAGE', 'PROPORTION'] as const;
export type FunnelUnit = (typeof FUNNEL_UNITS)[number];

/** Two-sided 95% limits: the standard normal quantile Φ⁻¹(0.975) (Spiegelhalter 2005, about 2 SD). */
export const Z_95 = 1.959963984540054;
/** Two-sided 99.8% limits: Φ⁻¹(0.999) (Spiegelhalter 2005, about 3 SD). */
export const Z_998 = 3.090232306167813;

/** How many denominators `analyseFunnelPlot` samples the limit curves at, unless told otherwise. */
export const DEFAULT_FUNNEL_CURVE_POINTS = 50;
/** More samples than any chart needs; bounds the work of one call. */
export const MAX_FUNNEL_CURVE_POINTS = 1000;

/** A value to rank: `key` names the provider (for example its ODS code). */
export interface RankInput {
  key: string;
  value: number;
}

export interface RankedValue {
  key: string;
  value: number;
  /** 1 for the best; equal values share a rank and the next rank skips ("1, 2, 2, 4"). */
  rank: number;
}

/** One provider's counts: `numerator` of `denominator` (for example attendances within 4 hours of all attendances). */
export interface FunnelPlotUnit {
  key: string;
  numerator: number;
  denominator: number;
}

export interface FunnelPlotInput {
  units: readonly FunnelPlotUnit[];
  polarity: ComparisonPolarity;
  /** The unit values and limits are reported in; PERCENTAGE when absent. */
  unit?: FunnelUnit;
  /** How many denominators to sample the limit curves at, from the smallest to the largest (default 50). */
  curvePoints?: number;
}

/** The funnel limits at one denominator, in the plot's unit, clamped to the possible range (0 to 1 or 0 to 100). */
export interface FunnelLimits {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelPlotPoint {
  key: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator in the plot's unit. */
  value: number;
  /** The limits at this provider's own denominator. */
  limits: FunnelLimits;
  position: FunnelPosition;
  /**
   * True beyond a limit on the better side, false beyond a limit on the worse side; null within the
   * 95% limits or when the polarity is NEUTRAL.
   */
  favourable: boolean | null;
}

export interface FunnelPlot {
  unit: FunnelUnit;
  /** The centre line p̄ = Σ numerators / Σ denominators, in the plot's unit. */
  target: number;
  totalNumerator: number;
  totalDenominator: number;
  /** In the order given. */
  points: FunnelPlotPoint[];
  /** The limits at denominators from the smallest to the largest of the data, ascending, for drawing. */
  curve: FunnelLimits[];
}

/** Stable codes of the DomainErrors the comparison functions throw. */
export const COMPARISON_ERROR_CODES = [
  'COMPARISON_INVALID_POLARITY',
  'COMPARISON_NON_FINITE_VALUE',
  'COMPARISON_DUPLICATE_KEY',
  'FUNNEL_NO_UNITS',
  'FUNNEL_INVALID_COUNT',
  'FUNNEL_ZERO_DENOMINATOR',
  'FUNNEL_NUMERATOR_EXCEEDS_DENOMINATOR',
  'FUNNEL_INVALID_UNIT',
  'FUNNEL_INVALID_CURVE_POINTS',
  'FUNNEL_INVALID_TARGET',
] as const;
export type ComparisonErrorCode = (typeof COMPARISON_ERROR_CODES)[number];
