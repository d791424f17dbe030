import { actionsWithoutPlan, deriveOffers, takesForecasts } from './plan-offers';
import { assessor, financeOfficer } from './financial-plan.fixtures';

describe('what the plan page offers', () => {
  it.each([
    ['a CCG with no plan, to its finance officer', ['START_DRAFT'], false, 'create'],
    ['a returned plan, to its finance officer', ['START_DRAFT'], true, 'new-version'],
    ['a draft, to its finance officer', ['EDIT_DRAFT', 'SUBMIT'], true, 'update'],
    ['a submitted plan, to an assessor', ['APPROVE', 'RETURN', 'RECORD_FLEX', 'SET_WARNING_THRESHOLD'], true, 'read'],
    ['any plan, to a reader', [], true, 'read'],
  ] as const)('edits %s as %s', (_, actions, planExists, mode) => {
    expect(deriveOffers(actions, planExists).mode).toBe(mode);
  });

  it('offers each step only when the plan’s available actions hold it', () => {
    expect(deriveOffers(['APPROVE', 'RETURN', 'RECORD_FLEX', 'SET_WARNING_THRESHOLD'], true)).toEqual({
      mode: 'read',
      submit: false,
      approve: true,
      returnToCcg: true,
      recordFlex: true,
      setWarningThreshold: true,
      recordForecast: false,
    });
    expect(deriveOffers(['RECORD_FORECAST'], true)).toMatchObject({ mode: 'read', recordForecast: true, submit: false, approve: false, recordFlex: false });
  });

  it('lets only the CCG’s own finance officers start a plan it does not have yet', () => {
    expect(actionsWithoutPlan(financeOfficer, '02V')).toEqual(['START_DRAFT']);
    expect(actionsWithoutPlan(financeOfficer, '03R')).toEqual([]);
    expect(actionsWithoutPlan(assessor, '02V')).toEqual([]);
    expect(actionsWithoutPlan(null, '02V')).toEqual([]);
  });

  it('takes forecasts against an approved plan only, by the lifecycle table', () => {
    expect(['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'].filter((status) => takesForecasts(status as 'DRAFT'))).toEqual(['APPROVED']);
  });
});
