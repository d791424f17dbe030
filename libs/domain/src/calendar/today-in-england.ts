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
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    const parts = Object.fromEntries(LONDON_DATE.formatToParts(now).map((part) => [part.type, part.value]));
    lastDate = `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
    lastHour = hour;
  }
  return lastDate;
}

const HOUR_MS = 3_600_000;
/**
 * The last answer and the UTC hour it holds for. England's offset from UTC is a whole number of hours (GMT or BST) and
 * the clocks change on the hour, so its date changes only on a UTC hour: within one hour the answer is the same. A
 * request asks once or twice (the API's response cache, the scorecards), and formatting costs tens of microseconds.
 */
let lastHour = Number.NaN;
let lastDate = '';
