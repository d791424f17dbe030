import { DomainError } from '../errors';
import type { RuleCitation } from '../finance';
import { divideRounded, Money, Percentage } from '../money';

// Contract sanctions: the arithmetic only. The schedule itself (the national sanctions of each contract year with
// their published sources, and each contract's local sanctions) is reference data kept in the database and
// edited by administrators (decision 0023); the functions here take its rows as input and never hold a value.

/** A sanction's code: capitals, digits and underscores, as `RTT_52_WEEK_WAIT` or a local `LOCAL_AE_4HR`. */
export type SanctionCode = string;
const SANCTION_CODE = /^[A-Z][A-Z0-9_]{1,59}$/;

/** Whether `value` is written as a sanction code must be: 2 to 60 capitals, digits and underscores, a capital first. */
export function isSanctionCode(value: unknown): value is SanctionCode {
  return typeof value === 'string' && SANCTION_CODE.test(value);
}

/**
 * What one counted unit is: a breach (a patient, an incident); a patient-day of a breach; or, for a standard with a
 * tolerance (the A&E four-hour standard), each breach beyond what the standard tolerates.
 */
export const SANCTION_COUNT_UNITS = ['BREACH', 'PATIENT_DAY', 'BREACH_BEYOND_TOLERANCE'] as const;
export type SanctionCountUnit = (typeof SANCTION_COUNT_UNITS)[number];

/** National (the NHS Standard Contract of the year) or local (agreed in one contract). */
export const SANCTION_SCOPES = ['NATIONAL', 'LOCAL'] as const;
export type SanctionScope = (typeof SANCTION_SCOPES)[number];

/**
 * The data a sanction can be counted from, where the data allows: AE_FOUR_HOUR_WAIT counts the month's A&E
 * attendances over four hours beyond the standard's tolerance (the ae_attendance rows of the provider, all
 * department types). Null: counted by hand (no national data set in CCG Assure carries it).
 */
export const SANCTION_MEASURES = ['AE_FOUR_HOUR_WAIT'] as const;
export type SanctionMeasure = (typeof SANCTION_MEASURES)[number];

/** One row of a sanction schedule, as stored: the input of every calculation. */
export interface SanctionScheduleEntry {
  readonly code: SanctionCode;
  readonly scope: SanctionScope;
  /** The contract year it belongs to: `"2013/14"`. A local row takes its contract's year. */
  readonly contractYear: string;
  /** What it is for. */
  readonly description: string;
  readonly countUnit: SanctionCountUnit;
  /** The sanction for each counted unit. */
  readonly unitValue: Money;
  readonly measure: SanctionMeasure | null;
  /** The published figure [ref] first, then any seed paragraph that speaks of it; a local row may cite the contract. */
  readonly sources: readonly RuleCitation[];
}

export interface SanctionCount {
  readonly sanction: SanctionCode;
  /** How many units (see the sanction's countUnit): a whole number, zero or more. */
  readonly count: number;
}

export interface SanctionCalculationInput {
  readonly contractYear: string;
  /** The schedule rows the contract is under (national rows of any year may be given; only `contractYear`'s are used). */
  readonly schedule: readonly SanctionScheduleEntry[];
  /** At most one count per sanction; sanctions not given count zero. */
  readonly counts: readonly SanctionCount[];
}

export interface SanctionLine {
  readonly sanction: SanctionCode;
  readonly scope: SanctionScope;
  readonly description: string;
  readonly countUnit: SanctionCountUnit;
  readonly count: number;
  readonly unitValue: Money;
  /** unitValue x count, exactly. */
  readonly amount: Money;
}

export interface SanctionCalculation {
  readonly contractYear: string;
  /** Every sanction of the year's schedule, in the schedule's order, with zero counts included. */
  readonly lines: readonly SanctionLine[];
  readonly total: Money;
}

/** The contract years the rows hold, oldest first. */
export function sanctionContractYears(schedule: readonly SanctionScheduleEntry[]): string[] {
  return [...new Set(schedule.map((row) => row.contractYear))].sort();
}

