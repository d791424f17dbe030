import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { administrableMock, ashford, leedsNorth } from './admin.fixtures';
import { UserAccountsQuery } from './user-accounts.operations';

jest.setTimeout(20_000);

const noFilter: Record<'search' | 'organisationCode' | 'role' | 'status', string | null> = { search: null, organisationCode: null, role: null, status: null };

const row = (id: string, displayName: string, username: string, organisation = ashford, status = 'ACTIVE') => ({
  __typename: 'UserAccount',
  id,
  username,
  displayName,
  email: null,
  homeOrganisation: organisation,
  status,
  roles: [{ __typename: 'RoleAssignment', role: 'FINANCE_OFFICER', organisation }],
});

function usersMock(filter: Partial<typeof noFilter>, nodes: ReturnType<typeof row>[], page: { after?: string | null; totalCount?: number; next?: string | null } = {}) {
  return {
    request: { query: UserAccountsQuery, variables: { filter: { ...noFilter, ...filter }, first: 25, after: page.after ?? null } },
    result: {
      data: {
        userAccounts: {
          __typename: 'UserAccountConnection',
          totalCount: page.totalCount ?? nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: Boolean(page.next), endCursor: page.next ?? null },
          nodes,
        },
      },
    },
  };
}

describe('the users list', () => {
  it('tells someone who is not an administrator that they cannot administer users, and asks the API nothing', async () => {
    renderApp('/admin/users', [viewerMock(demoCommissioningManager)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot administer users' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists each user with name, username, home organisation, roles and status, linking to the user page', async () => {
    renderApp('/admin/users', [viewerMock(demoAdmin), administrableMock(), usersMock({}, [row('41', 'Ashford Finance Officer', 'ashford-finance-officer'), row('7', 'Leeds Officer', 'leeds-officer', leedsNorth, 'DEACTIVATED')])]);
    const table = await screen.findByRole('table', { name: 'Users' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('Ashford Finance Officerashford-finance-officerNHS Ashford CCG (09C)Finance officer, 09CActive');
    expect(within(first).getByRole('link', { name: 'Ashford Finance Officer' })).toHaveAttribute('href', '/admin/users/41');
    expect(second).toHaveTextContent('Deactivated');
    expect(screen.getByText('2 users.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create a user' })).toHaveAttribute('href', '/admin/users/new');
    expect(screen.getByRole('link', { name: 'national sanction rates and contract management terms' })).toHaveAttribute('href', '/contracts/sanction-schedule');
    expect(within(screen.getByRole('navigation', { name: 'Areas' })).getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  });

  it('sends the search, organisation, role and status it is given, and says when nothing matches', async () => {
    renderApp('/admin/users', [
      viewerMock(demoAdmin),
      administrableMock(),
      usersMock({}, [row('41', 'Ashford Finance Officer', 'ashford-finance-officer')]),
      usersMock({ search: 'finance', organisationCode: '09C', role: 'FINANCE_OFFICER', status: 'PASSWORD_CHANGE_REQUIRED' }, []),
    ]);
    await screen.findByRole('table', { name: 'Users' });
    await userEvent.type(screen.getByLabelText('Username, name or email'), ' finance ');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Organisation' }), 'NHS Ashford CCG (09C)');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Finance officer');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Must change password');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No users match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('pages forwards with the cursor and back again', async () => {
    const firstPage = Array.from({ length: 25 }, (_, index) => row(String(index + 1), `User ${index + 1}`, `user-${index + 1}`));
    renderApp('/admin/users?role=FINANCE_OFFICER', [
      viewerMock(demoAdmin),
      administrableMock(),
      // Asked again on the way back (the list is read cache-and-network).
      { ...usersMock({ role: 'FINANCE_OFFICER' }, firstPage, { totalCount: 26, next: 'cursor-25' }), maxUsageCount: 2 },
      usersMock({ role: 'FINANCE_OFFICER' }, [row('26', 'User 26', 'user-26')], { after: 'cursor-25', totalCount: 26 }),
    ]);
    expect(await screen.findByText('26 users match these filters: 1 to 25 shown.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Previous/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next page of users' }));
    expect(await screen.findByRole('link', { name: 'User 26' })).toBeInTheDocument();
    expect(screen.getByText('26 users match these filters: 26 to 26 shown.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Next/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Previous page of users' }));
    expect(await screen.findByRole('link', { name: 'User 1' })).toBeInTheDocument();
  });

  it('takes an ODS code typed in when the administrator administers too many organisations to list', async () => {
    const many = Array.from({ length: 100 }, (_, index) => ({ ...ashford, code: `C${index}`, name: `CCG ${index}` }));
    renderApp('/admin/users', [viewerMock(demoAdmin), administrableMock(many), usersMock({}, []), usersMock({ organisationCode: '09C' }, [row('41', 'Ashford Finance Officer', 'ashford-finance-officer')])]);
    expect(await screen.findByText('There are no users you can administer yet.')).toBeInTheDocument();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Organisation' }), '09c');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByRole('link', { name: 'Ashford Finance Officer' })).toBeInTheDocument();
  });
});
