import { DomainError } from '../errors';
import {
  addCalendarMonths,
  compareIsoDates,
  addCalendarDays,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  monthEnd,
  monthStart,
  parseIsoDate,
  requireIsoDate,
  yearMonthOf,
  yearMonthStart,
} from './calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2015-04-01', { year: 2015, month: 4, day: 1 }],
    ['2016-02-29', { year: 2016, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0001-01-01', { year: 1, month: 1, day: 1 }],
  ])('parses %s', (text, expected) => {
    expect(parseIsoDate(text, 'date')).toEqual(expected);
    expect(formatIsoDate(expected)).toBe(text);
  });

  it.each([['2015-02-29'], ['1900-02-29'], ['2015-13-01'], ['2015-00-10'], ['2015-04-31'], ['2015-4-1'], ['15-04-01'], ['2015-04-01T00:00'], [''], [20150401], [null], ['0000-01-01']])(
    'rejects %p as INVALID_DATE naming the field',
    (value) => {
      try {
        parseIsoDate(value, 'asOf');
        throw new Error('expected INVALID_DATE');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'INVALID_DATE', details: { field: 'asOf', value } });
      }
    },
  );

  it.each([
    [1900, false],
    [2000, true],
    [2015, false],
    [2016, true],
  ])('leap year %i is %p', (year, leap) => expect(isLeapYear(year)).toBe(leap));

  it.each([
    [2015, 2, 28],
    [2016, 2, 29],
    [2015, 4, 30],
    [2015, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => expect(daysInMonth(year, month)).toBe(days));

  it.each([
    ['2015-01-31', 1, '2015-02-28'],
    ['2016-01-31', 1, '2016-02-29'],
    ['2016-02-29', 12, '2017-02-28'],
    ['2016-02-29', 48, '2020-02-29'],
    ['2015-08-31', 6, '2016-02-29'],
    ['2015-03-31', 1, '2015-04-30'],
    ['2015-12-15', 1, '2016-01-15'],
    ['2015-06-30', 0, '2015-06-30'],
    ['2015-10-31', 3, '2016-01-31'],
  ])('%s + %i calendar months = %s (clamped to month end)', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('counts days with integer arithmetic', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(daysBetween('2015-01-15', '2016-01-15')).toBe(365);
    expect(daysBetween('2016-01-15', '2017-01-15')).toBe(366);
    expect(daysBetween('2016-03-01', '2016-02-28')).toBe(-2);
  });

  it.each([
    ['2016-02-28', 1, '2016-02-29'],
    ['2015-02-28', 1, '2015-03-01'],
    ['2015-12-31', 1, '2016-01-01'],
    ['2016-01-01', -1, '2015-12-31'],
    ['1970-01-01', -1, '1969-12-31'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2015-07-01', 365, '2016-06-30'],
    ['2015-03-31', 0, '2015-03-31'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('turns every day number of four centuries back into the date it came from', () => {
    const mismatches: number[] = [];
    for (let n = dayNumber('1800-01-01'); n <= dayNumber('2200-12-31'); n += 1) {
      if (dayNumber(dateOfDayNumber(n)) !== n) mismatches.push(n);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses to add days to a date that does not exist', () => {
    expect(() => addCalendarDays('2015-02-30', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('orders dates and returns canonical strings', () => {
    expect(compareIsoDates('2015-01-02', '2015-01-10')).toBeLessThan(0);
    expect(compareIsoDates('2015-02-01', '2015-01-31')).toBeGreaterThan(0);
    expect(compareIsoDates('2015-02-01', '2015-02-01')).toBe(0);
    expect(requireIsoDate('2015-02-01', 'x')).toBe('2015-02-01');
  });

  it.each([
    ['2015-04-17', '2015-04-01', '2015-04-30', '2015-04'],
    ['2016-02-29', '2016-02-01', '2016-02-29', '2016-02'],
    ['2015-02-01', '2015-02-01', '2015-02-28', '2015-02'],
    ['2015-12-31', '2015-12-01', '2015-12-31', '2015-12'],
  ])('%s is in the month from %s to %s, written %s', (date, start, end, yearMonth) => {
    expect(monthStart(date)).toBe(start);
    expect(monthEnd(date)).toBe(end);
    expect(yearMonthOf(date)).toBe(yearMonth);
    expect(yearMonthStart(yearMonth)).toBe(start);
  });

  it('refuses a month helper an invalid date as INVALID_DATE', () => {
    expect(() => monthStart('2015-02-29', 'on')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', details: { field: 'on', value: '2015-02-29' } }));
  });

  it.each([['2015-13'], ['2015-00'], ['2015-4'], ['2015-04-01'], ['0000-01'], [''], [201504], [null]])('refuses %p as INVALID_MONTH', (value) => {
    expect(() => yearMonthStart(value, 'month')).toThrow(expect.objectContaining({ code: 'INVALID_MONTH', details: { field: 'month', value } }));
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2015-04-31', false],
    ['2015-4-1', false],
    ['0000-01-01', false],
    [' 2015-04-01', false],
    ['2015-04-01 ', false],
    ['2015/04/01', false],
    ['2015-04-0a', false],
    ['2015-0:-01', false],
    ['2015-04-1/', false],
    ['+015-04-01', false],
    ['２０１５-04-01', false],
    ['9999-12-31', true],
    ['2015-12-31', true],
    [20150401, false],
    [null, false],
  ])('%p is a calendar date: %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
