import { addCalendarMonths, compareIsoDates, monthEnd, monthStart, requireIsoDate } from '../calendar/calendar-date';
import { DomainError } from '../errors';

/** A CCG's dates as ODS records them (yyyy-mm-dd); null: not known (opened) or still open (closed). */
export interface CcgOpenDates {
  readonly code: string;
  readonly openDate: string | null;
  readonly closeDate: string | null;
}

/**
 * The month a report may be prepared for (any day of it), as its first day: the CCG was open on at least one day of
 * it (issue 20: nothing is offered for a period in which a CCG did not exist; NHS Leeds North CCG, closed 31 March
 * 2018, has a report for March 2018 and none for April), and the month has ended by `today` (a monthly report
 * speaks of a whole month). Throws INVALID_DATE, CCG_NOT_OPEN_IN_MONTH (details: ccg, month, openDate, closeDate,
 * fields.month), MONTH_NOT_ENDED (details: month, today, fields.month).
 */
export function requireReportableMonth(month: string, ccg: CcgOpenDates, today: string): string {
  const first = monthStart(month, 'month');
  const last = monthEnd(first);
  const opened = ccg.openDate === null ? null : requireIsoDate(ccg.openDate, 'openDate');
  const closed = ccg.closeDate === null ? null : requireIsoDate(ccg.closeDate, 'closeDate');
  if ((opened !== null && compareIsoDates(opened, last) > 0) || (closed !== null && compareIsoDates(closed, first) < 0)) {
    const message = `${ccg.code} was not open in that month: it was open ${opened ?? 'from a date not known'} to ${closed ?? 'now'}.`;
    throw new DomainError('CCG_NOT_OPEN_IN_MONTH', message, { ccg: ccg.code, month: first, openDate: opened, closeDate: closed, fields: { month: message } });
  }
  if (compareIsoDates(addCalendarMonths(first, 1), requireIsoDate(today, 'today')) > 0) {
    const message = 'A report is prepared for a month that has ended.';
    throw new DomainError('MONTH_NOT_ENDED', message, { month: first, today, fields: { month: message } });
  }
  return first;
}
