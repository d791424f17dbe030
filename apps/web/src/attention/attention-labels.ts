import type { AssuranceType, AttentionTrend, FunnelPosition, PointType, RagStatus, SeverityLevel, SeverityReason } from '@ccg-assure/domain';

// The attention view's words (decision 0032). Which verdict applies is always the API's; these are labels only.

export const SEVERITY_LEVEL_WORDS: Record<SeverityLevel, string> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  NONE: 'None',
};

export const SEVERITY_REASON_WORDS: Record<SeverityReason, string> = {
  SPECIAL_CAUSE_CONCERN: 'special cause concern',
  CONSISTENTLY_FAILING_TARGET: 'will consistently fail the target',
  FAILING_TARGET: 'fails the target',
  UNFAVOURABLE_OUTLIER_998: 'worse than peers (beyond 99.8% limit)',
  HIT_AND_MISS_TARGET: 'hit and miss against the target',
  UNFAVOURABLE_OUTLIER_95: 'worse than peers (beyond 95% limit)',
  WORSENING: 'worsening',
};

export const TREND_WORDS: Record<AttentionTrend, string> = {
  IMPROVING: 'Improving: each of the last 3 values better',
  WORSENING: 'Worsening: each of the last 3 values worse',
  RISING: 'Rising: each of the last 3 values higher',
  FALLING: 'Falling: each of the last 3 values lower',
  NO_CLEAR_DIRECTION: 'No clear direction',
};

export const FUNNEL_WORDS: Record<FunnelPosition, string> = {
  WITHIN: 'Within the limits',
  ABOVE_95: 'Above the 95% limit',
  ABOVE_998: 'Above the 99.8% limit',
  BELOW_95: 'Below the 95% limit',
  BELOW_998: 'Below the 99.8% limit',
};

/** A funnel position in words, saying whether beyond a limit is better or worse than peers. */
export function funnelWords(position: FunnelPosition | null | undefined, favourable: boolean | null | undefined): string {
  if (!position) return 'No funnel (not a percentage)';
  if (position === 'WITHIN' || favourable === null || favourable === undefined) return FUNNEL_WORDS[position];
  return `${FUNNEL_WORDS[position]}: ${favourable ? 'better' : 'worse'} than peers`;
}

/** The filter choices, in the order the page offers them. */
export const VARIATION_CHOICES: { value: PointType; label: string }[] = [
  { value: 'SPECIAL_CAUSE_CONCERN', label: 'Special cause concern' },
  { value: 'SPECIAL_CAUSE_IMPROVEMENT', label: 'Special cause improvement' },
  { value: 'COMMON_CAUSE', label: 'Common cause' },
  { value: 'SPECIAL_CAUSE_NEUTRAL_HIGH', label: 'Special cause neutral (high)' },
  { value: 'SPECIAL_CAUSE_NEUTRAL_LOW', label: 'Special cause neutral (low)' },
];
export const ASSURANCE_CHOICES: { value: AssuranceType; label: string }[] = [
  { value: 'CONSISTENT_FAIL', label: 'Consistently fails the target' },
  { value: 'HIT_AND_MISS', label: 'Hit and miss' },
  { value: 'CONSISTENT_PASS', label: 'Consistently passes the target' },
];
export const RAG_CHOICES: { value: RagStatus; label: string }[] = [
  { value: 'RED', label: 'Red: fails the target' },
  { value: 'GREEN', label: 'Green: meets the target' },
];
export const FUNNEL_CHOICES: { value: FunnelPosition; label: string }[] = [
  { value: 'BELOW_998', label: FUNNEL_WORDS.BELOW_998 },
  { value: 'BELOW_95', label: FUNNEL_WORDS.BELOW_95 },
  { value: 'WITHIN', label: FUNNEL_WORDS.WITHIN },
  { value: 'ABOVE_95', label: FUNNEL_WORDS.ABOVE_95 },
  { value: 'ABOVE_998', label: FUNNEL_WORDS.ABOVE_998 },
];
export const TREND_CHOICES: { value: AttentionTrend; label: string }[] = [
  { value: 'WORSENING', label: 'Worsening' },
  { value: 'IMPROVING', label: 'Improving' },
  { value: 'NO_CLEAR_DIRECTION', label: 'No clear direction' },
  { value: 'RISING', label: 'Rising (no better direction)' },
  { value: 'FALLING', label: 'Falling (no better direction)' },
];
