import { DomainError } from '../errors';
import { CONTRACT_NOTICE_STATES } from './contract-management-lifecycle';
import { addOperationalDays, responseMeetingDue } from './contract-terms';
import { compareTrajectory, compareWithTrajectory, proposedStepAfterMiss, validateTrajectory } from './recovery-trajectory';

const point = (value: number, month = '2017-06-01', indicatorCode = 'AE_4HR_ALL') => ({ indicatorCode, month, value });

describe('recovery trajectory', () => {
  it('compares by polarity: higher is better meets at or above the commitment', () => {
    expect(compareWithTrajectory(point(90), 90, 'HIGHER_IS_BETTER')).toMatchObject({ met: true, shortfall: 0 });
    expect(compareWithTrajectory(point(90), 91.5, 'HIGHER_IS_BETTER')).toMatchObject({ met: true, shortfall: -1.5 });
    expect(compareWithTrajectory(point(90), 88, 'HIGHER_IS_BETTER')).toMatchObject({ met: false, shortfall: 2, committed: 90, actual: 88 });
  });

  it('compares by polarity: lower is better meets at or below the commitment', () => {
    expect(compareWithTrajectory(point(10), 10, 'LOWER_IS_BETTER').met).toBe(true);
    expect(compareWithTrajectory(point(10), 9, 'LOWER_IS_BETTER').met).toBe(true);
    expect(compareWithTrajectory(point(10), 12, 'LOWER_IS_BETTER')).toMatchObject({ met: false, shortfall: 2 });
  });

  it('refuses a neutral indicator and values that are not finite', () => {
    expect(() => compareWithTrajectory(point(10), 12, 'NEUTRAL')).toThrow(expect.objectContaining({ code: 'TRAJECTORY_NOT_COMPARABLE' }));
    expect(() => compareWithTrajectory(point(10), Number.NaN, 'HIGHER_IS_BETTER')).toThrow(DomainError);
  });

  it('compares each month with data, in month order, and leaves months without data out', () => {
    const points = [point(92, '2017-08-01'), point(90, '2017-06-01'), point(91, '2017-07-01')];
    const actuals = new Map([
      ['AE_4HR_ALL|2017-06-01', 90.5],
      ['AE_4HR_ALL|2017-07-01', 89],
    ]);
    expect(compareTrajectory(points, actuals, () => 'HIGHER_IS_BETTER').map((c) => [c.month, c.met])).toEqual([
      ['2017-06-01', true],
      ['2017-07-01', false],
    ]);
  });

  it('proposes the next GC9 step after a missed month from where the notice stands', () => {
    expect(proposedStepAfterMiss('MONITORING')).toBe('REPORT_RAP_BREACH');
    expect(proposedStepAfterMiss('RAP_AGREED')).toBe('REPORT_RAP_BREACH');
    expect(proposedStepAfterMiss('RAP_BREACHED')).toBe('APPLY_WITHHOLDING');
    expect(proposedStepAfterMiss('WITHHOLDING_APPLIED')).toBe('REPORT_EXCEPTION');
    expect(proposedStepAfterMiss('EXCEPTION_REPORTED')).toBe('ESCALATE');
    for (const state of CONTRACT_NOTICE_STATES.filter((s) => !['MONITORING', 'RAP_AGREED', 'RAP_BREACHED', 'WITHHOLDING_APPLIED', 'EXCEPTION_REPORTED'].includes(s))) {
      expect(proposedStepAfterMiss(state)).toBeNull();
    }
  });

  it('validates a trajectory as entered: monitored indicators, first days of months, once each, finite values', () => {
    expect(() => validateTrajectory([point(90), point(91, '2017-07-01')], ['AE_4HR_ALL'])).not.toThrow();
    const fields = (run: () => void) => {
      try {
        run();
        return null;
      } catch (error) {
        return (error as DomainError).details?.fields;
      }
    };
    expect(fields(() => validateTrajectory([point(90, '2017-06-01', 'RTT')], ['AE_4HR_ALL']))).toEqual(['trajectory.0.indicatorCode']);
    expect(fields(() => validateTrajectory([point(90, '2017-06-15')], ['AE_4HR_ALL']))).toEqual(['trajectory.0.month']);
    expect(fields(() => validateTrajectory([point(90), point(91)], ['AE_4HR_ALL']))).toEqual(['trajectory.1.month']);
    expect(fields(() => validateTrajectory([point(Number.POSITIVE_INFINITY)], ['AE_4HR_ALL']))).toEqual(['trajectory.0.value']);
  });
});

describe('GC9 terms: operational days', () => {
  it('counts Monday to Friday only', () => {
    // 2017-05-05 is a Friday.
    expect(addOperationalDays('2017-05-05', 1)).toBe('2017-05-08');
    expect(addOperationalDays('2017-05-05', 10)).toBe('2017-05-19');
    expect(addOperationalDays('2017-05-06', 0)).toBe('2017-05-06');
    expect(addOperationalDays('2017-05-08', 5)).toBe('2017-05-15');
  });

  it('dates the contract management meeting from the terms of the year', () => {
    expect(responseMeetingDue('2017-05-05', { meetingWithinOperationalDays: 10 })).toBe('2017-05-19');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addOperationalDays('2017-05-05', -1)).toThrow(expect.objectContaining({ code: 'INVALID_OPERATIONAL_DAYS' }));
    expect(() => addOperationalDays('2017-05-05', 1.5)).toThrow(DomainError);
  });
});
