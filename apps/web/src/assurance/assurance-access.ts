import { ASSURANCE_FRAMEWORKS } from '@ccg-assure/domain';
import type { Viewer } from '../auth/viewer';

/** Only NHS England assessors rate, decide, publish and move special measures (issue 7, "Permissions"). */
export function isAssessor(viewer: Viewer | null | undefined): boolean {
  return Boolean(viewer?.roles.some((assignment) => assignment.role === 'ASSESSOR'));
}

/** The organisations the viewer holds any role for, once each, in the order the API gives them. */
export function viewerOrganisations(viewer: Viewer | null | undefined): { code: string; name: string }[] {
  return [...new Map((viewer?.roles ?? []).map((assignment) => [assignment.organisation.code, assignment.organisation])).values()];
}

/** A CCG's own users (any role held for the CCG) read its assurance and respond with comments. */
export function isOwnCcg(viewer: Viewer | null | undefined, ccg: string): boolean {
  return viewerOrganisations(viewer).some((organisation) => organisation.code.toUpperCase() === ccg.toUpperCase());
}

export const ccgPath = (code: string) => `/assurance/ccgs/${encodeURIComponent(code.toUpperCase())}`;
export const publicPath = (code: string) => `/public/assurance/${encodeURIComponent(code.toUpperCase())}`;
export const assessmentPath = (id: string) => `/assurance/assessments/${encodeURIComponent(id)}`;
export const newAssessmentPath = (ccg: string) => `/assurance/assessments/new?ccg=${encodeURIComponent(ccg.toUpperCase())}`;
/** "2015/16" → "2015-16" in an address (a slash would split the path), as the PDF endpoint names years. */
export const yearToPath = (financialYear: string) => financialYear.replace('/', '-');
export const reportPath = (ccg: string, financialYear: string) => `/assurance/reports/${encodeURIComponent(ccg.toUpperCase())}/${yearToPath(financialYear)}`;
export const englandReportPath = (financialYear: string) => `/assurance/reports/england/${yearToPath(financialYear)}`;
export const reportPdfPath = (ccg: string, financialYear: string) => `/reports/assurance/${encodeURIComponent(ccg.toUpperCase())}/${yearToPath(financialYear)}.pdf`;
export const englandReportPdfPath = (financialYear: string) => `/reports/assurance/england/${yearToPath(financialYear)}.pdf`;

/** "2015-16" from an address → "2015/16", or null for anything that is not a financial year. */
export function yearFromPath(segment: string | undefined): string | null {
  const match = segment ? /^(\d{4})-(\d{2})$/.exec(segment) : null;
  if (!match) return null;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? `${match[1]}/${match[2]}` : null;
}

/** The financial year a date falls in (April to March): "2016-02-29" → "2015/16". */
export function financialYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Financial years with a framework in force, newest first, up to the one `today` falls in. */
export function assessableYears(today: string): string[] {
  const last = Number(financialYearOf(today).slice(0, 4));
  const years: string[] = [];
  const first = Number(ASSURANCE_FRAMEWORKS[0].validFrom.slice(0, 4));
  for (let start = last; start >= first; start--) years.push(`${start}/${String((start + 1) % 100).padStart(2, '0')}`);
  return years;
}

/** The first day of a quarter of a financial year: 2015/16 Q4 → 2016-01-01. */
export function quarterStart(financialYear: string, quarter: number): string {
  const start = Number(financialYear.slice(0, 4));
  const month = [4, 7, 10, 1][quarter - 1];
  return `${quarter === 4 ? start + 1 : start}-${String(month).padStart(2, '0')}-01`;
}

/** What a refused assessor-only change says to anyone else. */
export const ONLY_ASSESSORS = 'Only NHS England assessors can do this. Nothing was recorded.';