/** The rows of one contract year, in their order; UNKNOWN_CONTRACT_YEAR (details: contractYear, known) when there are none. */
export function sanctionScheduleOf(schedule: readonly SanctionScheduleEntry[], contractYear: string): SanctionScheduleEntry[] {
  const rows = schedule.filter((row) => row.contractYear === contractYear);
  if (rows.length === 0) {
    throw new DomainError('UNKNOWN_CONTRACT_YEAR', `There is no sanction schedule for the contract year "${String(contractYear)}".`, {
      contractYear,
      known: sanctionContractYears(schedule),
    });
  }
  return rows;
}

function requireCount(count: unknown, sanction: string, field: string): number {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new DomainError('INVALID_SANCTION_COUNT', `The count for ${sanction} must be a whole number, zero or more; got ${String(count)}.`, {
      field,
      sanction,
      count: String(count),
    });
  }
  return count;
}

/**
 * Turns counts of breaches into money: each sanction's unit value times its count, exactly, and the total.
 * Throws UNKNOWN_CONTRACT_YEAR (no row of that year), UNKNOWN_SANCTION (not in that year's schedule),
 * INVALID_SANCTION_COUNT (negative or not a whole number) or DUPLICATE_SANCTION_COUNT.
 */
export function calculateContractSanctions(input: SanctionCalculationInput): SanctionCalculation {
  const rows = sanctionScheduleOf(input.schedule, input.contractYear);
  const counts = new Map<string, number>();
  input.counts.forEach(({ sanction: code, count }, index) => {
    const field = `counts[${index}]`;
    if (!rows.some((row) => row.code === code)) {
      throw new DomainError('UNKNOWN_SANCTION', `The ${input.contractYear} schedule has no sanction "${String(code)}".`, {
        field,
        sanction: code,
        contractYear: input.contractYear,
        known: rows.map((row) => row.code),
      });
    }
    requireCount(count, code, field);
    if (counts.has(code)) throw new DomainError('DUPLICATE_SANCTION_COUNT', `${code} is counted more than once.`, { field, sanction: code });
    counts.set(code, count);
  });
  const lines = rows.map((row): SanctionLine => {
    const count = counts.get(row.code) ?? 0;
    return { sanction: row.code, scope: row.scope, description: row.description, countUnit: row.countUnit, count, unitValue: row.unitValue, amount: row.unitValue.times(count) };
  });
  return { contractYear: input.contractYear, lines, total: Money.sum(lines.map((line) => line.amount)) };
}

/**
 * The row that prices a measure for a contract: the national row of the contract year when the year's contract
 * has one (national rates come first), else the contract's own local row; null when neither has one. An A&E
 * four-hour sanction after April 2016 is local: the national sanction was suspended for providers taking the
 * Sustainability and Transformation Fund (decision 0023).
 */
export function sanctionRateFor(
  measure: SanctionMeasure,
  contractYear: string,
  national: readonly SanctionScheduleEntry[],
  local: readonly SanctionScheduleEntry[],
): SanctionScheduleEntry | null {
  const pick = (rows: readonly SanctionScheduleEntry[], scope: SanctionScope) =>
    rows.find((row) => row.scope === scope && row.contractYear === contractYear && row.measure === measure) ?? null;
  return pick(national, 'NATIONAL') ?? pick(local, 'LOCAL');
}

export interface FourHourMonth {
  /** A&E attendances in the month (all department types). */
  readonly attendances: number;
  /** Of them, attendances over four hours. */
  readonly breaches: number;
  /** The standard: the percentage of attendances to be seen within four hours (`"95"`), the contract's threshold. */
  readonly standardPercent: Percentage;
}

export interface FourHourExcess {
  /** The breaches the standard tolerates: (100% - standard) of attendances, rounded DOWN to whole patients. */
  readonly toleratedBreaches: number;
  /** Breaches beyond the tolerance (zero when within it): the count a BREACH_BEYOND_TOLERANCE sanction charges. */
  readonly excessBreaches: number;
}

/**
 * How many four-hour breaches of a month go beyond the standard's tolerance. With a 95% standard the tolerance is
 * 5% of attendances; a patient is whole, so the tolerance is rounded DOWN (16,500 attendances tolerate 825
 * breaches; 18,873 tolerate 943, as 943.65 is not 944 patients). Throws INVALID_ATTENDANCES (not whole numbers,
 * negative, or more breaches than attendances) and INVALID_STANDARD (not above 0 and at most 100).
 */
