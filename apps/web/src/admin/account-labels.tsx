import { ROLE_ORGANISATION_TYPES, type AccountRole } from '@ccg-assure/domain';
import type { AccountAction, AccountStatus } from '../gql/graphql';
import type { FormProblem } from '../ui/nhs';

/** How each account status is named to people, and its NHS tag colour. */
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  ACTIVE: 'Active',
  PASSWORD_CHANGE_REQUIRED: 'Must change password',
  DEACTIVATED: 'Deactivated',
};

export const ACCOUNT_STATUS_TAG_CLASSES: Record<AccountStatus, string> = {
  ACTIVE: 'nhsuk-tag--green',
  PASSWORD_CHANGE_REQUIRED: 'nhsuk-tag--yellow',
  DEACTIVATED: 'nhsuk-tag--grey',
};

export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'PASSWORD_CHANGE_REQUIRED', 'DEACTIVATED'];

/** An account's status as an NHS tag. */
export function AccountStatusTag({ status }: { status: AccountStatus }) {
  return <strong className={`nhsuk-tag ${ACCOUNT_STATUS_TAG_CLASSES[status]}`}>{ACCOUNT_STATUS_LABELS[status]}</strong>;
}

/** The buttons of the user page, by action. */
export const ACCOUNT_ACTION_LABELS: Record<AccountAction, string> = {
  EDIT: 'Edit details',
  RESET_PASSWORD: 'Reset password',
  DEACTIVATE: 'Deactivate',
  REACTIVATE: 'Reactivate',
  ASSIGN_ROLE: 'Add a role',
  REMOVE_ROLE: 'Remove a role',
};

/**
 * The API's refusals of an account change, by `extensions.reason` (STYLE.md "Errors"), each against the form
 * field it concerns: `field` names the field's id on the page, null for the form as a whole.
 */
export function accountRefusalWords(fields: { username?: string; displayName?: string; email?: string; organisation?: string; role?: string }): Record<string, FormProblem> {
  const at = (field: string | undefined) => field ?? null;
  return {
    USERNAME_TAKEN: { field: at(fields.username), message: 'That username is already taken: choose another' },
    USERNAME_INVALID: { field: at(fields.username), message: 'Enter a username of 3 to 80 letters, numbers, full stops, hyphens or underscores' },
    DISPLAY_NAME_REQUIRED: { field: at(fields.displayName), message: "Enter the user's name" },
    EMAIL_INVALID: { field: at(fields.email), message: 'Enter an email address in the correct format, like name@example.nhs.uk' },
    ORGANISATION_UNKNOWN: { field: at(fields.organisation), message: 'There is no organisation with that code: check the ODS code' },
    ROLE_NOT_FOR_ORGANISATION: { field: at(fields.role), message: 'That role cannot be held for that organisation: choose another role or organisation' },
    ROLE_ALREADY_HELD: { field: at(fields.role), message: 'The user already holds that role for that organisation' },
    ROLE_NOT_HELD: { field: null, message: 'The user does not hold that role any more. The latest roles are shown.' },
    NOT_YOUR_ACCOUNT_TO_ADMINISTER: { field: at(fields.organisation), message: 'You do not administer that organisation, so you cannot give or change access there' },
    ACCOUNT_NOT_FOUND: { field: null, message: 'The account was not found. It may have been removed.' },
    CANNOT_CHANGE_OWN_ACCESS: { field: null, message: 'You cannot change your own access. Ask another administrator to do it.' },
    LAST_ADMINISTRATOR: { field: null, message: 'This is the last administrator who could do this. Give another user the administrator role first.' },
    ACTION_NOT_AVAILABLE: { field: null, message: 'That cannot be done to this account as it stands now. The latest is shown.' },
  };
}

/** Who may use the administration pages, for the message when someone else arrives. */
export const ADMINISTRATORS_ONLY = 'Only administrators can do this.';

const ORGANISATION_TYPE_WORDS: Record<string, string> = {
  NHS_ENGLAND: 'NHS England',
  REGION: 'a region',
  AREA_TEAM: 'an area team',
  CCG: 'a CCG',
  COMMISSIONING_SUPPORT_UNIT: 'a commissioning support unit',
};

/** "For a CCG", "For NHS England, a region or an area team": where a role may be held (the domain's table). */
export function roleOrganisationHint(role: AccountRole): string {
  const words = ROLE_ORGANISATION_TYPES[role].map((type) => ORGANISATION_TYPE_WORDS[type] ?? type);
  if (role === 'ADMIN') return 'Administers the accounts of the organisation (NHS England: everyone)';
  return `For ${words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0]}`;
}
