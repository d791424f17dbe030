import { addCalendarMonths, compareIsoDates, monthStart, requireIsoDate } from '../calendar/calendar-date';
import { DomainError } from '../errors';

/**
 * A remedial action attached to a report (seed 000 2.2: the CCG signs off "performance reports and any actions"):
 * OPEN until done or dropped; an open action is carried into the next month's report.
 */
export const REPORT_ACTION_STATUSES = ['OPEN', 'DONE', 'DROPPED'] as const;
export type ReportActionStatus = (typeof REPORT_ACTION_STATUSES)[number];

/** Each status in words. */
export const REPORT_ACTION_STATUS_LABELS: Readonly<Record<ReportActionStatus, string>> = {
  OPEN: 'Open',
  DONE: 'Done',
  DROPPED: 'Dropped',
};

export function isReportActionStatus(value: unknown): value is ReportActionStatus {
  return (REPORT_ACTION_STATUSES as readonly unknown[]).includes(value);
}

/** What carrying forward needs of an action; the rest of it travels unchanged. */
export interface CarriableReportAction {
  readonly status: ReportActionStatus;
  /** yyyy-mm-dd, or null when no date was set. */
  readonly dueOn: string | null;
}

/** An action as the next month's report carries it. */
export type CarriedForwardAction<T extends CarriableReportAction> = T & {
  /** Due before the month the report is for had ended, and still open. */
  readonly overdue: boolean;
};

/**
 * The actions of last month's report that go into the report for `month` (any day of it): the OPEN ones, in their
 * order; DONE and DROPPED stop. Each says whether it is overdue: due on or before the last day of `month` (the
 * report speaks of the month as it ended; an action due by then and still open is late). Throws INVALID_DATE,
 * UNKNOWN_REPORT_ACTION_STATUS.
 */
export function carryForwardActions<T extends CarriableReportAction>(previousActions: readonly T[], month: string): CarriedForwardAction<T>[] {
  const nextMonth = addCalendarMonths(monthStart(month, 'month'), 1);
  const carried: CarriedForwardAction<T>[] = [];
  for (const action of previousActions) {
    if (!isReportActionStatus(action.status)) {
      throw new DomainError('UNKNOWN_REPORT_ACTION_STATUS', `Unknown remedial action status ${String(action.status)}`, { status: action.status, allowed: [...REPORT_ACTION_STATUSES] });
    }
    if (action.status !== 'OPEN') continue;
    const overdue = action.dueOn !== null && compareIsoDates(requireIsoDate(action.dueOn, 'dueOn'), nextMonth) < 0;
    carried.push({ ...action, overdue });
  }
  return carried;
}
