import { DomainError } from '../errors';

/**
 * Calendar dates as ISO strings ('yyyy-mm-dd'), proleptic Gregorian, no time zone and no clock: the one
 * home of date arithmetic for the library, the API and the web app (issue 12). The assessment cycle,
 * the special measures clock, standards' validity and financial years all count whole days and calendar
 * months, never instants; the one instant-to-date step is `todayInEngland`.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * 'yyyy-mm-dd' as a date, or null for anything else (e.g. '2015-02-30'). Read character by character: it runs for
 * every point of every series the stored scores analyse (issue 19), where a regular expression's match array and
 * substrings were half the time left.
 */
function readIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : null;
}

const HYPHEN = 0x2d;
const ZERO = 0x30;

/** The number written by the `count` ASCII digits from `start`, or -1 if any of them is not one. */
function digitsAt(text: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** Whether the value is a real calendar date written yyyy-mm-dd: '2016-02-29' is, '2015-02-29' is not. Never throws. */
export function isIsoDate(value: unknown): value is string {
  return readIsoDate(value) !== null;
}

/** Parses 'yyyy-mm-dd'; throws INVALID_DATE (details: field, value) for anything else, e.g. '2015-02-30'. */
export function parseIsoDate(value: unknown, field: string): CalendarDate {
  const date = readIsoDate(value);
  if (date) return date;
  throw new DomainError('INVALID_DATE', `${field} must be a calendar date written yyyy-mm-dd`, { field, value });
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Validates and returns the date unchanged (a canonical 'yyyy-mm-dd' string). */
export function requireIsoDate(value: unknown, field: string): string {
  return formatIsoDate(parseIsoDate(value, field));
}

/**
 * Adds whole calendar months, keeping the day of the month and clamping it to the last day of the
 * target month: 2015-01-31 + 1 month = 2015-02-28, 2016-01-31 + 1 = 2016-02-29, 2016-02-29 + 12 = 2017-02-28.
 * `months` must be a non-negative integer (checked by callers that take it from configuration).
 */
export function addCalendarMonths(date: string, months: number, field = 'date'): string {
  const start = parseIsoDate(date, field);
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/** Days since 1970-01-01 (negative before), by H. Hinnant's days_from_civil: integer arithmetic only. */
export function dayNumber(date: string, field = 'date'): number {
  const { year, month, day } = parseIsoDate(date, field);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date `days` after day number 0 (1970-01-01), by H. Hinnant's civil_from_days: the inverse of dayNumber. */
export function dateOfDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return formatIsoDate({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

/** Adds whole days (negative to go back): '2016-02-28' + 1 = '2016-02-29'. Throws INVALID_DATE for a bad date. */
export function addCalendarDays(date: string, days: number, field = 'date'): string {
  return dateOfDayNumber(dayNumber(date, field) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to, 'to') - dayNumber(from, 'from');
}

/** Orders two valid ISO dates (fixed-width 'yyyy-mm-dd' strings order lexically). */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** The first day of the date's month: '2015-04-17' -> '2015-04-01'. Throws INVALID_DATE. */
export function monthStart(date: string, field = 'date'): string {
  const { year, month } = parseIsoDate(date, field);
  return formatIsoDate({ year, month, day: 1 });
}

/** The last day of the date's month: '2016-02-10' -> '2016-02-29'. Throws INVALID_DATE. */
export function monthEnd(date: string, field = 'date'): string {
  const { year, month } = parseIsoDate(date, field);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

/** The month a date falls in, written 'yyyy-mm' (as forecasts name months): '2015-04-17' -> '2015-04'. Throws INVALID_DATE. */
export function yearMonthOf(date: string, field = 'date'): string {
  return monthStart(date, field).slice(0, 7);
}

/** The first day of a month written 'yyyy-mm': '2015-04' -> '2015-04-01'. Throws INVALID_MONTH (details: field, value). */
export function yearMonthStart(value: unknown, field = 'month'): string {
  const match = typeof value === 'string' ? YEAR_MONTH.exec(value) : null;
  if (match && Number(match[1]) >= 1 && Number(match[2]) >= 1 && Number(match[2]) <= 12) return `${value as string}-01`;
  throw new DomainError('INVALID_MONTH', `${field} must be a month written yyyy-mm`, { field, value });
}
