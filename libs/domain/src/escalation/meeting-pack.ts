import { compareIsoDates, requireIsoDate } from '../calendar/calendar-date';
import { DomainError } from '../errors';
import { EscalationSeverity, compareEscalationSeverities } from './escalation-item-kinds';

/**
 * The sections of a board meeting's pack (issue 16). NEW: items raised at the board since its last held meeting.
 * ESCALATED_IN: items that arrived from another board since then (up or down the route, or off it). CARRIED_OVER:
 * items at the board before its last held meeting. DECISIONS_DUE: items whose due date falls on or before the
 * meeting; an item listed there is also in one of the other three.
 */
export const PACK_SECTIONS = ['NEW', 'ESCALATED_IN', 'CARRIED_OVER', 'DECISIONS_DUE'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** Each section in words, as the pack heads it. */
export const PACK_SECTION_LABELS: Readonly<Record<PackSection, string>> = {
  NEW: 'New since the last meeting',
  ESCALATED_IN: 'Escalated in from other boards',
  CARRIED_OVER: 'Carried over',
  DECISIONS_DUE: 'Decisions due',
};

/** An instant: a Date, or a string Date.parse reads (an ISO timestamp with its offset). */
export type Instant = Date | string;

/** What the pack needs to know of an item at the board. */
export interface PackCandidate {
  readonly severity: EscalationSeverity;
  /** yyyy-mm-dd, or null when the item has no due date. */
  readonly dueOn: string | null;
  readonly raisedAt: Instant;
  /**
   * When the item arrived at the board it is at: its raising, for an item raised there (the API writes the same
   * instant), or its last move. An arrival after the raising is a move in from another board.
   */
  readonly arrivedAtBoardAt: Instant;
  /** Breaks ties, so the order is the same every time. */
  readonly id: string;
}

function millisecondsOf(instant: Instant, field: string): number {
  const value = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(value)) throw new DomainError('INVALID_INSTANT', `${field} must be a date and time`, { field, value: instant });
  return value;
}

/**
 * Builds the sections of a meeting's pack from the open items at the board. `lastMeetingHeldAt`: when the board's
 * last meeting was held (null: none yet, so everything is new or escalated in); `meetsOn`: the meeting's date
 * (yyyy-mm-dd). Within each section: most serious first, then the earliest due date (no due date last), then the
 * earliest arrival, then id. Throws INVALID_DATE or INVALID_INSTANT.
 */
export function orderPackItems<T extends PackCandidate>(items: readonly T[], lastMeetingHeldAt: Instant | null, meetsOn: string): Record<PackSection, T[]> {
  const meetingDate = requireIsoDate(meetsOn, 'meetsOn');
  const since = lastMeetingHeldAt === null || lastMeetingHeldAt === undefined ? Number.NEGATIVE_INFINITY : millisecondsOf(lastMeetingHeldAt, 'lastMeetingHeldAt');
  const keyed = items.map((item) => ({
    item,
    raisedAt: millisecondsOf(item.raisedAt, 'raisedAt'),
    arrivedAt: millisecondsOf(item.arrivedAtBoardAt, 'arrivedAtBoardAt'),
    dueOn: item.dueOn === null || item.dueOn === undefined ? null : requireIsoDate(item.dueOn, 'dueOn'),
  }));
  keyed.sort(
    (a, b) =>
      compareEscalationSeverities(a.item.severity, b.item.severity) ||
      compareDueDates(a.dueOn, b.dueOn) ||
      a.arrivedAt - b.arrivedAt ||
      (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  const sections: Record<PackSection, T[]> = { NEW: [], ESCALATED_IN: [], CARRIED_OVER: [], DECISIONS_DUE: [] };
  for (const entry of keyed) {
    const movedIn = entry.arrivedAt > entry.raisedAt;
    if (entry.arrivedAt <= since) sections.CARRIED_OVER.push(entry.item);
    else if (movedIn) sections.ESCALATED_IN.push(entry.item);
    else sections.NEW.push(entry.item);
    if (entry.dueOn !== null && compareIsoDates(entry.dueOn, meetingDate) <= 0) sections.DECISIONS_DUE.push(entry.item);
  }
  return sections;
}

function compareDueDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIsoDates(a, b);
}

/**
 * Whether something due on `dueOn` is overdue on `today` (both yyyy-mm-dd; today from todayInEngland): due before
 * today. Due today is not yet overdue; no due date is never overdue. Throws INVALID_DATE.
 */
export function isOverdue(dueOn: string | null | undefined, today: string): boolean {
  const on = requireIsoDate(today, 'today');
  if (dueOn === null || dueOn === undefined) return false;
  return compareIsoDates(requireIsoDate(dueOn, 'dueOn'), on) < 0;
}
