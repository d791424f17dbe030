import * as attention from './index';

describe('attention public surface', () => {
  it('exposes the trend, severity and filter rules and the lists the GraphQL layer maps 1:1', () => {
    expect(attention.ATTENTION_TRENDS).toEqual(['IMPROVING', 'WORSENING', 'RISING', 'FALLING', 'NO_CLEAR_DIRECTION']);
    expect(attention.SEVERITY_LEVELS).toEqual(['HIGH', 'MEDIUM', 'LOW', 'NONE']);
    expect(attention.TREND_POINTS).toBe(3);
    expect(typeof attention.describeTrend).toBe('function');
    expect(typeof attention.assessAttentionSeverity).toBe('function');
    expect(typeof attention.compareBySeverity).toBe('function');
    expect(typeof attention.matchesAttentionFilter).toBe('function');
    expect(attention.SEVERITY_RULE.map((rule) => [rule.reason, rule.weight])).toEqual([
      ['SPECIAL_CAUSE_CONCERN', 4],
      ['CONSISTENTLY_FAILING_TARGET', 3],
      ['FAILING_TARGET', 2],
      ['UNFAVOURABLE_OUTLIER_998', 2],
      ['HIT_AND_MISS_TARGET', 1],
      ['UNFAVOURABLE_OUTLIER_95', 1],
      ['WORSENING', 1],
    ]);
  });
});
