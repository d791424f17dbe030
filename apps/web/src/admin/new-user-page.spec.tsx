import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoAdmin, renderApp, viewerMock } from '../testing/render-app';
import { account, accountMock, administrableMock } from './admin.fixtures';
import { CreateUserAccountMutation } from './user-accounts.operations';

jest.setTimeout(20_000);

const input = {
  username: 'ashford-finance-officer',
  displayName: 'Ashford Finance Officer',
  email: null,
  homeOrganisationCode: '09C',
  roles: [{ role: 'FINANCE_OFFICER', organisationCode: '09C' }],
};

const refusal = (reason: string, fields: string[]) => new GraphQLError('Refused.', { extensions: { code: 'BAD_USER_INPUT', reason, details: { fields } } });

const createMock = (result: { errors?: GraphQLError[]; data?: Record<string, unknown> }) => ({ request: { query: CreateUserAccountMutation, variables: { input } }, result });

async function fillIn() {
  await userEvent.type(await screen.findByRole('textbox', { name: /Username/ }), 'ashford-finance-officer');
  await userEvent.type(screen.getByRole('textbox', { name: /Full name/ }), 'Ashford Finance Officer');
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: /Home organisation/ }), 'NHS Ashford CCG (09C)');
  await userEvent.click(screen.getByRole('radio', { name: 'Finance officer' }));
  await userEvent.click(screen.getByRole('button', { name: 'Create the user' }));
}

describe('creating a user', () => {
  it('lists every missing field in an error summary that takes focus, and sends nothing', async () => {
    renderApp('/admin/users/new', [viewerMock(demoAdmin), administrableMock()]);
    await userEvent.type(await screen.findByRole('textbox', { name: /Email address/ }), 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: 'Create the user' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Enter a username',
      "Enter the user's name",
      'Enter an email address in the correct format, like name@example.nhs.uk',
      "Enter the user's home organisation",
      'Select the role the user will have',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('textbox', { name: /Username/ })).toHaveAccessibleDescription(/Enter a username/);
  });

  it('checks the role fits the organisation when the page knows its type, and sends nothing', async () => {
    renderApp('/admin/users/new', [viewerMock(demoAdmin), administrableMock()]);
    await userEvent.type(await screen.findByRole('textbox', { name: /Username/ }), 'Ashford.Assessor');
    await userEvent.type(screen.getByRole('textbox', { name: /Full name/ }), 'Ashford Assessor');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: /Home organisation/ }), 'NHS Ashford CCG (09C)');
    expect(screen.getByRole('radio', { name: 'Assessor' })).toHaveAccessibleDescription('For NHS England, a region or an area team');
    await userEvent.click(screen.getByRole('radio', { name: 'Assessor' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create the user' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['That role cannot be held for that organisation: choose another role or organisation']);
  });

  it.each([
    ['USERNAME_TAKEN', ['username'], /Username/, 'That username is already taken: choose another'],
    ['USERNAME_INVALID', ['username'], /Username/, 'Enter a username of 3 to 80 letters, numbers, full stops, hyphens or underscores'],
    ['EMAIL_INVALID', ['email'], /Email address/, 'Enter an email address in the correct format, like name@example.nhs.uk'],
    ['ORGANISATION_UNKNOWN', ['homeOrganisationCode'], /Home organisation/, 'There is no organisation with that code: check the ODS code'],
    ['ROLE_NOT_FOR_ORGANISATION', ['roles.0.organisationCode'], /Organisation the role is for/, 'That role cannot be held for that organisation: choose another role or organisation'],
    ['NOT_YOUR_ACCOUNT_TO_ADMINISTER', ['homeOrganisationCode'], /Home organisation/, 'You do not administer that organisation, so you cannot give or change access there'],
  ])('says %s against the field the API names', async (reason, fields, label, message) => {
    renderApp('/admin/users/new', [viewerMock(demoAdmin), administrableMock(), createMock({ errors: [refusal(reason, fields)] })]);
    await fillIn();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: message })).toBeInTheDocument();
    expect(screen.getAllByLabelText(label)[0]).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('shows the one-time password once, with how to pass it on, and the user page does not show it again', async () => {
    renderApp('/admin/users/new', [
      viewerMock(demoAdmin),
      administrableMock(),
      createMock({ data: { createUserAccount: { __typename: 'AccountWithOneTimePassword', account: account({ status: 'PASSWORD_CHANGE_REQUIRED', sessions: [] }), oneTimePassword: 'K7QF-3MZP-8WXD-2HRT' } } }),
      accountMock(account({ status: 'PASSWORD_CHANGE_REQUIRED', sessions: [] })),
    ]);
    await fillIn();
    expect(await screen.findByRole('heading', { level: 1, name: 'User created' })).toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'One-time password for Ashford Finance Officer' });
    expect(panel).toHaveTextContent('K7QF-3MZP-8WXD-2HRT');
    expect(panel).toHaveTextContent('Give the password to the user by a secure route');
    expect(panel).toHaveTextContent('They must change it when they first sign in');
    expect(panel).toHaveTextContent('This is the only time it is shown.');
    await waitFor(() => expect(document.activeElement).toBe(panel));
    await userEvent.click(screen.getByRole('link', { name: "Go to Ashford Finance Officer's page" }));
    expect(await screen.findByRole('heading', { level: 1, name: /Ashford Finance Officer/ })).toBeInTheDocument();
    expect(screen.getByText('Must change password')).toBeInTheDocument();
    expect(screen.queryByText('K7QF-3MZP-8WXD-2HRT')).toBeNull();
  });
});
