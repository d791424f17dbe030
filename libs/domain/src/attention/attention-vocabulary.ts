import type { AssuranceType, PointType } from '../spc';
import type { FunnelPosition } from '../comparison';
import type { RagStatus } from '../standards';

// The words of the "what needs attention" view (issue 18 point 5): one row per provider and indicator, joining
// the stored SPC verdicts, RAG against the target in force, the funnel position among peers and the trend.

/**
 * The direction of a series' last TREND_POINTS values, read against its improvement direction: IMPROVING or
 * WORSENING when the series has a better direction, RISING or FALLING when it has none (NEUTRAL), and
 * NO_CLEAR_DIRECTION when the values do not all move the same way.
 */
export const ATTENTION_TRENDS = ['IMPROVING', 'WORSENING', 'RISING', 'FALLING', 'NO_CLEAR_DIRECTION'] as const;
export type AttentionTrend = (typeof ATTENTION_TRENDS)[number];

/** How many of the latest values the trend reads (each strictly above, or each strictly below, the one before). */
export const TREND_POINTS = 3;

/** The severity bands, most severe first (see SEVERITY_RULE in severity.ts). */
export const SEVERITY_LEVELS = ['HIGH', 'MEDIUM', 'LOW', 'NONE'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** What one provider-and-indicator row says, as the severity rule and the filters read it. */
export interface AttentionSignals {
  variationType: PointType;
  assuranceType: AssuranceType | null;
  rag: RagStatus | null;
  /** Under the adjusted funnel limits for the row's indicator and period; null where there is no funnel (not a proportion). */
  funnelPosition: FunnelPosition | null;
  /** True beyond a limit on the better side, false on the worse side, null within or for a NEUTRAL polarity. */
  funnelFavourable: boolean | null;
  /** null when the series has fewer than TREND_POINTS values. */
  trend: AttentionTrend | null;
}

/** Why a row scored what it scored: one reason per signal that added to it. */
export type SeverityReason =
  | 'SPECIAL_CAUSE_CONCERN'
  | 'CONSISTENTLY_FAILING_TARGET'
  | 'HIT_AND_MISS_TARGET'
  | 'FAILING_TARGET'
  | 'UNFAVOURABLE_OUTLIER_998'
  | 'UNFAVOURABLE_OUTLIER_95'
  | 'WORSENING';

export interface AttentionSeverity {
  /** 0 to 12: the sum of the weights of the reasons. */
  score: number;
  level: SeverityLevel;
  /** Heaviest first. */
  reasons: SeverityReason[];
}

/**
 * The attention view's filters: within a kind any value listed may match (OR); across kinds every kind given must
 * match (AND). An absent or empty list sets no condition. A row without a value of a kind (no funnel, no target,
 * no trend) matches no list of that kind.
 */
export interface AttentionFilter {
  variation?: readonly PointType[] | null;
  assurance?: readonly AssuranceType[] | null;
  rag?: readonly RagStatus[] | null;
  funnelPosition?: readonly FunnelPosition[] | null;
  trend?: readonly AttentionTrend[] | null;
}


