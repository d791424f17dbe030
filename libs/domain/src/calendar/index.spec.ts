import * as calendar from './index';
import * as domain from '../index';

describe('calendar public surface', () => {
  it('exports dates, financial years and today in England, from the library root too', () => {
    const names = [
      'addCalendarDays',
      'addCalendarMonths',
      'dateOfDayNumber',
      'compareFinancialYears',
      'compareIsoDates',
      'dateInWords',
      'dayNumber',
      'daysBetween',
      'daysInMonth',
      'financialYearOf',
      'financialYearStartingIn',
      'financialYearsBetween',
      'formatIsoDate',
      'isIsoDate',
      'isLeapYear',
      'MONTH_NAMES',
      'monthEnd',
      'monthInWords',
      'monthStart',
      'parseFinancialYear',
      'parseIsoDate',
      'requireIsoDate',
      'todayInEngland',
      'tryParseFinancialYear',
      'yearMonthOf',
      'yearMonthStart',
    ];
    expect(Object.keys(calendar).sort()).toEqual([...names].sort());
    for (const name of names) expect(domain).toHaveProperty(name);
  });

  it('works end to end: the quarter an instant falls in, in England', () => {
    const today = calendar.todayInEngland(new Date('2015-06-30T23:30:00Z'));
    const year = calendar.financialYearOf(today);
    expect(year.quarters.find((quarter) => quarter.start <= today && today <= quarter.end)?.label).toBe('2015/16 Q2');
  });
});
