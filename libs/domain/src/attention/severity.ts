import type { AttentionSeverity, AttentionSignals, SeverityLevel, SeverityReason } from './attention-vocabulary';

/**
 * The severity rule of the attention view (decision 0032), a weight for each signal that calls for action, summed:
 *
 * | signal | reason | weight |
 * | --- | --- | ---: |
 * | the latest point is special-cause concern (variation icon) | SPECIAL_CAUSE_CONCERN | 4 |
 * | the process will consistently fail the target in force (assurance icon) | CONSISTENTLY_FAILING_TARGET | 3 |
 * | the process will sometimes meet and sometimes fail it | HIT_AND_MISS_TARGET | 1 |
 * | the latest value fails the target in force (RAG red) | FAILING_TARGET | 2 |
 * | beyond the adjusted 99.8% funnel limit on the worse side | UNFAVOURABLE_OUTLIER_998 | 2 |
 * | beyond the adjusted 95% (not 99.8%) limit on the worse side | UNFAVOURABLE_OUTLIER_95 | 1 |
 * | the last three values move the worse way | WORSENING | 1 |
 *
 * Concern from SPC weighs most because it says something has changed and is getting worse (Making Data Count:
 * act on special cause); a process that cannot meet its target needs redesign, which weighs next; one month's
 * failure, a peer outlier and a short run of worse values add less, alone, than either verdict. Levels: HIGH from
 * 7 (for example concern and a consistent fail), MEDIUM from 4, LOW from 1, NONE at 0. Improvement, favourable
 * outliers and neutral movements add nothing: the view is about what needs attention, not about credit.
 */
export const SEVERITY_RULE: readonly { reason: SeverityReason; weight: number; applies: (signals: AttentionSignals) => boolean }[] = [
  { reason: 'SPECIAL_CAUSE_CONCERN', weight: 4, applies: (s) => s.variationType === 'SPECIAL_CAUSE_CONCERN' },
  { reason: 'CONSISTENTLY_FAILING_TARGET', weight: 3, applies: (s) => s.assuranceType === 'CONSISTENT_FAIL' },
  { reason: 'FAILING_TARGET', weight: 2, applies: (s) => s.rag === 'RED' },
  { reason: 'UNFAVOURABLE_OUTLIER_998', weight: 2, applies: (s) => s.funnelFavourable === false && (s.funnelPosition === 'ABOVE_998' || s.funnelPosition === 'BELOW_998') },
  { reason: 'HIT_AND_MISS_TARGET', weight: 1, applies: (s) => s.assuranceType === 'HIT_AND_MISS' },
  { reason: 'UNFAVOURABLE_OUTLIER_95', weight: 1, applies: (s) => s.funnelFavourable === false && (s.funnelPosition === 'ABOVE_95' || s.funnelPosition === 'BELOW_95') },
  { reason: 'WORSENING', weight: 1, applies: (s) => s.trend === 'WORSENING' },
];

/** The lowest score of each level, most severe first. */
const LEVEL_FLOORS: readonly [SeverityLevel, number][] = [
  ['HIGH', 7],
  ['MEDIUM', 4],
  ['LOW', 1],
  ['NONE', 0],
];

/** A row's severity under SEVERITY_RULE: its score, its level and the reasons, heaviest first. */
export function assessAttentionSeverity(signals: AttentionSignals): AttentionSeverity {
  const applying = SEVERITY_RULE.filter((rule) => rule.applies(signals));
  const score = applying.reduce((sum, rule) => sum + rule.weight, 0);
  const level = LEVEL_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? 'NONE';
  return { score, level, reasons: applying.map((rule) => rule.reason) };
}

/**
 * The view's order "by severity": the higher score first; on equal scores the row with special-cause concern,
 * then the consistent fail, then the red RAG first (the heavier reasons decide); then the caller's tie-break (the
 * API's is provider code, then indicator code), so the order is total and a cursor is stable.
 */
export function compareBySeverity(a: AttentionSeverity, b: AttentionSeverity): number {
  if (a.score !== b.score) return b.score - a.score;
  for (const rule of SEVERITY_RULE) {
    const [x, y] = [a.reasons.includes(rule.reason), b.reasons.includes(rule.reason)];
    if (x !== y) return x ? -1 : 1;
  }
  return 0;
}
