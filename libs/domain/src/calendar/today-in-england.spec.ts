import { DomainError } from '../errors';
import { financialYearOf } from './financial-year';
import { todayInEngland } from './today-in-england';

describe('todayInEngland', () => {
  it.each([
    // Summer (BST, UTC+1): an hour after 23:00 UTC is already tomorrow in England.
    ['2025-06-30T22:59:59Z', '2025-06-30'],
    ['2025-06-30T23:00:00Z', '2025-07-01'],
    ['2025-06-30T23:30:00Z', '2025-07-01'],
    // Winter (GMT, UTC+0): the date in England is the date in UTC.
    ['2025-12-31T23:30:00Z', '2025-12-31'],
    ['2025-12-31T23:59:59Z', '2025-12-31'],
    ['2026-01-01T00:00:00Z', '2026-01-01'],
    // The night BST starts (Sunday 30 March 2025, 01:00 UTC): GMT before, BST after.
    ['2025-03-29T23:30:00Z', '2025-03-29'],
    ['2025-03-30T00:59:59Z', '2025-03-30'],
    ['2025-03-30T22:59:59Z', '2025-03-30'],
    ['2025-03-30T23:00:00Z', '2025-03-31'],
    // The night BST ends (Sunday 26 October 2025, 01:00 UTC): BST before, GMT after.
    ['2025-10-25T22:59:59Z', '2025-10-25'],
    ['2025-10-25T23:00:00Z', '2025-10-26'],
    ['2025-10-26T00:30:00Z', '2025-10-26'],
    ['2025-10-26T01:30:00Z', '2025-10-26'],
    ['2025-10-26T23:00:00Z', '2025-10-26'],
    ['2025-10-26T23:59:59Z', '2025-10-26'],
    ['2025-10-27T00:00:00Z', '2025-10-27'],
  ])('at %s it is %s in England', (instant, date) => {
    expect(todayInEngland(new Date(instant))).toBe(date);
  });

  it('puts 00:30 BST on 1 April in the new financial year, where UTC still says 31 March', () => {
    const now = new Date('2016-03-31T23:30:00Z');
    // The UTC date, which the product must never take for today (the lint rule forbids it outside this proof).
    // eslint-disable-next-line no-restricted-syntax
    expect(now.toISOString().slice(0, 10)).toBe('2016-03-31');
    expect(todayInEngland(now)).toBe('2016-04-01');
    expect(financialYearOf(todayInEngland(now)).label).toBe('2016/17');
  });

  it('answers as a fresh reading of the Europe/London calendar for every minute around both clock changes, in any order', () => {
    const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    const minutes = (from: string, hours: number) => Array.from({ length: hours * 60 }, (_, i) => new Date(Date.parse(from) + i * 60_000));
    const instants = [...minutes('2025-03-29T20:00:00Z', 31), ...minutes('2025-10-25T20:00:00Z', 31), ...minutes('2024-02-28T20:00:00Z', 30)];
    // In order (the answer kept for an hour), then shuffled (a different hour nearly every time).
    let seed = 19;
    const shuffled = [...instants].sort(() => ((seed = (seed * 48271) % 2147483647) % 3) - 1);
    for (const now of [...instants, ...shuffled]) expect(todayInEngland(now)).toBe(fresh.format(now));
  });

  it.each([[new Date('not a date')], ['2025-01-01'], [null], [1735689600000]])('refuses %p as INVALID_INSTANT', (value) => {
    expect(() => todayInEngland(value as Date)).toThrow(DomainError);
    expect(() => todayInEngland(value as Date)).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT', details: { value } }));
  });
});
