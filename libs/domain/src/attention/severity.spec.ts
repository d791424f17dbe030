import type { AttentionSignals } from './attention-vocabulary';
import { assessAttentionSeverity, compareBySeverity, SEVERITY_RULE } from './severity';

const calm: AttentionSignals = { variationType: 'COMMON_CAUSE', assuranceType: 'CONSISTENT_PASS', rag: 'GREEN', funnelPosition: 'WITHIN', funnelFavourable: null, trend: 'NO_CLEAR_DIRECTION' };

describe('assessAttentionSeverity: the documented weights, summed', () => {
  it('scores a calm row 0, level NONE, with no reasons', () => {
    expect(assessAttentionSeverity(calm)).toEqual({ score: 0, level: 'NONE', reasons: [] });
  });

  it.each([
    [{ variationType: 'SPECIAL_CAUSE_CONCERN' }, 4, 'MEDIUM', ['SPECIAL_CAUSE_CONCERN']],
    [{ assuranceType: 'CONSISTENT_FAIL' }, 3, 'LOW', ['CONSISTENTLY_FAILING_TARGET']],
    [{ assuranceType: 'HIT_AND_MISS' }, 1, 'LOW', ['HIT_AND_MISS_TARGET']],
    [{ rag: 'RED' }, 2, 'LOW', ['FAILING_TARGET']],
    [{ funnelPosition: 'BELOW_998', funnelFavourable: false }, 2, 'LOW', ['UNFAVOURABLE_OUTLIER_998']],
    [{ funnelPosition: 'ABOVE_998', funnelFavourable: false }, 2, 'LOW', ['UNFAVOURABLE_OUTLIER_998']],
    [{ funnelPosition: 'BELOW_95', funnelFavourable: false }, 1, 'LOW', ['UNFAVOURABLE_OUTLIER_95']],
    [{ trend: 'WORSENING' }, 1, 'LOW', ['WORSENING']],
  ] as const)('scores one signal %j as %d (%s)', (change, score, level, reasons) => {
    expect(assessAttentionSeverity({ ...calm, ...change })).toEqual({ score, level, reasons });
  });

  it('adds nothing for improvement, a favourable outlier, a neutral outlier or a neutral movement', () => {
    for (const change of [
      { variationType: 'SPECIAL_CAUSE_IMPROVEMENT' },
      { variationType: 'SPECIAL_CAUSE_NEUTRAL_HIGH' },
      { funnelPosition: 'ABOVE_998', funnelFavourable: true },
      { funnelPosition: 'ABOVE_998', funnelFavourable: null },
      { trend: 'IMPROVING' },
      { trend: 'FALLING' },
      { assuranceType: null, rag: null, funnelPosition: null, trend: null },
    ] as const) {
      expect(assessAttentionSeverity({ ...calm, ...change }).score).toBe(0);
    }
  });

  it('scores every signal at once 12, HIGH, reasons heaviest first', () => {
    const worst: AttentionSignals = { variationType: 'SPECIAL_CAUSE_CONCERN', assuranceType: 'CONSISTENT_FAIL', rag: 'RED', funnelPosition: 'BELOW_998', funnelFavourable: false, trend: 'WORSENING' };
    expect(assessAttentionSeverity(worst)).toEqual({
      score: 12,
      level: 'HIGH',
      reasons: ['SPECIAL_CAUSE_CONCERN', 'CONSISTENTLY_FAILING_TARGET', 'FAILING_TARGET', 'UNFAVOURABLE_OUTLIER_998', 'WORSENING'],
    });
    expect(SEVERITY_RULE.filter((r) => r.reason !== 'HIT_AND_MISS_TARGET' && r.reason !== 'UNFAVOURABLE_OUTLIER_95').reduce((sum, r) => sum + r.weight, 0)).toBe(12);
  });

  it('puts the level boundaries at 7 (HIGH) and 4 (MEDIUM)', () => {
    expect(assessAttentionSeverity({ ...calm, variationType: 'SPECIAL_CAUSE_CONCERN', assuranceType: 'CONSISTENT_FAIL' })).toMatchObject({ score: 7, level: 'HIGH' });
    expect(assessAttentionSeverity({ ...calm, assuranceType: 'CONSISTENT_FAIL', rag: 'RED', trend: 'WORSENING' })).toMatchObject({ score: 6, level: 'MEDIUM' });
    expect(assessAttentionSeverity({ ...calm, assuranceType: 'CONSISTENT_FAIL', trend: 'WORSENING' })).toMatchObject({ score: 4, level: 'MEDIUM' });
  });
});

describe('compareBySeverity: the order of the view', () => {
  const of = (change: Partial<AttentionSignals>) => assessAttentionSeverity({ ...calm, ...change });

  it('puts the higher score first', () => {
    const rows = [of({ rag: 'RED' }), of({ variationType: 'SPECIAL_CAUSE_CONCERN', rag: 'RED' }), of({})];
    expect(rows.sort(compareBySeverity).map((s) => s.score)).toEqual([6, 2, 0]);
  });

  it('on equal scores puts the heavier reason first (concern 4 before consistent fail 3 + worsening 1)', () => {
    const concern = of({ variationType: 'SPECIAL_CAUSE_CONCERN' });
    const failing = of({ assuranceType: 'CONSISTENT_FAIL', trend: 'WORSENING' });
    expect(concern.score).toBe(failing.score);
    expect(compareBySeverity(concern, failing)).toBeLessThan(0);
    expect(compareBySeverity(failing, concern)).toBeGreaterThan(0);
  });

  it('calls rows with the same reasons equal, for the caller to break the tie', () => {
    expect(compareBySeverity(of({ rag: 'RED' }), of({ rag: 'RED' }))).toBe(0);
  });
});
