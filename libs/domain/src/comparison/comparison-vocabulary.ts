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

/**
 * How the funnel's limits allow for over-dispersion (more variation between providers than sampling error
 * explains): ADDITIVE_RANDOM_EFFECTS widens them by the between-provider variance τ² when the
 * over-dispersion factor φ exceeds 1 (Spiegelhalter 2005, FunnelPlotR 0.6.0's `draw_adjusted`); NONE
 * draws them from sampling error alone (τ² = 0).
 */
export const FUNNEL_ADJUSTMENTS = ['ADDITIVE_RANDOM_EFFECTS', 'NONE'] as const;
export type FunnelAdjustment = (typeof FUNNEL_ADJUSTMENTS)[number];

/** The share of z-scores pulled in at each end before φ is estimated: 10% (FunnelPlotR's `trim_by` default). */
export const FUNNEL_WINSORISED_FRACTION = 0.1;

/**
 * The multipliers FunnelPlotR 0.6.0 writes into its limits (R/calculate_limits.R): Φ⁻¹(0.975) and Φ⁻¹(0.999)
 * rounded to 7 significant figures. The funnel uses these, not `Z_95` and `Z_998`, so its limits match the
 * package's to the last digit; the difference is below 10⁻⁸ of a limit.
 */
export const FUNNEL_Z_95 = 1.959964;
export const FUNNEL_Z_998 = 3.090232;

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
  /** Whether the limits allow for over-dispersion; ADDITIVE_RANDOM_EFFECTS when absent. */
  adjustment?: FunnelAdjustment;
}

/** The funnel limits at one denominator, in the plot's unit, within the possible range (0 to 1 or 0 to 100). */
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
  /** The limits at this provider's own denominator, widened by τ² when the plot is `adjusted`. */
  limits: FunnelLimits;
  /**
   * The provider's z-score before any adjustment: (asin √p − asin √p̄) ÷ (1 / (2 √n)), the distance from the
   * target on the arcsine-square-root scale in standard errors of sampling alone.
   */
  zScore: number;
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
  /** The adjustment asked for. */
  adjustment: FunnelAdjustment;
  /** Whether the limits were widened: ADDITIVE_RANDOM_EFFECTS was asked for and φ exceeds 1. */
  adjusted: boolean;
  /** The over-dispersion estimates, whichever adjustment was asked for. */
  overdispersion: FunnelOverdispersion;
}

/** How much more the providers vary than sampling error alone explains (RULES.md, steps 10 to 14). */
export interface FunnelOverdispersion {
  /** φ: the mean of the squared winsorised z-scores; 1 when providers vary as sampling alone predicts. */
  phi: number;
  /**
   * τ²: the between-provider variance on the arcsine-square-root scale (DerSimonian-Laird form), added to each
   * provider's sampling variance when the plot is adjusted; 0 when n φ < n − 1 or with a single provider.
   */
  tau2: number;
  /** The z-scores below this (R's 10% quantile, type 7) were raised to it before φ was taken. */
  lowerZ: number;
  /** The z-scores above this (R's 90% quantile, type 7) were lowered to it before φ was taken. */
  upperZ: number;
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
  'FUNNEL_INVALID_ADJUSTMENT',
  'FUNNEL_INVALID_TAU2',
] as const;
export type ComparisonErrorCode = (typeof COMPARISON_ERROR_CODES)[number];
