import { IMPROVEMENT_DIRECTIONS, SPECIAL_CAUSE_TYPES } from './spc-vocabulary';
import type { AssuranceType, ImprovementDirection, PointType, SpecialCauseType } from './spc-vocabulary';
import { assessAssurance, classifyPointType } from './verdicts';

describe('classifyPointType (ptd_point_type)', () => {
  // Every special cause against every direction: high-side causes are "Above…" or "…Increasing".
  const table: [SpecialCauseType, PointType, PointType, PointType][] = [
    // cause,               INCREASE,                     DECREASE,                     NEUTRAL
    ['COMMON_CAUSE', 'COMMON_CAUSE', 'COMMON_CAUSE', 'COMMON_CAUSE'],
    ['ABOVE_UPPER_LIMIT', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_NEUTRAL_HIGH'],
    ['BELOW_LOWER_LIMIT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_NEUTRAL_LOW'],
    ['TREND_INCREASING', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_NEUTRAL_HIGH'],
    ['TREND_DECREASING', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_NEUTRAL_LOW'],
    ['TWO_OF_THREE_ABOVE', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_NEUTRAL_HIGH'],
    ['TWO_OF_THREE_BELOW', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_NEUTRAL_LOW'],
    ['SHIFT_ABOVE', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_NEUTRAL_HIGH'],
    ['SHIFT_BELOW', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_NEUTRAL_LOW'],
  ];

  it('covers every special cause type', () => {
    expect(table.map(([cause]) => cause)).toEqual([...SPECIAL_CAUSE_TYPES]);
  });

  it.each(table)('%s is %s when higher is better, %s when lower is better, %s when neutral', (cause, inc, dec, neu) => {
    expect(classifyPointType(cause, 'INCREASE')).toBe(inc);
    expect(classifyPointType(cause, 'DECREASE')).toBe(dec);
    expect(classifyPointType(cause, 'NEUTRAL')).toBe(neu);
  });
});

describe('assessAssurance (ptd_calculate_assurance_type)', () => {
  // test-ptd_calculate_assurance_type.R: facets a, b, c with lpl 1 5 1, upl 3 7 5 and target 4.
  const facets = { a: { lower: 1, upper: 3 }, b: { lower: 5, upper: 7 }, c: { lower: 1, upper: 5 } };
  const cases: [ImprovementDirection, AssuranceType | null, AssuranceType | null, AssuranceType | null][] = [
    ['INCREASE', 'CONSISTENT_FAIL', 'CONSISTENT_PASS', 'HIT_AND_MISS'],
    ['DECREASE', 'CONSISTENT_PASS', 'CONSISTENT_FAIL', 'HIT_AND_MISS'],
    ['NEUTRAL', null, null, null],
  ];

  it.each(cases)('target 4 with %s: above (1, 3) → %s, below (5, 7) → %s, inside (1, 5) → %s', (direction, a, b, c) => {
    expect(assessAssurance(4, facets.a, direction)).toBe(a);
    expect(assessAssurance(4, facets.b, direction)).toBe(b);
    expect(assessAssurance(4, facets.c, direction)).toBe(c);
  });

  it('gives no verdict without a target, whatever the direction', () => {
    for (const direction of IMPROVEMENT_DIRECTIONS) expect(assessAssurance(null, facets.a, direction)).toBeNull();
  });

  it('is hit and miss for a target exactly on a limit (the comparisons are strict)', () => {
    expect(assessAssurance(3, facets.a, 'INCREASE')).toBe('HIT_AND_MISS');
    expect(assessAssurance(1, facets.a, 'INCREASE')).toBe('HIT_AND_MISS');
  });

  it('is hit and miss when there are no limits, as the package (NA comparisons fall through)', () => {
    expect(assessAssurance(4, { lower: Number.NaN, upper: Number.NaN }, 'INCREASE')).toBe('HIT_AND_MISS');
  });
});
