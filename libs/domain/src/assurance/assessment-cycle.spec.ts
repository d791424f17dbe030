import { isAssessmentOverdue } from './assessment-cycle';

describe('isAssessmentOverdue', () => {
  it.each([
    ['2015-09-30', '2015-10-01', true],
    ['2015-09-30', '2015-09-30', false],
    ['2015-09-30', '2015-09-29', false],
    [null, '2015-10-01', false],
  ])('due %s, judged on %s: %s', (nextDue, asOf, overdue) => {
    expect(isAssessmentOverdue(nextDue, asOf)).toBe(overdue);
  });
});
