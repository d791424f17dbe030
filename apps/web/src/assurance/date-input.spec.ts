import { isCalendarDate } from './date-input';

describe('a date typed into a field', () => {
  it('is a calendar date only when the domain calendar reads it as one', () => {
    expect(isCalendarDate('2016-02-29')).toBe(true);
    expect(isCalendarDate('2015-02-29')).toBe(false);
    expect(isCalendarDate('2016-2-1')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});
