import { formatDate, formatInstant, formatInstantDate, monthLabel, monthName, shortMonthLabel } from './format';

describe('dates as the pages say them', () => {
  it('says a calendar date in words, and anything that is not one as it is', () => {
    expect(formatDate('2016-02-29')).toBe('29 February 2016');
    expect(formatDate('2015-02-30')).toBe('2015-02-30');
    expect(formatDate(null)).toBe('');
  });

  it('says the day in England of an instant: after midnight BST it is already the next day', () => {
    expect(formatInstantDate('2015-07-31T23:30:00.000Z')).toBe('1 August 2015');
    expect(formatInstantDate('2016-01-31T23:30:00.000Z')).toBe('31 January 2016');
  });

  it('says an instant as the day and time in England, to the minute or the second', () => {
    expect(formatInstant('2015-07-31T23:30:05.000Z')).toBe('1 August 2015 at 00:30');
    expect(formatInstant('2016-01-31T23:30:05.000Z', 'seconds')).toBe('31 January 2016 at 23:30:05');
    expect(formatInstant(null)).toBe('');
  });

  it('names the month of a date', () => {
    expect(monthName('2016-01-01')).toBe('January');
  });
});

describe('months as charts and tables say them', () => {
  it('names the month of a value, in full and short, and leaves anything that is not a date as it is', () => {
    expect(monthLabel('2019-03-01')).toBe('March 2019');
    expect(shortMonthLabel('2019-03-01')).toBe('Mar 2019');
    expect(monthLabel('2019-13-01')).toBe('2019-13-01');
  });
});
