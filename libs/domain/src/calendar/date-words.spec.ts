import { DomainError } from '../errors';
import { dateInWords, monthInWords } from './date-words';

describe('dates in words (NHS style)', () => {
  it('writes the day without a leading zero, the month in full and the year', () => {
    expect(dateInWords('2026-12-06')).toBe('6 December 2026');
    expect(dateInWords('2016-02-29')).toBe('29 February 2016');
    expect(monthInWords('2019-03-01')).toBe('March 2019');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => dateInWords('2015-02-30')).toThrow(DomainError);
    expect(() => monthInWords('March 2019')).toThrow(DomainError);
  });
});
