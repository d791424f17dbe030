import { dateInWords, isIsoDate, MONTH_NAMES, monthInWords, parseIsoDate, todayInEngland } from '@ccg-assure/domain';

/** How the app writes dates, periods and values for people. Display only: every number comes from the API. */

/** "2019-03-01" → "March 2019" (the month a monthly value is for); anything that is not a date as it is. */
export function monthLabel(isoDate: string): string {
  return isIsoDate(isoDate) ? monthInWords(isoDate) : isoDate;
}

/** "2019-03-01" → "Mar 2019", for axis labels. */
export function shortMonthLabel(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const { year, month } = parseIsoDate(isoDate, 'date');
  return `${MONTH_NAMES[month - 1].slice(0, 3)} ${year}`;
}

/** "2015-04-01" → "April". */
export function monthName(isoDate: string): string {
  return MONTH_NAMES[parseIsoDate(isoDate, 'date').month - 1];
}

/** "2016-02-29" → "29 February 2016" (dates are calendar dates: no time zone applies); anything else as it is. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  return isIsoDate(isoDate) ? dateInWords(isoDate) : isoDate;
}

/** The day in England of an instant the API recorded ("2015-07-20T23:30:00Z" → "21 July 2015", BST), as formatDate says it. */
export function formatInstantDate(instant: string): string {
  return formatDate(todayInEngland(new Date(instant)));
}

const clockMinutes = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const clockSeconds = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/London' });

/**
 * An instant the API recorded, as the day and time in England: "6 December 2026 at 09:41" (or "at 09:41:07" with
 * `seconds`, where a log needs it). The one way the app writes a date with a time.
 */
export function formatInstant(instant: string | null | undefined, precision: 'minutes' | 'seconds' = 'minutes'): string {
  if (!instant) return '';
  return `${formatInstantDate(instant)} at ${(precision === 'seconds' ? clockSeconds : clockMinutes).format(new Date(instant))}`;
}

/** The unit names the API uses for an indicator's values. */
export type ValueUnit = 'PERCENTAGE' | 'COUNT' | 'RATE' | 'MINUTES' | string;

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Percentages to one decimal place, as NHS England publishes them ("87.3%"); counts whole ("1,204"). */
export function formatValue(value: number | null | undefined, unit: ValueUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  switch (unit) {
    case 'PERCENTAGE':
      return `${oneDecimal.format(value)}%`;
    case 'COUNT':
      return wholeNumber.format(value);
    case 'MINUTES':
      return `${oneDecimal.format(value)} minutes`;
    default:
      return oneDecimal.format(value);
  }
}

/** A value for a CSV cell: the number as shown, without thousands separators or unit, so spreadsheets read it as a number. */
export function csvNumber(value: number | null | undefined, unit: ValueUnit): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return unit === 'COUNT' ? Math.round(value) : Math.round(value * 10) / 10;
}

/** Whole counts with thousands separators ("21,034"). */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : wholeNumber.format(value);
}
