import { DomainError } from '../errors';
import { addCalendarMonths, compareIsoDates, daysBetween, requireIsoDate } from '../calendar/calendar-date';
import { SpecialMeasuresEpisode } from './special-measures-episode';

/** "It is anticipated that special measures are applied for a maximum of 12 months" (seed 003). */
export const SPECIAL_MEASURES_MAXIMUM_MONTHS = 12;

export interface SpecialMeasuresClock {
  readonly entryDate: string;
  /** Entry date plus 12 calendar months, same day of month, clamped to month end (2016-02-29 -> 2017-02-28). */
  readonly dueBy: string;
  /** Open on `asOf`: no exit date, or an exit date after `asOf`. */
  readonly open: boolean;
  /**
   * Whole calendar months from `asOf` to `dueBy`: the largest n with asOf + n months (clamped) <= dueBy.
   * 12 on the entry date, 11 the day after, 0 in the last part-month before `dueBy`, on it and after it,
   * and 0 for a closed episode.
   */
  readonly monthsRemaining: number;
  /** Days from `asOf` to `dueBy`; 0 on or after `dueBy` and for a closed episode. */
  readonly daysRemaining: number;
  /** Still open on or after `dueBy`. */
  readonly overdue: boolean;
  /** Days from `dueBy` to `asOf` while overdue (0 on `dueBy` itself); 0 when not overdue. */
  readonly daysOverdue: number;
  /**
   * Closed (exited or escalated) after `dueBy`: it was still open on `dueBy`, so it ran beyond the
   * 12 months. Closing on `dueBy` itself is within them.
   */
  readonly closedAfterDueBy: boolean;
}

/**
 * The 12-month special measures clock on `asOf` (DOMAIN.md "Special measures clock"): an episode is
 * overdue when still open 12 months after entry, on the same day of the month.
 * Throws INVALID_DATE, AS_OF_BEFORE_ENTRY (details: entryDate, asOf), EXIT_BEFORE_ENTRY (details: entryDate, exitDate).
 */
export function specialMeasuresClock(entryDate: string, asOf: string, exitDate?: string | null): SpecialMeasuresClock {
  const entry = requireIsoDate(entryDate, 'entryDate');
  const today = requireIsoDate(asOf, 'asOf');
  const exit = exitDate === undefined || exitDate === null ? null : requireIsoDate(exitDate, 'exitDate');
  if (compareIsoDates(today, entry) < 0) {
    throw new DomainError('AS_OF_BEFORE_ENTRY', `The clock starts on entry (${entry}); asOf ${today} is earlier`, { entryDate: entry, asOf: today });
  }
  if (exit !== null && compareIsoDates(exit, entry) < 0) {
    throw new DomainError('EXIT_BEFORE_ENTRY', `Exit (${exit}) cannot precede entry (${entry})`, { entryDate: entry, exitDate: exit });
  }
  const dueBy = addCalendarMonths(entry, SPECIAL_MEASURES_MAXIMUM_MONTHS, 'entryDate');
  const open = exit === null || compareIsoDates(exit, today) > 0;
  const pastDue = compareIsoDates(today, dueBy) >= 0;
  const overdue = open && pastDue;
  return {
    entryDate: entry,
    dueBy,
    open,
    monthsRemaining: open && !pastDue ? wholeMonthsBetween(today, dueBy) : 0,
    daysRemaining: open && !pastDue ? daysBetween(today, dueBy) : 0,
    overdue,
    daysOverdue: overdue ? daysBetween(dueBy, today) : 0,
    closedAfterDueBy: exit !== null && !open && compareIsoDates(exit, dueBy) > 0,
  };
}

/** The largest n >= 0 with from + n calendar months (clamped) <= to; `from` <= `to`. */
function wholeMonthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  return compareIsoDates(addCalendarMonths(from, months), to) <= 0 ? months : months - 1;
}

/**
 * The clock of an episode: from its entry (agreed or determined) to its close (exit or escalation).
 * Null while the episode is only proposed.
 */
export function specialMeasuresEpisodeClock(episode: SpecialMeasuresEpisode, asOf: string): SpecialMeasuresClock | null {
  return episode.enteredOn === null ? null : specialMeasuresClock(episode.enteredOn, asOf, episode.closedOn);
}
