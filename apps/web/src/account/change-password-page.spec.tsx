import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { ChangePasswordMutation } from './account.operations';

jest.setTimeout(20_000);

const NEW_PASSWORD = 'kettle harbour violet lantern';
const oneTimeViewer = { ...demoCommissioningManager, mustChangePassword: true };

const changeMock = (currentPassword: string, result: { errors?: GraphQLError[]; data?: Record<string, unknown> }) => ({
  request: { query: ChangePasswordMutation, variables: { input: { currentPassword, newPassword: NEW_PASSWORD } } },
  result,
});
const changed = { data: { changePassword: { __typename: 'Viewer', ...demoCommissioningManager, mustChangePassword: false } } };

async function change(current: string, next = NEW_PASSWORD, confirm = next) {
  if (current) await userEvent.type(await screen.findByLabelText(/One-time password|Current password/), current);
  if (next) await userEvent.type(screen.getByLabelText('New password'), next);
  if (confirm) await userEvent.type(screen.getByLabelText('Confirm the new password'), confirm);
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('changing your password', () => {
  it('sends a user with a one-time password to change it before any signed-in page, then on to the page asked for', async () => {
    renderApp('/?tab=1', [viewerMock(oneTimeViewer), changeMock('K7QF-3MZP-8WXD-2HRT', changed)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Change your one-time password' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Welcome/ })).toBeNull();
    await change('K7QF-3MZP-8WXD-2HRT');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Demo Commissioning Manager' })).toBeInTheDocument();
  });

  it('keeps a user with a one-time password on the change page whichever page they try', async () => {
    renderApp('/account/sessions', [viewerMock(oneTimeViewer)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Change your one-time password' })).toBeInTheDocument();
    expect(screen.getByLabelText('One-time password')).toHaveAttribute('autocomplete', 'current-password');
  });

  it('says the rules, checks the two copies match and the length before sending anything', async () => {
    renderApp('/account/password', [viewerMock(demoCommissioningManager)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Change your password' })).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/At least 12 characters. It must not contain your username or be a common password/);
    await change('demo-password', 'short', 'short');
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Your new password must be at least 12 characters');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.clear(screen.getByLabelText('Confirm the new password'));
    await change('demo-password', NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The passwords do not match'));
    expect(screen.getByLabelText('Confirm the new password')).toHaveAccessibleDescription(/The passwords do not match/);
  });

  it.each([
    ['PASSWORD_TOO_COMMON', 'New password', 'That password is too common and easy to guess: choose another'],
    ['PASSWORD_CONTAINS_USERNAME', 'New password', 'Your new password must not contain your username'],
    ['PASSWORD_UNCHANGED', 'New password', 'Your new password must be different from the one you have now'],
    ['CURRENT_PASSWORD_WRONG', 'Current password', 'Your current password is not right'],
  ])('puts the refusal %s against the field it concerns', async (reason, label, message) => {
    const refused = new GraphQLError('Refused.', { extensions: { code: 'BAD_USER_INPUT', reason } });
    renderApp('/account/password', [viewerMock(demoCommissioningManager), changeMock('demo-password', { errors: [refused] })]);
    await change('demo-password');
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: message })).toHaveAttribute('href', `#${label === 'New password' ? 'new-password' : 'current-password'}`);
    expect(screen.getByLabelText(label)).toHaveAccessibleDescription(new RegExp(message));
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('says how long to wait when wrong current passwords have locked the account for a while', async () => {
    const locked = new GraphQLError('Too many.', { extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 540 } } });
    renderApp('/account/password', [viewerMock(demoCommissioningManager), changeMock('demo-password', { errors: [locked] })]);
    await change('demo-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('There have been too many wrong passwords. Wait 9 minutes, then try again');
  });

  it('says the password changed and other sessions ended, and stays on the page', async () => {
    renderApp('/account/password', [viewerMock(demoCommissioningManager), changeMock('demo-password', changed)]);
    await change('demo-password');
    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Any other sessions you had have been ended');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('is offered under the user’s name in the header, with their sessions', async () => {
    renderApp('/', [viewerMock(demoCommissioningManager)]);
    const account = await screen.findByRole('navigation', { name: 'Your account' });
    expect(within(account).getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/account/password');
    expect(within(account).getByRole('link', { name: 'Your sessions' })).toHaveAttribute('href', '/account/sessions');
  });
});
