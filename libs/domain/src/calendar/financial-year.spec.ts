import { domainErrorOf } from '../testing/domain-error-of';
import { compareFinancialYears, financialYearOf, financialYearsBetween, financialYearStartingIn, parseFinancialYear, tryParseFinancialYear } from './financial-year';

describe('parseFinancialYear', () => {
  it.each([
    ['2015/16', 2015],
    ['2015-16', 2015],
    ['  2015/16 ', 2015],
    ['\t2013-14\n', 2013],
    ['1999/00', 1999],
    ['2099-00', 2099],
    ['0001/02', 1],
    ['9998/99', 9998],
  ])('reads %p as the year starting in %i', (text, firstYear) => {
    expect(parseFinancialYear(text).firstYear).toBe(firstYear);
    expect(tryParseFinancialYear(text)?.firstYear).toBe(firstYear);
  });

  it.each([['2015/17'], ['2015-15'], ['15/16'], ['2015'], ['2015/2016'], ['2015 16'], ['2015_16'], ['2015/16 Q1'], [''], ['   '], ['0000/01'], ['9999/00'], [2015], [null], [undefined]])(
    'refuses %p as INVALID_FINANCIAL_YEAR with the value and the expected form',
    (value) => {
      const error = domainErrorOf(() => parseFinancialYear(value));
      expect(error.code).toBe('INVALID_FINANCIAL_YEAR');
      expect(error.details).toEqual({ value, expected: expect.stringContaining('2015/16') });
      expect(tryParseFinancialYear(value)).toBeNull();
    },
  );
});

describe('a financial year', () => {
  const year = parseFinancialYear('2015-16');

  it('has its label, address segment, first year and dates', () => {
    expect(year).toMatchObject({ label: '2015/16', urlSegment: '2015-16', firstYear: 2015, start: '2015-04-01', end: '2016-03-31' });
    expect(`${year}`).toBe('2015/16');
  });

  it('has twelve months, April first', () => {
    expect(year.months).toEqual([
      '2015-04-01',
      '2015-05-01',
      '2015-06-01',
      '2015-07-01',
      '2015-08-01',
      '2015-09-01',
      '2015-10-01',
      '2015-11-01',
      '2015-12-01',
      '2016-01-01',
      '2016-02-01',
      '2016-03-01',
    ]);
  });

  it.each([
    ['2015/16', 1, '2015-04-01', '2015-06-30'],
    ['2015/16', 2, '2015-07-01', '2015-09-30'],
    ['2015/16', 3, '2015-10-01', '2015-12-31'],
    ['2015/16', 4, '2016-01-01', '2016-03-31'],
    ['1999/00', 4, '2000-01-01', '2000-03-31'],
  ])('%s Q%i runs from %s to %s', (text, number, start, end) => {
    const quarter = parseFinancialYear(text).quarter(number);
    expect(quarter).toEqual({ number, start, end, label: `${text} Q${number}` });
    expect(parseFinancialYear(text).quarters[number - 1]).toEqual(quarter);
  });

  it.each([[0], [5], [1.5], [NaN]])('refuses quarter %p as INVALID_QUARTER', (number) => {
    const error = domainErrorOf(() => year.quarter(number));
    expect(error).toMatchObject({ code: 'INVALID_QUARTER', details: { quarter: number, allowed: [1, 2, 3, 4] } });
  });

  it.each([
    ['2015-03-31', false],
    ['2015-04-01', true],
    ['2016-02-29', true],
    ['2016-03-31', true],
    ['2016-04-01', false],
  ])('contains %s: %p', (date, inside) => {
    expect(year.contains(date)).toBe(inside);
  });

  it('refuses to test a date that is not a date', () => {
    expect(domainErrorOf(() => year.contains('2015-04-31')).code).toBe('INVALID_DATE');
  });

  it('steps to the next and previous years', () => {
    expect(year.next().label).toBe('2016/17');
    expect(year.previous().label).toBe('2014/15');
    expect(parseFinancialYear('1999/00').next().label).toBe('2000/01');
    expect(year.next().previous().equals(year)).toBe(true);
    expect(year.equals(year.next())).toBe(false);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(year)).toBe(true);
    expect(Object.isFrozen(year.months)).toBe(true);
    expect(Object.isFrozen(year.quarters[0])).toBe(true);
  });
});

describe('financialYearOf', () => {
  it.each([
    ['2015-03-31', '2014/15'],
    ['2015-04-01', '2015/16'],
    ['2015-12-31', '2015/16'],
    ['2016-01-01', '2015/16'],
    ['2016-02-29', '2015/16'],
    ['2016-03-31', '2015/16'],
    ['2016-04-01', '2016/17'],
    ['2000-01-15', '1999/00'],
  ])('%s falls in %s', (date, label) => {
    expect(financialYearOf(date).label).toBe(label);
  });

  it('refuses a date that is not a date', () => {
    expect(domainErrorOf(() => financialYearOf('2016-02-30')).code).toBe('INVALID_DATE');
  });
});

describe('financialYearStartingIn', () => {
  it.each([[0], [9999], [2015.5], [NaN]])('refuses %p as INVALID_FINANCIAL_YEAR', (firstYear) => {
    expect(domainErrorOf(() => financialYearStartingIn(firstYear))).toMatchObject({ code: 'INVALID_FINANCIAL_YEAR', details: { firstYear, min: 1, max: 9998 } });
  });

  it('builds the year that parses from its label', () => {
    expect(financialYearStartingIn(2013).equals(parseFinancialYear('2013/14'))).toBe(true);
  });
});

describe('comparing and listing years', () => {
  const [a, b, c] = ['2013/14', '2014/15', '2015/16'].map(parseFinancialYear);

  it('orders years oldest first', () => {
    expect([c, a, b].sort(compareFinancialYears).map(String)).toEqual(['2013/14', '2014/15', '2015/16']);
    expect(compareFinancialYears(b, parseFinancialYear('2014-15'))).toBe(0);
  });

  it.each([
    ['2013/14', '2015/16', ['2013/14', '2014/15', '2015/16']],
    ['2015/16', '2015/16', ['2015/16']],
    ['2015/16', '2013/14', []],
  ])('lists %s to %s', (first, last, labels) => {
    expect(financialYearsBetween(parseFinancialYear(first), parseFinancialYear(last)).map((year) => year.label)).toEqual(labels);
  });
});
