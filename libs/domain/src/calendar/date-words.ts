import { parseIsoDate } from './calendar-date';

/** The months as the NHS writes them (never abbreviated in running text). */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * A calendar date as the NHS writes it: "2016-02-29" → "29 February 2016" (NHS.UK content style: day, month in
 * full, year; no leading zero). The one home of this wording for the web app and the API's letters and reports.
 */
export function dateInWords(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate, 'date');
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The month of a date: "2019-03-01" → "March 2019" (the month a monthly value is for). */
export function monthInWords(isoDate: string): string {
  const { year, month } = parseIsoDate(isoDate, 'date');
  return `${MONTH_NAMES[month - 1]} ${year}`;
}
