import { screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { PublishedAssuranceQuery } from '../assurance/ccg-assurance.operations';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';

describe('the home page', () => {
  it('gives a visitor who is not signed in a public home: providers, published assurance, annual reports, and sign-in as one link (issue 20)', async () => {
    renderApp('/', [viewerMock(null)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'CCG Assure' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in to CCG Assure' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Provider scorecards' })).toHaveAttribute('href', '/providers');
    expect(screen.getByRole('link', { name: 'All providers on one page' })).toHaveAttribute('href', '/providers/grid');
    expect(screen.getByRole('link', { name: '2015/16' })).toHaveAttribute('href', '/assurance/reports/england/2015-16');
    expect(screen.getByRole('link', { name: '2013/14' })).toHaveAttribute('href', '/assurance/reports/england/2013-14');
    expect(screen.getAllByRole('link', { name: 'Sign in' }).map((link) => link.getAttribute('href'))).toEqual(['/sign-in', '/sign-in']);
  });

  it('takes a CCG code to its published assurance, and asks for a code in the NHS error summary when none is given', async () => {
    const published = { request: { query: PublishedAssuranceQuery, variables: { ccg: '02V' } }, result: { errors: [new GraphQLError('No such CCG.', { extensions: { code: 'NOT_FOUND' } })] } };
    renderApp('/', [viewerMock(null), published]);
    await userEvent.click(await screen.findByRole('button', { name: 'Show its assurance' }));
    const problems = screen.getByRole('alert');
    expect(problems).toHaveTextContent('Enter the CCG’s ODS code, for example 02V');
    await waitFor(() => expect(document.activeElement).toBe(problems));
    await userEvent.type(screen.getByRole('textbox', { name: /published assurance/ }), '02v');
    await userEvent.click(screen.getByRole('button', { name: 'Show its assurance' }));
    // the public assurance page takes over (it asks the API for 02V's published assurance)
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'CCG Assure' })).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('welcomes a signed-in user by name', async () => {
    renderApp('/', [viewerMock(demoCommissioningManager)]);
    expect(await screen.findByRole('heading', { name: 'Welcome, Demo Commissioning Manager' })).toBeInTheDocument();
  });
});
