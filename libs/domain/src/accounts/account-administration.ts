import { DomainError } from '../errors';

/** The roles a user may hold for an organisation (the API's `Role` enum has the same values). */
export const ACCOUNT_ROLES = ['FINANCE_OFFICER', 'COMMISSIONING_MANAGER', 'ANALYST', 'ASSESSOR', 'BOARD_MEMBER', 'ADMIN'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The commissioning bodies: the only organisations accounts are kept for (as home organisation or role). */
export const COMMISSIONING_ORGANISATION_TYPES = ['NHS_ENGLAND', 'REGION', 'AREA_TEAM', 'CCG', 'COMMISSIONING_SUPPORT_UNIT'] as const;
export type CommissioningOrganisationType = (typeof COMMISSIONING_ORGANISATION_TYPES)[number];

/** The organisation type whose administrators administer every account (issue 14). */
export const NATIONAL_ORGANISATION_TYPE: CommissioningOrganisationType = 'NHS_ENGLAND';

/**
 * Which role may be held for which kind of organisation (issue 14, docs/security.md "Accounts"): a finance
 * officer or commissioning manager works for a CCG; an assessor for NHS England, a region or an area team; an
 * analyst for a CCG, a support unit or NHS England's tiers; a board member sits on a CCG's governing body or an
 * NHS England board; an administrator administers the accounts of any commissioning body.
 */
export const ROLE_ORGANISATION_TYPES: Readonly<Record<AccountRole, readonly CommissioningOrganisationType[]>> = {
  FINANCE_OFFICER: ['CCG'],
  COMMISSIONING_MANAGER: ['CCG'],
  ASSESSOR: ['NHS_ENGLAND', 'REGION', 'AREA_TEAM'],
  BOARD_MEMBER: ['CCG', 'NHS_ENGLAND', 'REGION', 'AREA_TEAM'],
  ANALYST: ['CCG', 'COMMISSIONING_SUPPORT_UNIT', 'NHS_ENGLAND', 'REGION', 'AREA_TEAM'],
  ADMIN: COMMISSIONING_ORGANISATION_TYPES,
};

export function isCommissioningOrganisationType(type: string): type is CommissioningOrganisationType {
  return (COMMISSIONING_ORGANISATION_TYPES as readonly string[]).includes(type);
}

/** Whether `role` may be held for an organisation of `organisationType`. */
export function roleFitsOrganisation(role: AccountRole, organisationType: string): boolean {
  return (ROLE_ORGANISATION_TYPES[role] as readonly string[] | undefined)?.includes(organisationType) ?? false;
}

/** Throws ROLE_NOT_FOR_ORGANISATION (details: role, organisationType, allowedTypes) unless `role` fits the organisation's type. */
export function requireRoleFitsOrganisation(role: AccountRole, organisationType: string): void {
  if (!roleFitsOrganisation(role, organisationType)) {
    throw new DomainError('ROLE_NOT_FOR_ORGANISATION', `The role ${role} is not held for an organisation of type ${organisationType}.`, {
      role,
      organisationType,
      allowedTypes: [...(ROLE_ORGANISATION_TYPES[role] ?? [])],
    });
  }
}

/** An organisation for which the viewer holds the ADMIN role. */
export interface AdministeringOrganisation {
  readonly code: string;
  readonly type: string;
}

/**
 * Whose accounts an administrator administers (issue 14, docs/security.md "Accounts"). An ADMIN of NHS England
 * administers every account and may give any role for any organisation; an ADMIN of another organisation
 * administers only the accounts whose home organisation is theirs and gives or removes only roles held for it.
 */
export interface AdministrationScope {
  readonly everyone: boolean;
  /** The organisations administered (those the viewer holds ADMIN for), in the order given. */
  readonly organisationCodes: readonly string[];
}

export function administrationScopeOf(adminOrganisations: readonly AdministeringOrganisation[]): AdministrationScope {
  return {
    everyone: adminOrganisations.some((organisation) => organisation.type === NATIONAL_ORGANISATION_TYPE),
    organisationCodes: [...new Set(adminOrganisations.map((organisation) => organisation.code))],
  };
}

/** Whether the scope covers an account with this home organisation (null: an old account, NHS England's alone). */
export function administersAccount(scope: AdministrationScope, homeOrganisationCode: string | null): boolean {
  return scope.everyone || (homeOrganisationCode !== null && scope.organisationCodes.includes(homeOrganisationCode));
}

/** Whether the scope may give or remove a role held for this organisation, or make it an account's home. */
export function administersOrganisation(scope: AdministrationScope, organisationCode: string): boolean {
  return scope.everyone || scope.organisationCodes.includes(organisationCode);
}

/** Whether the scope administers anything at all. */
export function administersAnyone(scope: AdministrationScope): boolean {
  return scope.everyone || scope.organisationCodes.length > 0;
}

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 80;
const USERNAME_PATTERN = /^[a-z0-9._-]+$/;

/**
 * The username as stored: trimmed and lower-cased, 3 to 80 of a-z, 0-9, `.`, `-` and `_`. Throws
 * USERNAME_INVALID (details: fields ['username']) otherwise.
 */
export function normaliseUsername(raw: string): string {
  const username = String(raw ?? '').trim().toLowerCase();
  if (username.length < USERNAME_MIN_LENGTH || username.length > USERNAME_MAX_LENGTH || !USERNAME_PATTERN.test(username)) {
    throw new DomainError(
      'USERNAME_INVALID',
      `A username has ${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters: letters, digits, full stops, hyphens and underscores.`,
      { fields: ['username'] },
    );
  }
  return username;
}

export const DISPLAY_NAME_MAX_LENGTH = 200;

/** The display name trimmed; throws DISPLAY_NAME_REQUIRED when blank or longer than 200 characters. */
export function normaliseDisplayName(raw: string): string {
  const displayName = String(raw ?? '').trim();
  if (displayName === '' || displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    throw new DomainError('DISPLAY_NAME_REQUIRED', `Enter a display name of at most ${DISPLAY_NAME_MAX_LENGTH} characters.`, { fields: ['displayName'] });
  }
  return displayName;
}

export const EMAIL_MAX_LENGTH = 254;
// One @, something either side, a dot in the domain, no spaces: a typing check, not proof of a mailbox.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The email trimmed, or null when blank or absent; throws EMAIL_INVALID when it is not an address. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  const email = String(raw ?? '').trim();
  if (email === '') return null;
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw new DomainError('EMAIL_INVALID', 'Enter an email address like name@nhs.net, or leave it blank.', { fields: ['email'] });
  }
  return email;
}
