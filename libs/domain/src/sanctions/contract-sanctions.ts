import { DomainError } from '../errors';
import { CCG_INFORMATION_BLOG, RuleCitation } from '../finance';
import { Money } from '../money';

/**
 * The national contract sanctions CCG Assure knows, for the API's and the web app's enums. A sanction
 * applies in a contract year only if that year's schedule lists it.
 * The two ambulance-handover sanctions are exclusive bands: a handover over 60 minutes is counted under
 * AMBULANCE_HANDOVER_OVER_60_MINUTES only, not also under AMBULANCE_HANDOVER_30_TO_60_MINUTES.
 */
export const SANCTION_CODES = [
  'RTT_52_WEEK_WAIT',
  'TROLLEY_WAIT_12_HOURS',
  'AMBULANCE_HANDOVER_30_TO_60_MINUTES',
  'AMBULANCE_HANDOVER_OVER_60_MINUTES',
  'MIXED_SEX_ACCOMMODATION_BREACH',
] as const;
export type SanctionCode = (typeof SANCTION_CODES)[number];

/** What one counted unit is: a breach (a patient, an incident), or a patient-day of a breach. */
export type SanctionCountUnit = 'BREACH' | 'PATIENT_DAY';

export interface ContractSanction {
  readonly code: SanctionCode;
  readonly description: string;
  readonly countUnit: SanctionCountUnit;
  /** The sanction for each counted unit. */
  readonly unitValue: Money;
  /** The published figure [ref] first, then any seed paragraph that speaks of it. */
  readonly sources: readonly RuleCitation[];
}

/** The national sanctions of one contract year. */
export interface SanctionSchedule {
  /** `"2013/14"`. */
  readonly contractYear: string;
  /** `"2013-14"`. */
  readonly name: string;
  readonly contract: string;
  readonly sanctions: readonly ContractSanction[];
}

const STANDARD_CONTRACT_2013_14 =
  'NHS Standard Contract 2013/14, Schedule 4 (Quality Requirements: operational standards and national quality requirements, with the consequence of breach), as set out in Everyone Counts: Planning for Patients 2013/14 (NHS Commissioning Board, December 2012)';

const ref = (text: string): RuleCitation => ({
  basis: 'REF',
  document: STANDARD_CONTRACT_2013_14,
  locator: 'Schedule 4, national quality requirements [ref]',
  text,
});

const PENALTIES_SEED: RuleCitation = {
  basis: 'SEED',
  document: CCG_INFORMATION_BLOG,
  locator: "post of 24 December 2012 ('The NHS Commissioning Board (NHSCB) has launched Christmas'), 4th paragraph, line 124",
  text:
    'Littered throughout the document are also references to specific situations in which the NHSCB will expect CCGs to implement ' +
    'financial penalties, including completeness and quality of data, individual 52 week breaches, and ambulance handover delays over ' +
    '30 minutes (with a further fine for delays over an hour).',
};

function sanction(
  code: SanctionCode,
  description: string,
  countUnit: SanctionCountUnit,
  pounds: string,
  sources: RuleCitation[],
): ContractSanction {
  return Object.freeze({ code, description, countUnit, unitValue: Money.parse(pounds), sources: Object.freeze(sources.map((s) => Object.freeze(s))) });
}

/**
 * The national sanction values by contract year: editable reference DATA [ref] (DOMAIN.md "Provider
 * performance management, sanctions"). A new contract year is a new entry here, not new code.
 */
