import { DomainError } from '../errors';
import { addCalendarDays, compareIsoDates, requireIsoDate } from '../calendar/calendar-date';
import { CitedSource } from '../assurance/cited-source';

/**
 * How a value is expressed. PERCENTAGE values are numbers from 0 to 100 (94.7 means 94.7%), never
 * fractions; COUNT values are whole numbers; RATE is per the population the indicator names; MINUTES a duration.
 */
export type StandardUnit = 'PERCENTAGE' | 'RATE' | 'COUNT' | 'MINUTES';
export type StandardPolarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
export type StandardPeriodType = 'MONTH' | 'QUARTER' | 'YEAR';

/** A national standard a provider's indicator is judged against, in force over a date range. */
export interface ProviderStandard {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly unit: StandardUnit;
  readonly polarity: StandardPolarity;
  /**
   * The threshold in the unit. A value exactly at the threshold meets the standard: HIGHER_IS_BETTER
   * passes when value >= threshold, LOWER_IS_BETTER when value <= threshold.
   */
  readonly threshold: number;
  /** Zero tolerance: any occurrence breaches (a COUNT, LOWER_IS_BETTER, threshold 0). */
  readonly zeroTolerance: boolean;
  /** The period over which performance is judged. */
  readonly periodType: StandardPeriodType;
  /** What is counted, and over what (null for counts). */
  readonly numerator: string;
  readonly denominator: string | null;
  /** First day in force (inclusive). */
  readonly validFrom: string;
  /** Last day in force (inclusive); null while no later version replaces it. */
  readonly validTo: string | null;
  readonly source: CitedSource;
}

const CONSTITUTION =
  'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]';
const OPERATIONAL =
  'Everyone Counts: Planning for Patients 2013/14 and the NHS Standard Contract 2013/14 (zero tolerances and ambulance handover); DOMAIN.md "Provider standards" [ref]';

const ref = (document: string, text: string): CitedSource => ({ basis: 'REF', document, text });

/**
 * validFrom is 1 April 2013, the first year the product models (CCGs and NHS England in place, 2013/14
 * contract), not the day each standard was first set. A changed threshold is a new entry for the same
 * code, with the previous entry's validTo set to the day before.
 */
const MODELLED_FROM = '2013-04-01';

const percentage = (
  fields: Pick<ProviderStandard, 'code' | 'name' | 'description' | 'threshold' | 'periodType' | 'numerator' | 'denominator'> & {
    polarity?: StandardPolarity;
    source: CitedSource;
  },
): ProviderStandard => ({
  unit: 'PERCENTAGE',
  polarity: 'HIGHER_IS_BETTER',
  zeroTolerance: false,
  validFrom: MODELLED_FROM,
  validTo: null,
  ...fields,
});

const zeroTolerance = (
  fields: Pick<ProviderStandard, 'code' | 'name' | 'description' | 'numerator'> & { source: CitedSource },
): ProviderStandard => ({
  unit: 'COUNT',
  polarity: 'LOWER_IS_BETTER',
  threshold: 0,
  zeroTolerance: true,
  periodType: 'MONTH',
  denominator: null,
  validFrom: MODELLED_FROM,
  validTo: null,
  ...fields,
});

