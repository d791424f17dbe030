import fc from 'fast-check';
import { addCalendarMonths, compareIsoDates, daysBetween, formatIsoDate } from '../calendar/calendar-date';
import { SPECIAL_MEASURES_MAXIMUM_MONTHS, specialMeasuresClock, specialMeasuresEpisodeClock } from './special-measures-clock';
import { applySpecialMeasuresAction, proposeSpecialMeasures } from './special-measures-episode';

describe('specialMeasuresClock: open episodes', () => {
  it.each([
    // entry,        asOf,          dueBy,        months, days, overdue, daysOverdue
    ['2015-01-15', '2015-01-15', '2016-01-15', 12, 365, false, 0],
    ['2015-01-15', '2015-01-16', '2016-01-15', 11, 364, false, 0],
    ['2015-01-15', '2015-02-14', '2016-01-15', 11, 335, false, 0],
    ['2015-01-15', '2015-02-15', '2016-01-15', 11, 334, false, 0],
    ['2015-01-15', '2015-02-16', '2016-01-15', 10, 333, false, 0],
    ['2015-01-15', '2015-12-15', '2016-01-15', 1, 31, false, 0],
    ['2015-01-15', '2016-01-14', '2016-01-15', 0, 1, false, 0],
    ['2015-01-15', '2016-01-15', '2016-01-15', 0, 0, true, 0],
    ['2015-01-15', '2016-01-16', '2016-01-15', 0, 0, true, 1],
    ['2015-01-15', '2016-02-15', '2016-01-15', 0, 0, true, 31],
    // 29 February entry: due on 28 February the next year
    ['2016-02-29', '2016-02-29', '2017-02-28', 12, 365, false, 0],
    ['2016-02-29', '2016-03-31', '2017-02-28', 11, 334, false, 0],
    ['2016-02-29', '2017-02-27', '2017-02-28', 0, 1, false, 0],
    ['2016-02-29', '2017-02-28', '2017-02-28', 0, 0, true, 0],
    ['2016-02-29', '2017-03-01', '2017-02-28', 0, 0, true, 1],
    // month-end entries
    ['2015-08-31', '2016-02-29', '2016-08-31', 6, 184, false, 0],
    ['2015-01-31', '2015-02-28', '2016-01-31', 11, 337, false, 0],
    ['2015-03-31', '2016-03-30', '2016-03-31', 0, 1, false, 0],
  ] as const)('entered %s, as of %s: due %s, %i months (%i days) left, overdue %p by %i days', (entry, asOf, dueBy, months, days, overdue, daysOverdue) => {
    expect(specialMeasuresClock(entry, asOf)).toEqual({
      entryDate: entry,
      dueBy,
      open: true,
      monthsRemaining: months,
      daysRemaining: days,
      overdue,
      daysOverdue,
      closedAfterDueBy: false,
    });
  });

  it('the maximum is the seed’s 12 months', () => {
    expect(SPECIAL_MEASURES_MAXIMUM_MONTHS).toBe(12);
  });
});

describe('specialMeasuresClock: exited episodes', () => {
  it.each([
    // entry,        asOf,          exit,         open,  overdue, closedAfterDueBy
    ['2015-01-15', '2015-11-30', '2015-10-31', false, false, false],
    ['2015-01-15', '2016-06-30', '2015-10-31', false, false, false],
    ['2015-01-15', '2016-06-30', '2016-01-15', false, false, false],
    ['2015-01-15', '2016-06-30', '2016-01-16', false, false, true],
    ['2015-01-15', '2016-03-01', '2016-03-01', false, false, true],
    ['2015-01-15', '2015-01-15', '2015-01-15', false, false, false],
  ] as const)('entered %s, as of %s, exited %s: open %p, overdue %p, closed after due %p', (entry, asOf, exit, open, overdue, late) => {
    expect(specialMeasuresClock(entry, asOf, exit)).toEqual({
      entryDate: entry,
      dueBy: '2016-01-15',
      open,
      monthsRemaining: 0,
      daysRemaining: 0,
      overdue,
      daysOverdue: 0,
      closedAfterDueBy: late,
    });
  });

  it('an exit after asOf leaves the episode open on asOf', () => {
    expect(specialMeasuresClock('2015-01-15', '2015-07-15', '2015-10-31')).toMatchObject({ open: true, monthsRemaining: 6, overdue: false });
    expect(specialMeasuresClock('2015-01-15', '2016-01-20', '2016-02-01')).toMatchObject({ open: true, overdue: true, daysOverdue: 5 });
    expect(specialMeasuresClock('2015-01-15', '2015-07-15', null)).toMatchObject({ open: true });
  });

  it.each([
    ['asOf before entry', () => specialMeasuresClock('2015-01-15', '2015-01-14'), 'AS_OF_BEFORE_ENTRY', { entryDate: '2015-01-15', asOf: '2015-01-14' }],
    ['exit before entry', () => specialMeasuresClock('2015-01-15', '2015-06-01', '2015-01-01'), 'EXIT_BEFORE_ENTRY', { entryDate: '2015-01-15', exitDate: '2015-01-01' }],
    ['a malformed entry date', () => specialMeasuresClock('2015-02-29', '2015-06-01'), 'INVALID_DATE', { field: 'entryDate', value: '2015-02-29' }],
    ['a malformed asOf', () => specialMeasuresClock('2015-01-15', '2015/06/01'), 'INVALID_DATE', { field: 'asOf', value: '2015/06/01' }],
    ['a malformed exit date', () => specialMeasuresClock('2015-01-15', '2015-06-01', ''), 'INVALID_DATE', { field: 'exitDate', value: '' }],
  ])('rejects %s', (_case, call, code, details) => {
    expect(call).toThrow(expect.objectContaining({ code, details }));
  });
});

