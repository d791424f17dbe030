import { DomainError } from '../errors';
import { addCalendarMonths, formatIsoDate, monthEnd, parseIsoDate } from './calendar-date';

/** A quarter of a financial year: Q1 is April to June, Q4 January to March. */
export interface FinancialQuarter {
  readonly number: 1 | 2 | 3 | 4;
  /** First day, 'yyyy-mm-dd'. */
  readonly start: string;
  /** Last day, 'yyyy-mm-dd'. */
  readonly end: string;
  /** As the NHS writes it: '2015/16 Q1'. */
  readonly label: string;
}

/**
 * An NHS financial year, 1 April to 31 March, as an immutable value. Built only by `parseFinancialYear`
 * (or `tryParseFinancialYear`), `financialYearStartingIn` and `financialYearOf`; two values of the same year are equal by `label`
 * (compare with `compareFinancialYears` or `equals`, never with `===`).
 */
export interface FinancialYear {
  /** As the NHS writes it: '2015/16'. */
  readonly label: string;
  /** As an address writes it (a slash would split the path), and as rule sets and frameworks are named: '2015-16'. */
  readonly urlSegment: string;
  /** The calendar year it starts in: 2015. */
  readonly firstYear: number;
  /** 1 April of the first year: '2015-04-01'. */
  readonly start: string;
  /** 31 March of the next year: '2016-03-31'. */
  readonly end: string;
  /** The first day of each of its twelve months, April first: '2015-04-01' .. '2016-03-01'. */
  readonly months: readonly string[];
  /** Its four quarters, Q1 (April to June) first. */
  readonly quarters: readonly FinancialQuarter[];
  /** Quarter 1-4; throws INVALID_QUARTER (details: quarter, allowed) for anything else. */
  quarter(number: number): FinancialQuarter;
  /** Whether the ISO date falls in the year (start and end included); throws INVALID_DATE. */
  contains(date: string): boolean;
  next(): FinancialYear;
  previous(): FinancialYear;
  equals(other: FinancialYear): boolean;
  /** The label, so that a year reads naturally in a template string. */
  toString(): string;
}

/** '2015/16' or '2015-16': four digits, a slash or a hyphen, the next year's last two digits. */
const FINANCIAL_YEAR_TEXT = /^(\d{4})[/-](\d{2})$/;
/** The first years whose start and end both stay four-digit ISO dates. */
const FIRST_YEARS = { min: 1, max: 9998 } as const;

const QUARTER_NUMBERS = [1, 2, 3, 4] as const;

/**
 * The financial year starting on 1 April of `firstYear`. Throws INVALID_FINANCIAL_YEAR (details:
 * firstYear, min, max) for a year that is not a whole number from 1 to 9998.
 */
export function financialYearStartingIn(firstYear: number): FinancialYear {
  if (!Number.isInteger(firstYear) || firstYear < FIRST_YEARS.min || firstYear > FIRST_YEARS.max) {
    throw new DomainError('INVALID_FINANCIAL_YEAR', `A financial year starts in a year from ${FIRST_YEARS.min} to ${FIRST_YEARS.max}; got ${String(firstYear)}.`, {
      firstYear,
      ...FIRST_YEARS,
    });
  }
  const nextTwoDigits = String((firstYear + 1) % 100).padStart(2, '0');
  const first = String(firstYear).padStart(4, '0');
  const start = formatIsoDate({ year: firstYear, month: 4, day: 1 });
  const end = formatIsoDate({ year: firstYear + 1, month: 3, day: 31 });
  const label = `${first}/${nextTwoDigits}`;
  const months = Object.freeze(Array.from({ length: 12 }, (_, index) => addCalendarMonths(start, index)));
  const quarters = Object.freeze(
    QUARTER_NUMBERS.map((number): FinancialQuarter => {
      const quarterStart = months[(number - 1) * 3];
      return Object.freeze({ number, start: quarterStart, end: monthEnd(addCalendarMonths(quarterStart, 2)), label: `${label} Q${number}` });
    }),
  );
  const year: FinancialYear = {
    label,
    urlSegment: `${first}-${nextTwoDigits}`,
    firstYear,
    start,
    end,
    months,
    quarters,
    quarter(number: number): FinancialQuarter {
      const found = quarters.find((q) => q.number === number);
      if (!found) {
        throw new DomainError('INVALID_QUARTER', `A financial year has quarters 1 to 4; got ${String(number)}.`, { quarter: number, allowed: [...QUARTER_NUMBERS] });
      }
      return found;
    },
    contains(date: string): boolean {
      const day = formatIsoDate(parseIsoDate(date, 'date'));
      return day >= start && day <= end;
    },
    next: () => financialYearStartingIn(firstYear + 1),
    previous: () => financialYearStartingIn(firstYear - 1),
    equals: (other: FinancialYear) => other.firstYear === firstYear,
    toString: () => label,
  };
  return Object.freeze(year);
}

/**
 * Parses a financial year as the NHS writes it, '2015/16', or as an address does, '2015-16' (surrounding
 * spaces ignored). Throws INVALID_FINANCIAL_YEAR (details: value, expected) for anything else: '2015/17'
 * (not consecutive years), '15/16', '2015', '2015/2016'.
 */
export function parseFinancialYear(value: unknown): FinancialYear {
  const year = tryParseFinancialYear(value);
  if (year === null) {
    throw new DomainError('INVALID_FINANCIAL_YEAR', `"${String(value)}" is not a financial year written as the NHS writes it, such as "2015/16".`, {
      value,
      expected: 'yyyy/yy or yyyy-yy, consecutive years, such as 2015/16',
    });
  }
  return year;
}

/** As `parseFinancialYear`, but null instead of the error: for an address segment or a filter that may hold anything. */
export function tryParseFinancialYear(value: unknown): FinancialYear | null {
  const match = typeof value === 'string' ? FINANCIAL_YEAR_TEXT.exec(value.trim()) : null;
  const firstYear = match ? Number(match[1]) : NaN;
  if (!match || (firstYear + 1) % 100 !== Number(match[2]) || firstYear < FIRST_YEARS.min || firstYear > FIRST_YEARS.max) return null;
  return financialYearStartingIn(firstYear);
}

/** The financial year an ISO date falls in: '2016-03-31' -> 2015/16, '2016-04-01' -> 2016/17. Throws INVALID_DATE. */
export function financialYearOf(date: string): FinancialYear {
  const { year, month } = parseIsoDate(date, 'date');
  return financialYearStartingIn(month >= 4 ? year : year - 1);
}

/** Orders two financial years, oldest first. */
export function compareFinancialYears(a: FinancialYear, b: FinancialYear): number {
  return a.firstYear - b.firstYear;
}

/** Every financial year from `first` to `last`, both included, oldest first; empty when `last` is before `first`. */
export function financialYearsBetween(first: FinancialYear, last: FinancialYear): FinancialYear[] {
  const years: FinancialYear[] = [];
  for (let firstYear = first.firstYear; firstYear <= last.firstYear; firstYear++) years.push(financialYearStartingIn(firstYear));
  return years;
}
