import { parseFinancialYear, parseIsoDate, yearMonthOf, yearMonthStart } from '@ccg-assure/domain';
import { monthLabel } from '../ui/format';

/**
 * Forecasts name their month 'yyyy-mm' (as the API does). The months of a plan's year and their names come
 * from the calendar's FinancialYear and month helpers; nothing here counts months itself.
 */

/** "2015/16" → ["2015-04", …, "2016-03"]: the months a forecast can be made in, April first. */
export function forecastMonthsOf(financialYear: string): string[] {
  return parseFinancialYear(financialYear).months.map((start) => yearMonthOf(start));
}

/** "2015-06" → "June 2015". */
export const forecastMonthName = (month: string) => monthLabel(yearMonthStart(month));

/** An axis label: "Jun", with the two-digit year on the first month shown and on each January ("Apr 15", "Jan 16"). */
export function forecastAxisLabel(month: string, first: boolean): string {
  const { year, month: number } = parseIsoDate(yearMonthStart(month), 'month');
  const short = forecastMonthName(month).slice(0, 3);
  return first || number === 1 ? `${short} ${String(year % 100).padStart(2, '0')}` : short;
}

/** "2014/15" → "April 2014 to March 2015": the span of a plan's year in words. */
export function financialYearSpan(financialYear: string): string {
  const year = parseFinancialYear(financialYear);
  return `${monthLabel(year.start)} to ${monthLabel(year.months[year.months.length - 1])}`;
}