export const SANCTION_SCHEDULES: readonly SanctionSchedule[] = Object.freeze([
  Object.freeze({
    contractYear: '2013/14',
    name: '2013-14',
    contract: 'NHS Standard Contract 2013/14',
    sanctions: Object.freeze([
      sanction('RTT_52_WEEK_WAIT', 'Each patient waiting more than 52 weeks from referral to treatment.', 'BREACH', '5000', [
        ref('£5,000 per service user with an incomplete referral-to-treatment pathway over 52 weeks at the end of the month.'),
        PENALTIES_SEED,
      ]),
      sanction('TROLLEY_WAIT_12_HOURS', 'Each 12-hour trolley wait in A&E (decision to admit to admission).', 'BREACH', '1000', [
        ref('£1,000 per incidence of a trolley wait over 12 hours from decision to admit.'),
      ]),
      sanction(
        'AMBULANCE_HANDOVER_30_TO_60_MINUTES',
        'Each ambulance-to-A&E handover taking over 30 minutes, up to 60 minutes.',
        'BREACH',
        '200',
        [ref('£200 per patient waiting over 30 minutes for handover from ambulance to A&E.'), PENALTIES_SEED],
      ),
      sanction('AMBULANCE_HANDOVER_OVER_60_MINUTES', 'Each ambulance-to-A&E handover taking over 60 minutes.', 'BREACH', '1000', [
        ref('£1,000 per patient waiting over 60 minutes for handover from ambulance to A&E.'),
        PENALTIES_SEED,
      ]),
      sanction(
        'MIXED_SEX_ACCOMMODATION_BREACH',
        'Each day of each patient affected by a mixed-sex accommodation breach.',
        'PATIENT_DAY',
        '250',
        [ref('£250 per day per service user affected by a breach of the mixed-sex accommodation standard.')],
      ),
    ]),
  }),
]);

/** The contract years with a sanction schedule, oldest first. */
export function listSanctionContractYears(): string[] {
  return SANCTION_SCHEDULES.map((s) => s.contractYear);
}

/** A contract year's sanction schedule, by year (`"2013/14"`) or name (`"2013-14"`); else `UNKNOWN_CONTRACT_YEAR`. */
export function findSanctionSchedule(contractYear: string): SanctionSchedule {
  const found = SANCTION_SCHEDULES.find((s) => s.contractYear === contractYear || s.name === contractYear);
  if (!found) {
    throw new DomainError('UNKNOWN_CONTRACT_YEAR', `There is no national sanction schedule for the contract year "${String(contractYear)}".`, {
      contractYear,
      known: listSanctionContractYears(),
    });
  }
  return found;
}

export interface SanctionCount {
  readonly sanction: SanctionCode;
  /** How many units (see the sanction's countUnit): a whole number, zero or more. */
  readonly count: number;
}

export interface SanctionCalculationInput {
  readonly contractYear: string;
  /** At most one count per sanction; sanctions not given count zero. */
  readonly counts: readonly SanctionCount[];
}

export interface SanctionLine {
  readonly sanction: SanctionCode;
  readonly description: string;
  readonly countUnit: SanctionCountUnit;
  readonly count: number;
  readonly unitValue: Money;
  /** unitValue x count, exactly. */
  readonly amount: Money;
}

export interface SanctionCalculation {
  readonly contractYear: string;
  /** Every sanction of the year's schedule, in its order, with zero counts included. */
  readonly lines: readonly SanctionLine[];
  readonly total: Money;
}

/**
 * Turns counts of breaches into money: each sanction's value times its count, and the total.
 * Throws UNKNOWN_CONTRACT_YEAR, UNKNOWN_SANCTION (not in that year's schedule), INVALID_SANCTION_COUNT
 * (negative or not a whole number) or DUPLICATE_SANCTION_COUNT.
 */
export function calculateContractSanctions(input: SanctionCalculationInput): SanctionCalculation {
  const schedule = findSanctionSchedule(input.contractYear);
  const counts = new Map<string, number>();
  input.counts.forEach(({ sanction: code, count }, index) => {
    const field = `counts[${index}]`;
    if (!schedule.sanctions.some((s) => s.code === code)) {
      throw new DomainError('UNKNOWN_SANCTION', `The ${schedule.contractYear} contract has no sanction "${String(code)}".`, {
        field,
        sanction: code,
        contractYear: schedule.contractYear,
        known: schedule.sanctions.map((s) => s.code),
      });
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new DomainError('INVALID_SANCTION_COUNT', `The count for ${code} must be a whole number, zero or more; got ${String(count)}.`, {
        field,
        sanction: code,
        count: String(count),
      });
    }
    if (counts.has(code)) {
      throw new DomainError('DUPLICATE_SANCTION_COUNT', `${code} is counted more than once.`, { field, sanction: code });
    }
    counts.set(code, count);
  });
  const lines = schedule.sanctions.map((s): SanctionLine => {
    const count = counts.get(s.code) ?? 0;
    return { sanction: s.code, description: s.description, countUnit: s.countUnit, count, unitValue: s.unitValue, amount: s.unitValue.times(count) };
  });
  return { contractYear: schedule.contractYear, lines, total: Money.sum(lines.map((l) => l.amount)) };
}
