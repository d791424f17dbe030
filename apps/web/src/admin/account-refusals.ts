import { errorCodes } from '../app/graphql-errors';
import { refusalProblem, type FormProblem } from '../ui/nhs';
import { accountRefusalWords, ADMINISTRATORS_ONLY } from './account-labels';

/** The page's field ids for the input fields the API names in `extensions.details.fields`. */
export interface AccountFieldIds {
  username?: string;
  displayName?: string;
  email?: string;
  homeOrganisation?: string;
  organisation?: string;
  role?: string;
}

/** The page field for one of the API's input field names ("homeOrganisationCode", "roles.0.organisationCode", "role"...). */
function fieldId(name: string, ids: AccountFieldIds): string | undefined {
  if (/homeOrganisation/i.test(name)) return ids.homeOrganisation ?? ids.organisation;
  if (/organisation/i.test(name)) return ids.organisation;
  if (/username/i.test(name)) return ids.username;
  if (/displayName/i.test(name)) return ids.displayName;
  if (/email/i.test(name)) return ids.email;
  if (/role/i.test(name)) return ids.role;
  return undefined;
}

/**
 * An account change the API refused, as problems for the error summary: by `extensions.reason`, one for each
 * field named in `extensions.details.fields` (or the reason's usual field when none is named).
 */
export function accountRefusals(error: unknown, ids: AccountFieldIds): FormProblem[] {
  const { details } = errorCodes(error);
  const problem = refusalProblem(error, accountRefusalWords({ ...ids, organisation: ids.organisation ?? ids.homeOrganisation }), ADMINISTRATORS_ONLY);
  const named = Array.isArray(details?.fields) ? (details.fields as unknown[]).filter((field): field is string => typeof field === 'string') : [];
  const fields = [...new Set(named.map((name) => fieldId(name, ids)).filter((id): id is string => Boolean(id)))];
  if (fields.length === 0) return [problem];
  return fields.map((field) => ({ field, message: problem.message }));
}
