// Calendar: ISO calendar dates and their arithmetic, the NHS financial year (April to March) and its
// quarters, and "today" in England at an instant the caller passes in. The one home of date arithmetic
// and year parsing for the library, the API and the web app. Rules and sources: ../assurance/RULES.md.
export type { CalendarDate } from './calendar-date';
export {
  addCalendarDays,
  addCalendarMonths,
  dateOfDayNumber,
  compareIsoDates,
  dayNumber,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  monthEnd,
  monthStart,
  parseIsoDate,
  requireIsoDate,
  yearMonthOf,
  yearMonthStart,
} from './calendar-date';
export type { FinancialQuarter, FinancialYear } from './financial-year';
export { compareFinancialYears, financialYearOf, financialYearsBetween, financialYearStartingIn, parseFinancialYear, tryParseFinancialYear } from './financial-year';
export { todayInEngland } from './today-in-england';
export { dateInWords, MONTH_NAMES, monthInWords } from './date-words';
