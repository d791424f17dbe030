import { parseFinancialYear } from '../calendar';
import { assessableYearsOf, defaultAssessmentYear, evidenceOlderThanQuarter, existedInQuarter } from './assessable-periods';

const leedsNorth = { openDate: '2013-04-01', closeDate: '2018-03-31' };
const labels = (years: { label: string }[]) => years.map((year) => year.label);

describe('assessable periods (issue 20)', () => {
  it('offers the framework years in which the CCG existed, newest first, and no year after it closed', () => {
    expect(labels(assessableYearsOf(leedsNorth, '2026-12-06'))).toEqual(['2017/18', '2016/17', '2015/16', '2014/15', '2013/14']);
  });

  it('offers a year that has begun, and a CCG with no known dates every framework year to today', () => {
    expect(labels(assessableYearsOf({ openDate: null, closeDate: null }, '2014-04-01'))).toEqual(['2014/15', '2013/14']);
    expect(labels(assessableYearsOf({ openDate: null, closeDate: null }, '2014-03-31'))).toEqual(['2013/14']);
  });

  it('offers nothing before the first framework or for a CCG that opened after today', () => {
    expect(assessableYearsOf({ openDate: null, closeDate: null }, '2013-03-31')).toEqual([]);
    expect(assessableYearsOf({ openDate: '2030-04-01', closeDate: null }, '2026-12-06')).toEqual([]);
  });

  it('counts a quarter the CCG existed for in part, and not one wholly outside its life', () => {
    const year = parseFinancialYear('2017/18');
    expect(existedInQuarter(leedsNorth, year.quarter(4))).toBe(true);
    expect(existedInQuarter(leedsNorth, parseFinancialYear('2018/19').quarter(1))).toBe(false);
    expect(existedInQuarter({ openDate: '2013-06-15', closeDate: null }, parseFinancialYear('2013/14').quarter(1))).toBe(true);
    expect(existedInQuarter({ openDate: '2013-07-01', closeDate: null }, parseFinancialYear('2013/14').quarter(1))).toBe(false);
  });

  it('defaults to the latest assessable year with evidence', () => {
    const years = assessableYearsOf({ openDate: '2013-04-01', closeDate: null }, '2026-12-06');
    expect(defaultAssessmentYear(years, '2019-03-01')?.label).toBe('2018/19');
    expect(defaultAssessmentYear(assessableYearsOf(leedsNorth, '2026-12-06'), '2019-03-01')?.label).toBe('2017/18');
    expect(defaultAssessmentYear(years, null)?.label).toBe(years[0].label);
    expect(defaultAssessmentYear(years, '2010-01-01')?.label).toBe('2013/14');
    expect(defaultAssessmentYear([], '2019-03-01')).toBeNull();
  });

  it('says when the evidence is older than the quarter assessed', () => {
    expect(evidenceOlderThanQuarter('2019-03-01', parseFinancialYear('2026/27').quarter(3))).toBe(true);
    expect(evidenceOlderThanQuarter('2019-03-01', parseFinancialYear('2018/19').quarter(4))).toBe(false);
    expect(evidenceOlderThanQuarter(null, parseFinancialYear('2015/16').quarter(1))).toBe(true);
  });
});
