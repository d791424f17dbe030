import { DomainError, tryParseFinancialYear, type FinancialYear } from '@ccg-assure/domain';
import type { OrganisationsService, OrganisationView } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';

// The product's own checks on what an assessor or a CCG's user sends to assessments and special measures (the
// rules themselves are the domain library's). Every refusal names the input fields it concerns in
// `details.fields`, so that a client points at the field without reading the message.

/** The input fields a refusal concerns, as `details.fields`. */
export const fieldsOf = (...fields: string[]) => ({ fields });

/** A financial year as the NHS writes it ("2015/16", or "2015-16" as in an address): BAD_USER_INPUT INVALID_FINANCIAL_YEAR otherwise. */
export function requireFinancialYear(text: string, field = 'financialYear'): FinancialYear {
  const year = tryParseFinancialYear(text);
  if (year === null) {
    throw new AppError('BAD_USER_INPUT', 'INVALID_FINANCIAL_YEAR', `"${text}" is not a financial year written as the NHS writes it, such as "2015/16".`, {
      financialYear: text,
      ...fieldsOf(field),
    });
  }
  return year;
}

const normaliseCode = (code: string) => code.trim().toUpperCase();

/** The organisation, which must be a CCG: NOT_FOUND ORGANISATION_NOT_FOUND, or BAD_USER_INPUT NOT_A_CCG. */
export async function requireCcg(organisations: OrganisationsService, code: string, field = 'ccg'): Promise<OrganisationView> {
  const normalised = normaliseCode(code);
  const [organisation] = await organisations.byCodes([normalised]);
  if (!organisation) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${normalised}".`, { code: normalised, ...fieldsOf(field) });
  if (organisation.type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${organisation.code} is not a CCG.`, { ccg: organisation.code, ...fieldsOf(field) });
  return organisation;
}

/** A day after today is refused: assurance records what happened. */
export function assertNotInFuture(date: string, today: string, field: string): void {
  if (date > today) throw new AppError('BAD_USER_INPUT', 'DATE_IN_FUTURE', `${field} cannot be a day still to come (${date}).`, { field, value: date, ...fieldsOf(field) });
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
    throw new AppError('BAD_USER_INPUT', 'INVALID_URL', `${field} must be an http or https link.`, { field, value: url, ...fieldsOf(field) });
  }
  return url;
}

/** Trimmed text, or null when blank. */
export const optionalText = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/** Trimmed text; BAD_USER_INPUT with the reason when blank. */
export function requiredText(text: string | null | undefined, reason: string, message: string, field: string): string {
  const trimmed = optionalText(text);
  if (trimmed === null) throw new AppError('BAD_USER_INPUT', reason, message, fieldsOf(field));
  return trimmed;
}

/**
 * Runs a domain rule on input and gives its refusal the input fields it concerns: the domain's code stays the
 * reason and its details are kept, with `fields` added from `fieldsByCode` (or `otherwise` for a code not listed).
 */
export function checkingInput<T>(fieldsByCode: Readonly<Record<string, readonly string[]>>, otherwise: readonly string[], rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new AppError('BAD_USER_INPUT', error.code, error.message, { ...error.details, fields: [...(fieldsByCode[error.code] ?? otherwise)] });
  }
}
