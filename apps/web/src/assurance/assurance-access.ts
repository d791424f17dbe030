import { ASSURANCE_FRAMEWORKS, financialYearOf, financialYearsBetween, type FinancialYear } from '@ccg-assure/domain';
import type { Viewer } from '../auth/viewer';

/**
 * NHS England assessors: the workspace is theirs, and they start assessments, propose special measures and pair
 * buddy CCGs (issue 7, "Permissions"), none of which has a record yet to carry availableActions. Everything done
 * to an assessment or an episode is offered from its availableActions instead.
 */
export function isAssessor(viewer: Viewer | null | undefined): boolean {
  return Boolean(viewer?.roles.some((assignment) => assignment.role === 'ASSESSOR'));
}

/** The organisations the viewer holds any role for, once each, in the order the API gives them. */
export function viewerOrganisations(viewer: Viewer | null | undefined): { code: string; name: string }[] {
  return [...new Map((viewer?.roles ?? []).map((assignment) => [assignment.organisation.code, assignment.organisation])).values()];
}

export const ccgPath = (code: string) => `/assurance/ccgs/${encodeURIComponent(code.toUpperCase())}`;
export const publicPath = (code: string) => `/public/assurance/${encodeURIComponent(code.toUpperCase())}`;
export const assessmentPath = (id: string) => `/assurance/assessments/${encodeURIComponent(id)}`;
export const newAssessmentPath = (ccg: string) => `/assurance/assessments/new?ccg=${encodeURIComponent(ccg.toUpperCase())}`;
export const reportPath = (ccg: string, year: FinancialYear) => `/assurance/reports/${encodeURIComponent(ccg.toUpperCase())}/${year.urlSegment}`;
export const englandReportPath = (year: FinancialYear) => `/assurance/reports/england/${year.urlSegment}`;
export const reportPdfPath = (ccg: string, year: FinancialYear) => `/reports/assurance/${encodeURIComponent(ccg.toUpperCase())}/${year.urlSegment}.pdf`;
export const englandReportPdfPath = (year: FinancialYear) => `/reports/assurance/england/${year.urlSegment}.pdf`;

/** Financial years with a framework in force, newest first, up to the one `today` falls in. */
export function assessableYears(today: string): FinancialYear[] {
  return financialYearsBetween(financialYearOf(ASSURANCE_FRAMEWORKS[0].validFrom), financialYearOf(today)).reverse();
}

/** What a refused assessor-only change says to anyone else. */
export const ONLY_ASSESSORS = 'Only NHS England assessors can do this. Nothing was recorded.';
