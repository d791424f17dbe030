import * as spc from './index';

describe('spc public surface', () => {
  it('exposes analyseSpc and the enum lists the GraphQL layer maps 1:1', () => {
    expect(typeof spc.analyseSpc).toBe('function');
    expect(spc.IMPROVEMENT_DIRECTIONS).toEqual(['INCREASE', 'DECREASE', 'NEUTRAL']);
    expect(spc.POINT_TYPES).toEqual([
      'COMMON_CAUSE',
      'SPECIAL_CAUSE_IMPROVEMENT',
      'SPECIAL_CAUSE_CONCERN',
      'SPECIAL_CAUSE_NEUTRAL_HIGH',
      'SPECIAL_CAUSE_NEUTRAL_LOW',
    ]);
    expect(spc.SPECIAL_CAUSE_TYPES).toHaveLength(9);
    expect(spc.ASSURANCE_TYPES).toEqual(['CONSISTENT_PASS', 'CONSISTENT_FAIL', 'HIT_AND_MISS']);
    expect(spc.SHORT_GROUP_MINIMUM_POINTS).toBe(13);
    expect(spc.MAX_VALUE_MAGNITUDE).toBe(1e100);
  });

  it('lists every error code analyseSpc can throw', () => {
    expect([...spc.SPC_ERROR_CODES].sort()).toEqual(
      [
        'SPC_DUPLICATE_PERIOD',
        'SPC_INVALID_FIX_AFTER_N_POINTS',
        'SPC_INVALID_IMPROVEMENT_DIRECTION',
        'SPC_INVALID_PERIOD',
        'SPC_INVALID_REBASE_DATE',
        'SPC_NON_FINITE_TARGET',
        'SPC_NON_FINITE_VALUE',
        'SPC_NO_POINTS',
        'SPC_VALUE_OUT_OF_RANGE',
      ].sort(),
    );
  });
});
