import { dateOfDayNumber, dayNumber } from '../calendar/calendar-date';
import { DomainError } from '../errors';

/**
 * The figures the contract management condition (GC9) names, for one contract year: kept as editable reference data
 * (`contract_management_terms`), never as constants; the API reads the row of the contract's year and passes it in.
 */
export interface ContractManagementTerms {
  readonly financialYear: string;
  /** Operational days from a Contract Performance Notice by which the Contract Management Meeting must be held. */
  readonly meetingWithinOperationalDays: number;
  /** Operational days after the Joint Investigation's end by which its report is due. */
  readonly investigationReportOperationalDays: number;
  /** Operational days after the meeting (or the investigation report) by which a Remedial Action Plan is agreed. */
  readonly rapAgreeWithinOperationalDays: number;
  /** The share of the Actual Monthly Value that may be withheld, in percent (e.g. 2). */
  readonly withholdingPercent: string;
  /** Months after which sums withheld may be retained where the failure is not remedied. */
  readonly withholdingRetainedAfterMonths: number;
  readonly source: string;
}

/**
 * The date `days` operational days after `date`: Monday to Friday. Bank holidays are not known to the product, so a
 * date falling near one may be a day early: the lead can always set another date.
 */
export function addOperationalDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new DomainError('INVALID_OPERATIONAL_DAYS', 'Operational days are a whole number, not negative.', { days });
  let day = dayNumber(date);
  let left = days;
  while (left > 0) {
    day += 1;
    // Day 0 (1970-01-01) was a Thursday: (day + 4) % 7 is 0 on Sunday, 6 on Saturday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return dateOfDayNumber(day);
}

/** The date by which the contract management meeting must be held for a notice issued on `issuedOn`. */
export function responseMeetingDue(issuedOn: string, terms: Pick<ContractManagementTerms, 'meetingWithinOperationalDays'>): string {
  return addOperationalDays(issuedOn, terms.meetingWithinOperationalDays);
}
