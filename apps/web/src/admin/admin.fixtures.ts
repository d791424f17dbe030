import type { AccountAction, UserAccountFieldsFragment, UserSessionFieldsFragment } from '../gql/graphql';
import { AdministrableOrganisationsQuery, UserAccountQuery } from './user-accounts.operations';

export const leedsNorth = { __typename: 'Organisation' as const, code: '02V', name: 'NHS LEEDS NORTH CCG' };
export const ashford = { __typename: 'Organisation' as const, code: '09C', name: 'NHS ASHFORD CCG' };

export function session(overrides: Partial<UserSessionFieldsFragment> = {}): UserSessionFieldsFragment {
  return {
    __typename: 'UserSession',
    id: 's-1',
    createdAt: '2026-12-01T09:15:00Z',
    expiresAt: '2026-12-08T09:15:00Z',
    lastSeenAt: '2026-12-06T08:00:00Z',
    clientAddress: '10.0.0.7',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    current: false,
    ...overrides,
  } as UserSessionFieldsFragment;
}

/** An Ashford finance officer's account as the user page reads it. */
export function account(overrides: Partial<UserAccountFieldsFragment> = {}, availableActions: AccountAction[] = ['EDIT', 'RESET_PASSWORD', 'DEACTIVATE', 'ASSIGN_ROLE', 'REMOVE_ROLE']): UserAccountFieldsFragment {
  return {
    __typename: 'UserAccount',
    id: '41',
    username: 'ashford-finance-officer',
    displayName: 'Ashford Finance Officer',
    email: 'finance@ashford.example.nhs.uk',
    homeOrganisation: ashford,
    status: 'ACTIVE',
    createdAt: '2026-11-30T10:00:00Z',
    lastSignInAt: '2026-12-06T07:55:00Z',
    roles: [{ __typename: 'RoleAssignment', role: 'FINANCE_OFFICER', organisation: ashford }],
    sessions: [session()],
    availableActions,
    ...overrides,
  } as UserAccountFieldsFragment;
}

/** The organisations a CCG administrator administers: few enough to list. */
export const administrableMock = (organisations = [ashford, leedsNorth]) => ({
  request: { query: AdministrableOrganisationsQuery, variables: { first: 100 } },
  maxUsageCount: 5,
  result: { data: { administrableOrganisations: organisations.map((organisation) => ({ ...organisation, type: 'CCG' })) } },
});

/** The user page's query answered with the account. */
export const accountMock = (answer: UserAccountFieldsFragment | null = account()) => ({
  request: { query: UserAccountQuery, variables: { id: answer?.id ?? '41' } },
  result: { data: { userAccount: answer } },
});