export function fourHourExcessBreaches(month: FourHourMonth): FourHourExcess {
  const { attendances, breaches, standardPercent } = month;
  if (!Number.isSafeInteger(attendances) || !Number.isSafeInteger(breaches) || attendances < 0 || breaches < 0 || breaches > attendances) {
    throw new DomainError('INVALID_ATTENDANCES', 'Attendances and breaches must be whole numbers, zero or more, with no more breaches than attendances.', {
      attendances: String(attendances),
      breaches: String(breaches),
    });
  }
  if (!(standardPercent instanceof Percentage) || standardPercent.compare(Percentage.ZERO) <= 0 || standardPercent.compare(Percentage.HUNDRED) > 0) {
    throw new DomainError('INVALID_STANDARD', 'The standard must be a percentage above 0 and at most 100.', { standardPercent: String(standardPercent) });
  }
  const { numerator, denominator } = Percentage.HUNDRED.minus(standardPercent).fraction;
  const tolerated = Number(divideRounded(BigInt(attendances) * numerator, denominator, 'DOWN'));
  return { toleratedBreaches: tolerated, excessBreaches: Math.max(0, breaches - tolerated) };
}

export interface FourHourSanction extends FourHourExcess {
  readonly sanction: SanctionCode;
  readonly scope: SanctionScope;
  readonly unitValue: Money;
  /** unitValue x excessBreaches, exactly. */
  readonly amount: Money;
}

/**
 * The A&E four-hour sanction of a month from the data: the excess breaches (fourHourExcessBreaches) times the
 * rate's unit value. The rate must be a BREACH_BEYOND_TOLERANCE row measured by AE_FOUR_HOUR_WAIT, else
 * SANCTION_NOT_MEASURED (details: sanction).
 */
export function calculateFourHourSanction(rate: SanctionScheduleEntry, month: FourHourMonth): FourHourSanction {
  if (rate.measure !== 'AE_FOUR_HOUR_WAIT' || rate.countUnit !== 'BREACH_BEYOND_TOLERANCE') {
    throw new DomainError('SANCTION_NOT_MEASURED', `${rate.code} is not a sanction on A&E four-hour breaches beyond the tolerance.`, { sanction: rate.code });
  }
  const excess = fourHourExcessBreaches(month);
  return { ...excess, sanction: rate.code, scope: rate.scope, unitValue: rate.unitValue, amount: rate.unitValue.times(excess.excessBreaches) };
}

export interface ContractWithholding {
  /** The annual contract value over twelve, exactly (to a fraction of a penny, so shown rounded DOWN). */
  readonly monthlyValue: Money;
  readonly withholdingPercent: Percentage;
  /** withholdingPercent of the monthly value, computed exactly and rounded once, DOWN to the penny. */
  readonly amount: Money;
}

/**
 * The sum a co-ordinating commissioner may withhold for a month under the contract management condition (GC9 of
 * the NHS Standard Contract: a share, such as 2%, of the monthly contract value, a figure kept per contract year in
 * `contract_management_terms`). The monthly value is the annual contract value over twelve; the share of it is
 * computed exactly from the annual pence and rounded once, DOWN, so the sum withheld never exceeds the share the
 * contract allows: £120,000,000.00 at 2% is £200,000.00 a month; £100,000,000.01 at 2% is £166,666.66.
 * Throws INVALID_WITHHOLDING_PERCENT (not from 0 to 100) and INVALID_CONTRACT_VALUE (negative).
 */
export function calculateContractWithholding(annualContractValue: Money, withholdingPercent: Percentage): ContractWithholding {
  if (annualContractValue.isNegative()) {
    throw new DomainError('INVALID_CONTRACT_VALUE', 'A contract value cannot be negative.', { contractValue: annualContractValue.toString() });
  }
  if (!(withholdingPercent instanceof Percentage) || !withholdingPercent.isBetween(Percentage.ZERO, Percentage.HUNDRED)) {
    throw new DomainError('INVALID_WITHHOLDING_PERCENT', 'The share withheld must be a percentage from 0 to 100.', { withholdingPercent: String(withholdingPercent) });
  }
  const { numerator, denominator } = withholdingPercent.fraction;
  return {
    monthlyValue: Money.fromPence(divideRounded(annualContractValue.pence, 12n, 'DOWN')),
    withholdingPercent,
    amount: Money.fromPence(divideRounded(annualContractValue.pence * numerator, denominator * 12n, 'DOWN')),
  };
}
