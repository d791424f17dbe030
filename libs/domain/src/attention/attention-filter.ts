import type { AttentionFilter, AttentionSignals } from './attention-vocabulary';

/**
 * Whether a row passes the attention view's filters: AND across kinds, OR within a kind ("special-cause concern AND
 * failing the target AND a peer outlier above or below"). An absent or empty list sets no condition; a row without
 * a value of a kind (null) fails any list of that kind, because it cannot be said to be in one of the states listed.
 */
export function matchesAttentionFilter(signals: AttentionSignals, filter: AttentionFilter): boolean {
  return (
    within(signals.variationType, filter.variation) &&
    within(signals.assuranceType, filter.assurance) &&
    within(signals.rag, filter.rag) &&
    within(signals.funnelPosition, filter.funnelPosition) &&
    within(signals.trend, filter.trend)
  );
}

function within<T>(value: T | null, wanted: readonly T[] | null | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  return value !== null && wanted.includes(value);
}
