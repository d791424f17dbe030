import type { EntityManager } from 'typeorm';
import { OrganisationsService, type OrganisationRow } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';

/** A financial year as the NHS writes it, "2015/16": it runs from 1 April 2015 to 31 March 2016. */
export interface FinancialYear {
  label: string;
  start: string;
  end: string;
}

const FINANCIAL_YEAR = /^(\d{4})[/-](\d{2})$/;

/** "2015/16" (or "2015-16", as in a URL) -> the year and its dates; BAD_USER_INPUT, INVALID_FINANCIAL_YEAR otherwise. */
export function parseFinancialYear(text: string): FinancialYear {
  const match = FINANCIAL_YEAR.exec(text.trim());
  const first = match ? Number(match[1]) : NaN;
  if (!match || (first + 1) % 100 !== Number(match[2])) {
    throw new AppError('BAD_USER_INPUT', 'INVALID_FINANCIAL_YEAR', `"${text}" is not a financial year written as the NHS writes it, such as "2015/16".`, { financialYear: text });
  }
  return { label: `${first}/${match[2]}`, start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

/** The first and last days of quarter 1-4 of a financial year (Q1 is April to June). */
export function quarterPeriod(year: FinancialYear, quarter: number): { start: string; end: string } {
  const first = Number(year.start.slice(0, 4));
  const startMonth = 3 + 3 * (quarter - 1);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return { start: iso(new Date(Date.UTC(first, startMonth, 1))), end: iso(new Date(Date.UTC(first, startMonth + 3, 0))) };
}

export const quarterLabel = (financialYear: string, quarter: number) => `${financialYear} Q${quarter}`;

export const normaliseCode = (code: string) => code.trim().toUpperCase();

/** The organisation, which must be a CCG: NOT_FOUND ORGANISATION_NOT_FOUND, or BAD_USER_INPUT NOT_A_CCG. */
export async function requireCcg(manager: EntityManager, code: string): Promise<OrganisationRow> {
  const organisation = await new OrganisationsService(manager.connection).get(normaliseCode(code));
  if (organisation.type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${organisation.code} is not a CCG.`, { ccg: organisation.code });
  return organisation;
}

/** A day after today is refused: assurance records what happened. */
export function assertNotInFuture(date: string, today: string, field: string): void {
  if (date > today) throw new AppError('BAD_USER_INPUT', 'DATE_IN_FUTURE', `${field} cannot be a day still to come (${date}).`, { field, value: date });
}

/** A link must be http or https (BAD_USER_INPUT, INVALID_URL). */
export function checkedUrl(text: string | null | undefined, field: string): string | null {
  const url = text?.trim();
  if (!url) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new AppError('BAD_USER_INPUT', 'INVALID_URL', `${field} must be an http or https link.`, { field, value: url });
  }
  return url;
}

/** Trimmed text, or null when blank. */
export const optionalText = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/** Trimmed text; BAD_USER_INPUT with the reason when blank. */
export function requiredText(text: string | null | undefined, reason: string, message: string): string {
  const trimmed = optionalText(text);
  if (trimmed === null) throw new AppError('BAD_USER_INPUT', reason, message);
  return trimmed;
}
