import { illustrativeReadingDate } from './ccg-assurance.service';

describe('the date illustrative assurance is read at', () => {
  it('is the latest of the records’ own dates when that is before the date asked, else the date asked', () => {
    expect(illustrativeReadingDate('2026-12-06', ['2015-07-27', '2016-01-25', null, '2015-10-12'])).toBe('2016-01-25');
    expect(illustrativeReadingDate('2015-12-01', ['2015-07-27', '2016-01-25'])).toBe('2015-12-01');
    expect(illustrativeReadingDate('2026-12-06', [null])).toBe('2026-12-06');
    expect(illustrativeReadingDate('2026-12-06', [])).toBe('2026-12-06');
  });
});
