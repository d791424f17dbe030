import type { AttentionSignals } from './attention-vocabulary';
import { matchesAttentionFilter } from './attention-filter';

const row: AttentionSignals = { variationType: 'SPECIAL_CAUSE_CONCERN', assuranceType: 'HIT_AND_MISS', rag: 'RED', funnelPosition: 'BELOW_998', funnelFavourable: false, trend: 'WORSENING' };

describe('matchesAttentionFilter: AND across kinds, OR within a kind', () => {
  it('passes every row when no kind is given, or every list is empty', () => {
    expect(matchesAttentionFilter(row, {})).toBe(true);
    expect(matchesAttentionFilter(row, { variation: [], assurance: [], rag: [], funnelPosition: [], trend: [] })).toBe(true);
    expect(matchesAttentionFilter(row, { variation: null, rag: null })).toBe(true);
  });

  it('passes "special-cause concern AND failing the target AND a peer outlier" only when all three hold', () => {
    const filter = { variation: ['SPECIAL_CAUSE_CONCERN'], rag: ['RED'], funnelPosition: ['BELOW_95', 'BELOW_998', 'ABOVE_95', 'ABOVE_998'] } as const;
    expect(matchesAttentionFilter(row, filter)).toBe(true);
    expect(matchesAttentionFilter({ ...row, rag: 'GREEN' }, filter)).toBe(false);
    expect(matchesAttentionFilter({ ...row, variationType: 'COMMON_CAUSE' }, filter)).toBe(false);
    expect(matchesAttentionFilter({ ...row, funnelPosition: 'WITHIN' }, filter)).toBe(false);
  });

  it('passes a row in any one of the states listed within a kind', () => {
    expect(matchesAttentionFilter(row, { assurance: ['CONSISTENT_FAIL', 'HIT_AND_MISS'] })).toBe(true);
    expect(matchesAttentionFilter(row, { assurance: ['CONSISTENT_FAIL', 'CONSISTENT_PASS'] })).toBe(false);
    expect(matchesAttentionFilter(row, { trend: ['WORSENING', 'NO_CLEAR_DIRECTION'] })).toBe(true);
  });

  it('fails a row without a value of a kind that is filtered on (no funnel, no target, no trend)', () => {
    expect(matchesAttentionFilter({ ...row, funnelPosition: null }, { funnelPosition: ['WITHIN'] })).toBe(false);
    expect(matchesAttentionFilter({ ...row, assuranceType: null }, { assurance: ['HIT_AND_MISS'] })).toBe(false);
    expect(matchesAttentionFilter({ ...row, rag: null }, { rag: ['GREEN', 'RED'] })).toBe(false);
    expect(matchesAttentionFilter({ ...row, trend: null }, { trend: ['WORSENING'] })).toBe(false);
    expect(matchesAttentionFilter({ ...row, trend: null }, { rag: ['RED'] })).toBe(true);
  });
});
