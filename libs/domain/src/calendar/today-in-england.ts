import { DomainError } from '../errors';

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in England at the instant `now`, 'yyyy-mm-dd' (Europe/London: GMT in winter, BST in
 * summer). The library never reads the clock: the API and the web app read it once at their edge and pass
 * the instant in. Not `now.toISOString().slice(0, 10)`, which is the date in UTC and is yesterday in England
 * between 00:00 and 01:00 BST. Throws INVALID_INSTANT (details: value) for anything but a valid Date.
 */
export function todayInEngland(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DomainError('INVALID_INSTANT', 'now must be a valid Date', { value: now });
  }
  const parts = Object.fromEntries(LONDON_DATE.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
}