/** The provider standards of DOMAIN.md ([ref], NHS Constitution 2013-2016), as editable reference data. */
export const PROVIDER_STANDARDS: readonly ProviderStandard[] = [
  percentage({
    code: 'AE_4HR_ALL',
    name: 'A&E: four-hour wait, all department types',
    description: 'Patients admitted, transferred or discharged within four hours of arrival at A&E, all department types (1, 2, 3 and 4).',
    threshold: 95,
    periodType: 'MONTH',
    numerator: 'A&E attendances (all types) admitted, transferred or discharged within 4 hours of arrival: attendances minus 4-hour breaches',
    denominator: 'A&E attendances, all types',
    source: ref(CONSTITUTION, 'A maximum four-hour wait in A&E from arrival to admission, transfer or discharge: 95% of patients.'),
  }),
  percentage({
    code: 'AE_4HR_TYPE1',
    name: 'A&E: four-hour wait, type 1 departments',
    description: 'The four-hour standard measured on major consultant-led 24-hour emergency departments (type 1) only.',
    threshold: 95,
    periodType: 'MONTH',
    numerator: 'Type 1 A&E attendances admitted, transferred or discharged within 4 hours of arrival',
    denominator: 'Type 1 A&E attendances',
    source: ref(CONSTITUTION, 'A maximum four-hour wait in A&E from arrival to admission, transfer or discharge: 95% of patients.'),
  }),
  percentage({
    code: 'RTT_INCOMPLETE_18WK',
    name: 'Referral to treatment: incomplete pathways within 18 weeks',
    description: 'Patients on incomplete referral-to-treatment pathways (still waiting) who have waited 18 weeks or less.',
    threshold: 92,
    periodType: 'MONTH',
    numerator: 'Incomplete RTT pathways waiting 18 weeks or less at the month end',
    denominator: 'All incomplete RTT pathways at the month end',
    source: ref(CONSTITUTION, 'Maximum 18 weeks from referral to treatment: 92% of patients on incomplete pathways.'),
  }),
  percentage({
    code: 'DIAGNOSTICS_6WK',
    name: 'Diagnostics: waiting six weeks or more',
    description:
      'Patients waiting six weeks or more for one of the 15 key diagnostic tests; the standard is that 99% wait less than six weeks, so at most 1% wait six weeks or more (lower is better).',
    threshold: 1,
    polarity: 'LOWER_IS_BETTER',
    periodType: 'MONTH',
    numerator: 'Patients on the diagnostic waiting list waiting 6 weeks or more from referral at the month end',
    denominator: 'All patients on the diagnostic waiting list at the month end',
    source: ref(CONSTITUTION, 'Maximum six-week wait for diagnostic tests: 99% of patients wait less than six weeks (under 1% wait six weeks or more).'),
  }),
  percentage({
    code: 'CANCER_2WW',
    name: 'Cancer: two-week wait',
    description: 'Patients seen by a specialist within two weeks of an urgent GP referral for suspected cancer.',
    threshold: 93,
    periodType: 'QUARTER',
    numerator: 'Patients first seen within 14 days of an urgent GP referral for suspected cancer',
    denominator: 'Patients first seen after an urgent GP referral for suspected cancer',
    source: ref(CONSTITUTION, 'Maximum two-week wait to see a specialist after urgent GP referral for suspected cancer: 93%.'),
  }),
  percentage({
    code: 'CANCER_31D_FIRST',
    name: 'Cancer: 31 days to first treatment',
    description: 'Patients receiving their first definitive treatment within 31 days of the decision to treat.',
    threshold: 96,
    periodType: 'QUARTER',
    numerator: 'First definitive treatments within 31 days of the decision to treat',
    denominator: 'First definitive treatments for cancer',
    source: ref(CONSTITUTION, 'Maximum one month (31 days) from decision to treat to first definitive treatment for cancer: 96%.'),
  }),
  percentage({
    code: 'CANCER_62D',
    name: 'Cancer: 62 days from urgent GP referral',
    description: 'Patients receiving their first definitive treatment within 62 days of an urgent GP referral for suspected cancer.',
    threshold: 85,
    periodType: 'QUARTER',
    numerator: 'First definitive treatments within 62 days of an urgent GP referral for suspected cancer',
    denominator: 'First definitive treatments following an urgent GP referral for suspected cancer',
    source: ref(CONSTITUTION, 'Maximum two months (62 days) from urgent GP referral to first definitive treatment for cancer: 85%.'),
  }),
  zeroTolerance({
    code: 'RTT_52WK_WAITS',
    name: 'Referral to treatment: 52-week waits',
    description: 'Patients on incomplete referral-to-treatment pathways waiting more than 52 weeks: zero tolerance.',
    numerator: 'Incomplete RTT pathways waiting more than 52 weeks at the month end',
    source: ref(OPERATIONAL, 'Zero tolerance of referral-to-treatment waits of more than 52 weeks.'),
  }),
  zeroTolerance({
    code: 'TROLLEY_12HR_WAITS',
    name: 'A&E: 12-hour trolley waits',
    description: 'Patients waiting more than 12 hours in A&E from the decision to admit to admission: zero tolerance.',
    numerator: 'Patients waiting more than 12 hours from decision to admit to admission',
    source: ref(OPERATIONAL, 'Zero tolerance of trolley waits of more than 12 hours in A&E from decision to admit to admission.'),
  }),
  zeroTolerance({
    code: 'MSA_BREACHES',
    name: 'Mixed-sex accommodation breaches',
    description: 'Breaches of the mixed-sex accommodation standard: zero tolerance.',
    numerator: 'Mixed-sex accommodation breaches in the month (patients affected)',
    source: ref(OPERATIONAL, 'Zero tolerance of mixed-sex accommodation, except where it is in the overall best interest of the patient.'),
  }),
  zeroTolerance({
    code: 'AMBULANCE_HANDOVER_15MIN',
    name: 'Ambulance handover within 15 minutes',
    description:
      'Every handover of a patient from an ambulance crew to A&E should take place within 15 minutes; the value is the number of handovers that took longer, so any such handover breaches the standard.',
    numerator: 'Ambulance-to-A&E handovers taking longer than 15 minutes from arrival',
    source: ref(OPERATIONAL, 'All handovers between ambulance and A&E must take place within 15 minutes.'),
  }),
];

