// User accounts: the account lifecycle as a transition table, who administers which accounts and which role
// fits which organisation, and the password policy (issue 14; docs/security.md "Accounts").
export {
  ACCOUNT_ACTION_TYPES,
  ACCOUNT_ACTOR_KINDS,
  ACCOUNT_STATES,
  ACCOUNT_STATE_CHANGES,
  ACCOUNT_TRANSITIONS,
  accountActionsFrom,
  accountStateOf,
  applyAccountAction,
  availableAccountActions,
  requireAccountTransition,
  storedAccountState,
} from './account-lifecycle';
export type { AccountActionType, AccountActorKind, AccountState, AccountTransition, StoredAccountState } from './account-lifecycle';
export {
  ACCOUNT_ROLES,
  COMMISSIONING_ORGANISATION_TYPES,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NATIONAL_ORGANISATION_TYPE,
  ROLE_ORGANISATION_TYPES,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
  administersAccount,
  administersAnyone,
  administersOrganisation,
  administrationScopeOf,
  isCommissioningOrganisationType,
  normaliseDisplayName,
  normaliseEmail,
  normaliseUsername,
  requireRoleFitsOrganisation,
  roleFitsOrganisation,
} from './account-administration';
export type { AccountRole, AdministeringOrganisation, AdministrationScope, CommissioningOrganisationType } from './account-administration';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_PROBLEMS, passwordProblems, requireAcceptablePassword } from './password-policy';
export type { PasswordContext, PasswordProblem } from './password-policy';
