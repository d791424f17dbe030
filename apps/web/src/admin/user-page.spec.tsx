import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoAdmin, renderApp, viewerMock } from '../testing/render-app';
import { account, accountMock, administrableMock, leedsNorth } from './admin.fixtures';
import { offeredAccountActions } from './user-page';
import { AssignRoleMutation, DeactivateUserAccountMutation, RemoveRoleMutation, ResetUserPasswordMutation } from './user-accounts.operations';

jest.setTimeout(20_000);

const refusal = (reason: string, code = 'FORBIDDEN', fields?: string[]) => new GraphQLError('Refused.', { extensions: { code, reason, ...(fields ? { details: { fields } } : {}) } });

describe('the user page', () => {
  it('shows the details, roles and live sessions', async () => {
    renderApp('/admin/users/41', [viewerMock(demoAdmin), accountMock(), administrableMock()]);
    expect(await screen.findByRole('heading', { level: 1, name: /Ashford Finance Officer/ })).toBeInTheDocument();
    expect(screen.getByText('finance@ashford.example.nhs.uk')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: "Ashford Finance Officer's roles" })).getByRole('row', { name: /Finance officer NHS Ashford CCG \(09C\)/ })).toBeInTheDocument();
    const sessions = screen.getByRole('table', { name: "Ashford Finance Officer's sessions" });
    expect(within(sessions).getAllByRole('row')[1]).toHaveTextContent('Chrome on Windows1 December 2026 at 09:156 December 2026 at 08:008 December 2026 at 09:1510.0.0.7');
  });

  it('offers only the actions the API lists in availableActions', async () => {
    renderApp('/admin/users/41', [viewerMock(demoAdmin), accountMock(account({ status: 'DEACTIVATED', sessions: [] }, ['REACTIVATE']))]);
    await screen.findByRole('heading', { level: 1, name: /Ashford Finance Officer/ });
    const actions = screen.getByRole('region', { name: 'Manage the account' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Reactivate']);
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add a role' })).toBeNull();
    expect(screen.getByText('Ashford Finance Officer is not signed in anywhere.')).toBeInTheDocument();
  });

  it('never offers a lifecycle move the domain forbids from the status, even if a stale list has it', () => {
    expect(offeredAccountActions({ status: 'DEACTIVATED', availableActions: ['EDIT', 'DEACTIVATE', 'RESET_PASSWORD', 'REACTIVATE'] })).toEqual(['EDIT', 'REACTIVATE']);
    expect(offeredAccountActions({ status: 'ACTIVE', availableActions: ['REACTIVATE', 'RESET_PASSWORD', 'ASSIGN_ROLE'] })).toEqual(['RESET_PASSWORD', 'ASSIGN_ROLE']);
  });

  it('offers nothing to change when the API lists no actions (an account of an organisation one does not administer)', async () => {
    renderApp('/admin/users/41', [viewerMock(demoAdmin), accountMock(account({}, []))]);
    expect(await screen.findByText('There is nothing you can change about this account.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit details|Reset password|Deactivate|Reactivate|Remove/ })).toBeNull();
  });

  it('resets the password after confirmation and shows the new one-time password once', async () => {
    renderApp('/admin/users/41', [
      viewerMock(demoAdmin),
      accountMock(),
      administrableMock(),
      {
        request: { query: ResetUserPasswordMutation, variables: { input: { userId: '41', reason: 'Forgotten' } } },
        result: { data: { resetUserPassword: { __typename: 'AccountWithOneTimePassword', account: account({ status: 'PASSWORD_CHANGE_REQUIRED', sessions: [] }), oneTimePassword: 'Q2RM-7TXW-4KPA-9BZD' } } },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password' }));
    const confirmation = screen.getByRole('form', { name: 'Reset the password' });
    expect(confirmation).toHaveTextContent('gets a new one-time password, shown here once');
    await userEvent.type(within(confirmation).getByLabelText(/Reason/), 'Forgotten');
    await userEvent.click(within(confirmation).getByRole('button', { name: 'Reset the password' }));
    const panel = await screen.findByRole('region', { name: 'New one-time password for Ashford Finance Officer' });
    expect(panel).toHaveTextContent('Q2RM-7TXW-4KPA-9BZD');
    expect(screen.getByText('Must change password')).toBeInTheDocument();
    expect(screen.getByText('The password was reset.')).toBeInTheDocument();
  });

  it('asks why before deactivating, warns that sessions end, and says when the API refuses the last administrator', async () => {
    renderApp('/admin/users/41', [
      viewerMock(demoAdmin),
      accountMock(),
      administrableMock(),
      { request: { query: DeactivateUserAccountMutation, variables: { input: { userId: '41', reason: 'Left the CCG' } } }, result: { errors: [refusal('LAST_ADMINISTRATOR', 'CONFLICT')] } },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate' }));
    const confirmation = screen.getByRole('form', { name: 'Deactivate the account' });
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
    expect(confirmation).toHaveAccessibleDescription('Ashford Finance Officer cannot sign in until the account is reactivated. Their roles are kept. Ashford Finance Officer will be signed out of every session now.');
    await userEvent.click(within(confirmation).getByRole('button', { name: 'Deactivate the account' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter why the account is being deactivated');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    await userEvent.type(within(confirmation).getByLabelText('Why is it being deactivated?'), 'Left the CCG');
    await userEvent.click(within(confirmation).getByRole('button', { name: 'Deactivate the account' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This is the last administrator who could do this.'));
  });

  it('removes a role only after confirmation, and says the API refused a change of one’s own access', async () => {
    renderApp('/admin/users/41', [
      viewerMock(demoAdmin),
      accountMock(),
      administrableMock(),
      { request: { query: RemoveRoleMutation, variables: { input: { userId: '41', role: 'FINANCE_OFFICER', organisationCode: '09C' } } }, result: { errors: [refusal('CANNOT_CHANGE_OWN_ACCESS')] } },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Finance officer, NHS Ashford CCG (09C)' }));
    const confirm = screen.getByRole('group', { name: 'Remove Finance officer, NHS Ashford CCG (09C)?' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(confirm).toHaveAccessibleDescription(/Ashford Finance Officer loses what the role allows at once/);
    await userEvent.keyboard('{Tab}{Tab}{Enter}');
    expect(screen.queryByRole('group')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove Finance officer, NHS Ashford CCG (09C)' })));
    await userEvent.click(screen.getByRole('button', { name: 'Remove Finance officer, NHS Ashford CCG (09C)' }));
    await userEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Remove the role' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot change your own access. Ask another administrator to do it.');
  });

  it('adds a role, and puts a refusal against the field it concerns', async () => {
    const withBoth = account({ roles: [...account().roles, { role: 'COMMISSIONING_MANAGER', organisation: leedsNorth }] });
    renderApp('/admin/users/41', [
      viewerMock(demoAdmin),
      accountMock(),
      administrableMock(),
      { request: { query: AssignRoleMutation, variables: { input: { userId: '41', role: 'BOARD_MEMBER', organisationCode: '02V' } } }, result: { errors: [refusal('ROLE_NOT_FOR_ORGANISATION', 'BAD_USER_INPUT', ['organisationCode'])] } },
      { request: { query: AssignRoleMutation, variables: { input: { userId: '41', role: 'COMMISSIONING_MANAGER', organisationCode: '02V' } } }, result: { data: { assignRole: withBoth } } },
    ]);
    const form = await screen.findByRole('form', { name: 'Add a role' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Board member');
    await userEvent.selectOptions(await within(form).findByRole('combobox', { name: 'Organisation the role is for' }), 'NHS Leeds North CCG (02V)');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the role' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That role cannot be held for that organisation');
    expect(within(form).getByRole('combobox', { name: 'Organisation the role is for' })).toHaveAccessibleDescription(/That role cannot be held for that organisation/);
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Commissioning manager');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the role' }));
    expect(await screen.findByText('Added the role Commissioning manager for 02V.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: "Ashford Finance Officer's roles" })).getByRole('row', { name: /Commissioning manager NHS Leeds North CCG \(02V\)/ })).toBeInTheDocument();
  });
});
