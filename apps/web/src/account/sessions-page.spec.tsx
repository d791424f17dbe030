import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '../admin/admin.fixtures';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { EndSessionMutation, MySessionsQuery } from './account.operations';

jest.setTimeout(20_000);

const here = session({ id: 's-here', current: true, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
const phone = session({ id: 's-phone', createdAt: '2026-12-02T18:30:00Z', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1' });

describe('your sessions', () => {
  it('lists where the user is signed in, marks this session, and ends another after confirmation', async () => {
    renderApp('/account/sessions', [
      viewerMock(demoCommissioningManager),
      { request: { query: MySessionsQuery }, result: { data: { mySessions: [here, phone] } } },
      { request: { query: EndSessionMutation, variables: { id: 's-phone' } }, result: { data: { endSession: [here] } } },
    ]);
    const table = await screen.findByRole('table', { name: 'Your sessions' });
    const [current, other] = within(table).getAllByRole('row').slice(1);
    expect(current).toHaveTextContent('Firefox on Linux This session');
    expect(within(current).queryByRole('button')).toBeNull();
    expect(other).toHaveTextContent('Safari on iOS');
    await userEvent.click(within(other).getByRole('button', { name: /End session/ }));
    const confirm = within(other).getByRole('group', { name: 'End this session?' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    await userEvent.click(within(confirm).getByRole('button', { name: 'End the session' }));
    expect(await screen.findByText('Ended the session in Safari on iOS that signed in on 2 December 2026 at 18:30.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Your sessions' })).getAllByRole('row')).toHaveLength(2);
  });

  it('cancels without ending anything', async () => {
    renderApp('/account/sessions', [viewerMock(demoCommissioningManager), { request: { query: MySessionsQuery }, result: { data: { mySessions: [here, phone] } } }]);
    const table = await screen.findByRole('table', { name: 'Your sessions' });
    await userEvent.click(within(table).getByRole('button', { name: /End session/ }));
    await userEvent.click(within(table).getByRole('button', { name: 'Cancel' }));
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await waitFor(() => expect(document.activeElement).toBe(within(table).getByRole('button', { name: /End session/ })));
  });
});