describe('specialMeasuresEpisodeClock', () => {
  const proposed = proposeSpecialMeasures({ proposedOn: '2015-06-01', assuranceCategory: 'LIMITED_ASSURANCE', triggers: ['OPERATIONAL_NO_GRIP'] });

  it('has no clock while only proposed', () => {
    expect(specialMeasuresEpisodeClock(proposed, '2015-06-30')).toBeNull();
  });

  it('runs from entry, agreed or determined', () => {
    const agreed = applySpecialMeasuresAction(proposed, { type: 'AGREE_WITH_CCG', on: '2015-06-10' });
    expect(specialMeasuresEpisodeClock(agreed, '2016-06-10')).toMatchObject({ entryDate: '2015-06-10', dueBy: '2016-06-10', overdue: true });
  });

  it('stops when the episode closes', () => {
    const types = ['PUBLISH_NOTICE', 'COMMISSION_EXTERNAL_REVIEW', 'SIGN_OFF_IMPROVEMENT_PLAN', 'START_DELIVERY'] as const;
    let e = applySpecialMeasuresAction(proposed, { type: 'DETERMINE_BY_NHS_ENGLAND', on: '2015-06-10' });
    for (const type of types.slice(0, 2)) e = applySpecialMeasuresAction(e, { type, on: '2015-07-01' });
    e = applySpecialMeasuresAction(e, { type: 'APPOINT_IMPROVEMENT_DIRECTOR', on: '2015-07-01', improvementDirector: 'Director' });
    for (const type of types.slice(2)) e = applySpecialMeasuresAction(e, { type, on: '2015-08-01' });
    e = applySpecialMeasuresAction(e, { type: 'ESCALATE', on: '2016-07-01', kind: 'TAKEOVER' });
    expect(specialMeasuresEpisodeClock(e, '2016-09-01')).toMatchObject({ open: false, overdue: false, closedAfterDueBy: true });
  });
});

describe('clock properties', () => {
  const date = fc
    .record({ year: fc.integer({ min: 2013, max: 2020 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()) }));

  it('monthsRemaining is the number of whole months that fit before dueBy; overdue exactly from dueBy', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 500 }), (entry, offsetDays) => {
        const asOf = formatIsoDate(fromDayNumber(daysFromEpoch(entry) + offsetDays));
        const clock = specialMeasuresClock(entry, asOf);
        expect(clock.dueBy).toBe(addCalendarMonths(entry, 12));
        expect(clock.overdue).toBe(compareIsoDates(asOf, clock.dueBy) >= 0);
        expect(clock.monthsRemaining).toBeGreaterThanOrEqual(0);
        expect(clock.monthsRemaining).toBeLessThanOrEqual(12);
        if (!clock.overdue) {
          expect(compareIsoDates(addCalendarMonths(asOf, clock.monthsRemaining), clock.dueBy)).toBeLessThanOrEqual(0);
          expect(compareIsoDates(addCalendarMonths(asOf, clock.monthsRemaining + 1), clock.dueBy)).toBeGreaterThan(0);
          expect(clock.daysRemaining).toBe(daysBetween(asOf, clock.dueBy));
        } else {
          expect(clock.monthsRemaining).toBe(0);
          expect(clock.daysOverdue).toBe(daysBetween(clock.dueBy, asOf));
        }
      }),
    );
  });
});

// Test-only conversions through the platform's UTC calendar, to check the library's own arithmetic.
function daysFromEpoch(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}
function fromDayNumber(days: number) {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
