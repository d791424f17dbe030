import { compareFinancialYears, financialYearOf, financialYearsBetween, type FinancialQuarter, type FinancialYear } from '../calendar';
import { ASSURANCE_FRAMEWORKS, findAssuranceFrameworkInForce } from './assurance-frameworks';

/** When an organisation existed: its ODS open and close dates (null when not known or still open). */
export interface OrganisationLife {
  readonly openDate: string | null;
  readonly closeDate: string | null;
}

/** Whether the organisation existed for at least part of the quarter (open by its last day, not closed before its first). */
export function existedInQuarter(life: OrganisationLife, quarter: Pick<FinancialQuarter, 'start' | 'end'>): boolean {
  if (life.openDate !== null && life.openDate > quarter.end) return false;
  if (life.closeDate !== null && life.closeDate < quarter.start) return false;
  return true;
}

/**
 * The financial years a CCG can be assessed for, newest first: a year that has begun by `today`, in which an
 * assurance framework was in force, and in part of which the CCG existed (issue 20: an assessment of a year after
 * the CCG closed, such as 2026/27 for NHS Leeds North CCG, closed in March 2018, is not offered, nor accepted).
 */
export function assessableYearsOf(life: OrganisationLife, today: string): FinancialYear[] {
  return financialYearsBetween(financialYearOf(ASSURANCE_FRAMEWORKS[0].validFrom), financialYearOf(today))
    .filter((year) => year.quarters.some((quarter) => quarter.start <= today && findAssuranceFrameworkInForce(quarter.start) !== null && existedInQuarter(life, quarter)))
    .reverse();
}

/**
 * The year an assessment should open on: the latest assessable year that has evidence (the financial year of the
 * latest data, `evidenceAsOf`), else the latest assessable year; null when none is assessable.
 */
export function defaultAssessmentYear(years: readonly FinancialYear[], evidenceAsOf: string | null): FinancialYear | null {
  if (years.length === 0) return null;
  if (evidenceAsOf === null) return years[0];
  const evidenceYear = financialYearOf(evidenceAsOf);
  return years.find((year) => compareFinancialYears(year, evidenceYear) <= 0) ?? years[years.length - 1];
}

/** Whether the evidence (data to `evidenceAsOf`, the first day of its latest period) is older than the quarter assessed began. */
export function evidenceOlderThanQuarter(evidenceAsOf: string | null, quarter: Pick<FinancialQuarter, 'start'>): boolean {
  return evidenceAsOf === null || evidenceAsOf < quarter.start;
}