/**
 * The version of standard `code` in force on `asOf` ('yyyy-mm-dd'), or null if none (unknown code, or a
 * date outside every version). Throws INVALID_DATE, OVERLAPPING_STANDARD_VERSIONS (details: code, asOf).
 */
export function findStandard(
  code: string,
  asOf: string,
  catalogue: readonly ProviderStandard[] = PROVIDER_STANDARDS,
): ProviderStandard | null {
  const date = requireIsoDate(asOf, 'asOf');
  const inForce = catalogue.filter(
    (s) => s.code === code && compareIsoDates(s.validFrom, date) <= 0 && (s.validTo === null || compareIsoDates(date, s.validTo) <= 0),
  );
  if (inForce.length > 1) {
    throw new DomainError('OVERLAPPING_STANDARD_VERSIONS', `More than one version of ${code} is in force on ${date}`, { code, asOf: date });
  }
  return inForce[0] ?? null;
}

function invalidStandard(standard: ProviderStandard, field: string, message: string): DomainError {
  return new DomainError('INVALID_STANDARD', `${String(standard.code)}: ${message}`, { code: standard.code, field });
}

/**
 * Checks a catalogue: valid dates with validFrom <= validTo, a finite threshold (0 to 100 for
 * percentages), zero tolerance only as a COUNT with LOWER_IS_BETTER and threshold 0, and no two versions
 * of one code in force on the same day. Throws INVALID_STANDARD (details: code, field) or
 * OVERLAPPING_STANDARD_VERSIONS (details: code).
 */
export function validateStandardsCatalogue(catalogue: readonly ProviderStandard[]): readonly ProviderStandard[] {
  for (const standard of catalogue) {
    const from = requireIsoDate(standard.validFrom, `${standard.code}.validFrom`);
    if (standard.validTo !== null && compareIsoDates(requireIsoDate(standard.validTo, `${standard.code}.validTo`), from) < 0) {
      throw invalidStandard(standard, 'validTo', 'validTo is before validFrom');
    }
    if (typeof standard.threshold !== 'number' || !Number.isFinite(standard.threshold)) {
      throw invalidStandard(standard, 'threshold', 'the threshold must be a finite number');
    }
    if (standard.unit === 'PERCENTAGE' && (standard.threshold < 0 || standard.threshold > 100)) {
      throw invalidStandard(standard, 'threshold', 'a percentage threshold is from 0 to 100');
    }
    if (standard.zeroTolerance && (standard.unit !== 'COUNT' || standard.polarity !== 'LOWER_IS_BETTER' || standard.threshold !== 0)) {
      throw invalidStandard(standard, 'zeroTolerance', 'zero tolerance is a COUNT, LOWER_IS_BETTER, with threshold 0');
    }
  }
  for (const [i, a] of catalogue.entries()) {
    for (const b of catalogue.slice(i + 1)) {
      const overlap =
        a.code === b.code &&
        (a.validTo === null || compareIsoDates(b.validFrom, a.validTo) <= 0) &&
        (b.validTo === null || compareIsoDates(a.validFrom, b.validTo) <= 0);
      if (overlap) {
        throw new DomainError('OVERLAPPING_STANDARD_VERSIONS', `Two versions of ${a.code} are in force on the same days`, { code: a.code });
      }
    }
  }
  return catalogue;
}

/** A standard version as stored with only its first day: in force until the next version of its code begins. */
export type EffectiveStandard = Omit<ProviderStandard, 'validTo'>;

/**
 * Versions stored by their effective-from date alone (the `standard_version` table: one row per code and financial
 * year start) as a catalogue: each version's validTo is the day before the next version of its code begins, the
 * latest open-ended. Validated as `validateStandardsCatalogue` does; two versions of a code from one day are
 * OVERLAPPING_STANDARD_VERSIONS.
 */
export function catalogueFromEffectiveVersions(versions: readonly EffectiveStandard[]): readonly ProviderStandard[] {
  const sorted = [...versions].sort((a, b) => (a.code === b.code ? compareIsoDates(requireIsoDate(a.validFrom, 'validFrom'), requireIsoDate(b.validFrom, 'validFrom')) : a.code < b.code ? -1 : 1));
  const catalogue = sorted.map((version, i): ProviderStandard => {
    const next = sorted[i + 1];
    if (next && next.code === version.code && next.validFrom === version.validFrom) {
      throw new DomainError('OVERLAPPING_STANDARD_VERSIONS', `Two versions of ${version.code} begin on ${version.validFrom}`, { code: version.code });
    }
    return { ...version, validTo: next && next.code === version.code ? addCalendarDays(next.validFrom, -1) : null };
  });
  return validateStandardsCatalogue(catalogue);
}
