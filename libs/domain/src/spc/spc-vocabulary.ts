/**
 * The words of statistical process control (NHS England "Making Data Count", XmR charts) as the
 * rest of CCG Assure sees them. The GraphQL layer maps these names 1:1, so they are SCREAMING_CASE
 * and the lists are the enum values, in display order. See RULES.md for every rule and its source.
 */

/** Which way is better for the indicator. NEUTRAL: neither (special causes are "high" or "low"). */
export const IMPROVEMENT_DIRECTIONS = ['INCREASE', 'DECREASE', 'NEUTRAL'] as const;
export type ImprovementDirection = (typeof IMPROVEMENT_DIRECTIONS)[number];

/**
 * Which special-cause rule a point belongs to, in precedence order after COMMON_CAUSE: a point
 * that several rules catch carries the first one (NHSRplotthedots 0.2.2 `ptd_special_cause_type`).
 */
export const SPECIAL_CAUSE_TYPES = [
  'COMMON_CAUSE',
  'ABOVE_UPPER_LIMIT',
  'BELOW_LOWER_LIMIT',
  'TREND_INCREASING',
  'TREND_DECREASING',
  'TWO_OF_THREE_ABOVE',
  'TWO_OF_THREE_BELOW',
  'SHIFT_ABOVE',
  'SHIFT_BELOW',
] as const;
export type SpecialCauseType = (typeof SPECIAL_CAUSE_TYPES)[number];

/** A point's variation read against the improvement direction (`ptd_point_type`). */
export const POINT_TYPES = [
  'COMMON_CAUSE',
  'SPECIAL_CAUSE_IMPROVEMENT',
  'SPECIAL_CAUSE_CONCERN',
  'SPECIAL_CAUSE_NEUTRAL_HIGH',
  'SPECIAL_CAUSE_NEUTRAL_LOW',
] as const;
export type PointType = (typeof POINT_TYPES)[number];

/** Whether the process will meet its target (`ptd_calculate_assurance_type`). */
export const ASSURANCE_TYPES = ['CONSISTENT_PASS', 'CONSISTENT_FAIL', 'HIT_AND_MISS'] as const;
export type AssuranceType = (typeof ASSURANCE_TYPES)[number];

/**
 * Best practice bases limits on at least this many points; a shorter rebase group carries a
 * warning (DOMAIN.md "Statistical process control": fewer than 13 points).
 */
export const SHORT_GROUP_MINIMUM_POINTS = 13;

/** The fewest points a baseline may be fixed after (NHSRplotthedots 0.2.2 `ptd_spc_options`: `fix_after_n_points >= 12`). */
export const MINIMUM_FIX_AFTER_N_POINTS = 12;

/** One observation: the value for a period. Points are consecutive observations, in any order. */
export interface SpcObservation {
  /** ISO calendar date `yyyy-mm-dd` (e.g. the first day of the month the value is for). */
  period: string;
  value: number;
  /**
   * The target in force at this period, when targets change within the series (a standard changed for a
   * financial year, a local target, a monthly trajectory): it overrides the input's `target` for this point,
   * and the latest point's target is the one assured against. Absent: the input's `target`; null: none.
   */
  target?: number | null;
}

export interface AnalyseSpcInput {
  points: readonly SpcObservation[];
  /** The standard to assure against; null or absent: no assurance verdict. */
  target?: number | null;
  improvementDirection: ImprovementDirection;
  /** Periods at which the limits are recalculated: each starts a new rebase group. */
  rebaseDates?: readonly string[];
  /**
   * Baseline: the mean and limits of each rebase group come from its first n points only and are extended over
   * the rest of the group (NHSRplotthedots `fix_after_n_points`; a whole number, 12 or more, as the package
   * requires). Null or absent: every point of the group.
   */
  fixAfterNPoints?: number | null;
}

export interface SpcPoint {
  period: string;
  value: number;
  /** Mean of the point's rebase group. */
  mean: number;
  /** mean − 2.66 × average moving range; null when the group has no moving range to speak of. */
  lowerProcessLimit: number | null;
  /** mean + 2.66 × average moving range; null when the group has no moving range to speak of. */
  upperProcessLimit: number | null;
  /** Beyond mean ± (2 × 2.66 / 3) × average moving range but not outside the limits. */
  closeToLimits: boolean;
  specialCauseType: SpecialCauseType;
  pointType: PointType;
  /** Index of the rebase group, counted as NHSRplotthedots does (see RULES.md "Rebase"). */
  rebaseGroup: number;
  target: number | null;
}

export interface SpcAnalysis {
  /** Sorted by period. */
  points: SpcPoint[];
  /** The point type of the latest point. */
  variationType: PointType;
  /** From the latest rebase group's limits; null without a target or with a NEUTRAL direction. */
  assuranceType: AssuranceType | null;
  /** True when any rebase group has fewer than SHORT_GROUP_MINIMUM_POINTS points. */
  shortGroupWarning: boolean;
}

/** Stable codes of the DomainErrors that analyseSpc throws. */
export const SPC_ERROR_CODES = [
  'SPC_NO_POINTS',
  'SPC_NON_FINITE_VALUE',
  'SPC_VALUE_OUT_OF_RANGE',
  'SPC_INVALID_PERIOD',
  'SPC_DUPLICATE_PERIOD',
  'SPC_INVALID_REBASE_DATE',
  'SPC_NON_FINITE_TARGET',
  'SPC_INVALID_IMPROVEMENT_DIRECTION',
  'SPC_INVALID_FIX_AFTER_N_POINTS',
] as const;
export type SpcErrorCode = (typeof SPC_ERROR_CODES)[number];
