import { assertImprovementPlanCanBeSignedOff, isImprovementActionOverdue } from './improvement-plan';

describe('improvement plan', () => {
  it('cannot be signed off without actions', () => {
    expect(() => assertImprovementPlanCanBeSignedOff(0)).toThrow(expect.objectContaining({ code: 'IMPROVEMENT_PLAN_EMPTY', details: { actionCount: 0 } }));
    expect(() => assertImprovementPlanCanBeSignedOff(1)).not.toThrow();
  });

  it.each([
    ['IN_PROGRESS', '2015-11-30', '2015-12-01', true],
    ['IN_PROGRESS', '2015-11-30', '2015-11-30', false],
    ['NOT_STARTED', '2015-11-30', '2016-01-01', true],
    ['COMPLETED', '2015-11-30', '2016-01-01', false],
  ] as const)('an action %s due %s is overdue on %s: %s', (status, dueOn, asOf, overdue) => {
    expect(isImprovementActionOverdue({ status, dueOn }, asOf)).toBe(overdue);
  });
});
