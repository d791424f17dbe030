import { screen, within } from '@testing-library/react';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';

describe('layout', () => {
  it("shows the signed-in user's name, role and organisation, and the areas", async () => {
    renderApp('/', [viewerMock(demoCommissioningManager)]);
    const account = await screen.findByRole('navigation', { name: 'Your account' });
    expect(account).toHaveTextContent('Demo Commissioning Manager');
    expect(account).toHaveTextContent('Commissioning manager, NHS LEEDS NORTH CCG (02V)');
    const areas = screen.getByRole('navigation', { name: 'Areas' });
    expect(within(areas).getAllByRole('link').map((link) => link.textContent)).toEqual(['Providers', 'What needs attention', 'Finance', 'Assurance', 'Contracts', 'Escalation', 'Performance reports']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('marks the area of the current page for assistive technology', async () => {
    renderApp('/finance/check', [viewerMock(demoCommissioningManager)]);
    const areas = await screen.findByRole('navigation', { name: 'Areas' });
    expect(within(areas).getByRole('link', { name: 'Finance' })).toHaveAttribute('aria-current', 'true');
    expect(within(areas).getByRole('link', { name: 'Assurance' })).not.toHaveAttribute('aria-current');
  });

  it('offers the public areas on the sign-in page too, and no account to somebody not signed in (issue 20)', async () => {
    renderApp('/sign-in', [viewerMock(null)]);
    await screen.findByRole('heading', { name: 'Sign in to CCG Assure' });
    const areas = await screen.findByRole('navigation', { name: 'Areas' });
    expect(within(areas).getAllByRole('link').map((link) => link.textContent)).toEqual(['Providers']);
    expect(screen.getByRole('link', { name: 'see what is published' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('offers a visitor who is not signed in the public Providers area and a way to sign in', async () => {
    renderApp('/no-such-page', [viewerMock(null)]);
    const areas = await screen.findByRole('navigation', { name: 'Areas' });
    expect(within(areas).getAllByRole('link').map((link) => link.textContent)).toEqual(['Providers']);
    expect(within(screen.getByRole('navigation', { name: 'Your account' })).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('answers an unknown address with a page-not-found page', async () => {
    renderApp('/no-such-page', [viewerMock(demoCommissioningManager)]);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
