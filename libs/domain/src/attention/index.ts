// What needs attention (issue 18 point 5; decision 0032): the trend of a series' last values in words, the
// severity rule that orders the attention view, and its filter semantics (AND across kinds, OR within one).
export { ATTENTION_TRENDS, SEVERITY_LEVELS, TREND_POINTS } from './attention-vocabulary';
export type { AttentionFilter, AttentionSeverity, AttentionSignals, AttentionTrend, SeverityLevel, SeverityReason } from './attention-vocabulary';
export { describeTrend } from './describe-trend';
export { SEVERITY_RULE, assessAttentionSeverity, compareBySeverity } from './severity';
export { matchesAttentionFilter } from './attention-filter';
