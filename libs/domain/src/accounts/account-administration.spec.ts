import { domainErrorOf } from '../testing/domain-error-of';
import {
  ACCOUNT_ROLES,
  COMMISSIONING_ORGANISATION_TYPES,
  administersAccount,
  administersAnyone,
  administersOrganisation,
  administrationScopeOf,
  normaliseDisplayName,
  normaliseEmail,
  normaliseUsername,
  requireRoleFitsOrganisation,
  roleFitsOrganisation,
} from './account-administration';

describe('which role fits which organisation', () => {
  it.each([
    ['FINANCE_OFFICER', ['CCG']],
    ['COMMISSIONING_MANAGER', ['CCG']],
    ['ASSESSOR', ['NHS_ENGLAND', 'REGION', 'AREA_TEAM']],
    ['BOARD_MEMBER', ['NHS_ENGLAND', 'REGION', 'AREA_TEAM', 'CCG']],
    ['ANALYST', ['NHS_ENGLAND', 'REGION', 'AREA_TEAM', 'CCG', 'COMMISSIONING_SUPPORT_UNIT']],
    ['ADMIN', ['NHS_ENGLAND', 'REGION', 'AREA_TEAM', 'CCG', 'COMMISSIONING_SUPPORT_UNIT']],
  ] as const)('%s is held for %j only', (role, types) => {
    for (const type of [...COMMISSIONING_ORGANISATION_TYPES, 'NHS_TRUST', 'GP_PRACTICE', 'OTHER']) {
      expect([type, roleFitsOrganisation(role, type)]).toEqual([type, (types as readonly string[]).includes(type)]);
    }
  });

  it('names every role', () => {
    expect(ACCOUNT_ROLES).toHaveLength(6);
  });

  it('refuses a role for the wrong kind of organisation with ROLE_NOT_FOR_ORGANISATION', () => {
    const error = domainErrorOf(() => requireRoleFitsOrganisation('FINANCE_OFFICER', 'NHS_ENGLAND'));
    expect(error.code).toBe('ROLE_NOT_FOR_ORGANISATION');
    expect(error.details).toEqual({ role: 'FINANCE_OFFICER', organisationType: 'NHS_ENGLAND', allowedTypes: ['CCG'] });
    expect(() => requireRoleFitsOrganisation('ASSESSOR', 'REGION')).not.toThrow();
  });
});

describe('administration scope', () => {
  const national = administrationScopeOf([{ code: 'X24', type: 'NHS_ENGLAND' }]);
  const ccg = administrationScopeOf([{ code: '02V', type: 'CCG' }]);
  const none = administrationScopeOf([]);

  it('lets an administrator of NHS England administer every account, old accounts with no home included', () => {
    expect(national.everyone).toBe(true);
    expect(administersAccount(national, '02V')).toBe(true);
    expect(administersAccount(national, null)).toBe(true);
    expect(administersOrganisation(national, '03R')).toBe(true);
  });

  it('lets a CCG administrator administer only accounts whose home is that CCG, and only its roles', () => {
    expect(ccg).toEqual({ everyone: false, organisationCodes: ['02V'] });
    expect(administersAccount(ccg, '02V')).toBe(true);
    expect(administersAccount(ccg, '03R')).toBe(false);
    expect(administersAccount(ccg, null)).toBe(false);
    expect(administersOrganisation(ccg, '02V')).toBe(true);
    expect(administersOrganisation(ccg, 'X24')).toBe(false);
  });

  it('gives someone with no ADMIN role no one', () => {
    expect(administersAnyone(none)).toBe(false);
    expect(administersAnyone(ccg)).toBe(true);
    expect(administersAccount(none, '02V')).toBe(false);
  });
});

describe('account details', () => {
  it.each([
    ['Jo.Bloggs', 'jo.bloggs'],
    ['  ab_c-1  ', 'ab_c-1'],
    ['x'.repeat(80), 'x'.repeat(80)],
  ])('normalises the username %j to %j', (raw, expected) => {
    expect(normaliseUsername(raw)).toBe(expected);
  });

  it.each(['ab', 'x'.repeat(81), 'jo bloggs', 'jo@nhs', 'émile', ''])('refuses the username %j as USERNAME_INVALID', (raw) => {
    const error = domainErrorOf(() => normaliseUsername(raw));
    expect(error.code).toBe('USERNAME_INVALID');
    expect(error.details).toEqual({ fields: ['username'] });
  });

  it('trims the display name and refuses a blank one', () => {
    expect(normaliseDisplayName('  Jo Bloggs ')).toBe('Jo Bloggs');
    expect(domainErrorOf(() => normaliseDisplayName('   ')).code).toBe('DISPLAY_NAME_REQUIRED');
    expect(domainErrorOf(() => normaliseDisplayName('x'.repeat(201))).code).toBe('DISPLAY_NAME_REQUIRED');
  });

  it.each([
    [null, null],
    ['', null],
    ['  ', null],
    [' jo.bloggs@nhs.net ', 'jo.bloggs@nhs.net'],
  ])('reads the email %j as %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each(['jo', 'jo@nhs', 'jo @nhs.net', 'jo@@nhs.net', `${'x'.repeat(250)}@nhs.net`])('refuses the email %j as EMAIL_INVALID', (raw) => {
    const error = domainErrorOf(() => normaliseEmail(raw));
    expect(error.code).toBe('EMAIL_INVALID');
    expect(error.details).toEqual({ fields: ['email'] });
  });
});
