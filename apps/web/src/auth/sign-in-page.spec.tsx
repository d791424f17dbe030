import { GraphQLError } from 'graphql';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { SignInMutation } from './viewer.operations';

const signInMock = (password: string, result: { errors?: GraphQLError[]; data?: Record<string, unknown> }) => ({
  request: { query: SignInMutation, variables: { input: { username: 'demo-commissioning-manager', password } } },
  result,
});

describe('sign-in page', () => {
  it('sends a visitor of a signed-in page to sign in', async () => {
    renderApp('/finance', [viewerMock(null)]);
    expect(await screen.findByRole('heading', { name: 'Sign in to CCG Assure' })).toBeInTheDocument();
  });

  it('lists every missing field in an error summary that takes focus, and sends nothing', async () => {
    renderApp('/sign-in', [viewerMock(null)]);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter your username');
    expect(summary).toHaveTextContent('Enter your password');
    await waitFor(() => expect(document.activeElement).toContainElement(summary));
    expect(screen.getByLabelText(/Username/)).toHaveAccessibleDescription(/Enter your username/);
  });

  it('says the username or password is not right when the API refuses them, and clears the password', async () => {
    const refused = new GraphQLError('The username or password is not right.', { extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } });
    renderApp('/sign-in', [viewerMock(null), signInMock('wrong-password', { errors: [refused] })]);
    await userEvent.type(await screen.findByLabelText(/Username/), 'demo-commissioning-manager');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The username or password is not right');
    expect(screen.getByLabelText(/Password/)).toHaveValue('');
  });

  it('says how long to wait when sign-in is locked after too many attempts', async () => {
    const locked = new GraphQLError('Too many attempts.', { extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 601 } } });
    renderApp('/sign-in', [viewerMock(null), signInMock('wrong-password', { errors: [locked] })]);
    await userEvent.type(await screen.findByLabelText(/Username/), 'demo-commissioning-manager');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There have been too many attempts to sign in. Wait 11 minutes, then try again');
  });

  it('signs in and returns to the page that was asked for, showing the user in the header', async () => {
    renderApp('/sign-in?returnTo=%2Ffinance', [
      viewerMock(null),
      signInMock('demo-password', { data: { signIn: { id: demoCommissioningManager.id } } }),
      viewerMock(demoCommissioningManager),
    ]);
    await userEvent.type(await screen.findByLabelText(/Username/), 'demo-commissioning-manager');
    await userEvent.type(screen.getByLabelText(/Password/), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Finance' })).toBeInTheDocument();
    expect(screen.getByText('Demo Commissioning Manager')).toBeInTheDocument();
  });
});
