import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { cet, cmb, integrated, item, itemMock } from './escalation.fixtures';
import { CcgBoardsQuery, MoveEscalationItemMutation, RecordEscalationNoteMutation } from './escalation.operations';
import { offeredItemActions } from './item-moves';

jest.setTimeout(20_000);

const signedIn = viewerMock(demoCommissioningManager);
const steps = () => {
  const section = screen.queryByRole('region', { name: 'What you can do' });
  return section ? within(section).queryAllByRole('button').map((button) => button.textContent) : [];
};

describe('the steps offered on an item', () => {
  it('are those the API lists that the table allows from the status, with somewhere to go', () => {
    const base = { nextBoards: [cet], previousBoards: [] };
    expect(offeredItemActions({ ...base, status: 'OPEN', availableActions: ['ESCALATE', 'DE_ESCALATE', 'RECORD_NOTE', 'REOPEN'] })).toEqual(['ESCALATE', 'RECORD_NOTE']);
    expect(offeredItemActions({ ...base, status: 'CLOSED', availableActions: ['REOPEN', 'RECORD_NOTE'] })).toEqual(['REOPEN']);
    expect(offeredItemActions({ ...base, nextBoards: [], status: 'OPEN', availableActions: ['ESCALATE'] })).toEqual([]);
  });
});

describe('an escalation item', () => {
  it('shows its facts in words and its timeline with who, when, what and why', async () => {
    const escalated = item({
      board: { ...cet, members: [] },
      history: [
        ...item().history,
        {
          at: '2026-12-03T14:05:00Z',
          actor: 'Demo Board Member',
          action: 'ESCALATE',
          actionLabel: 'Escalate to the next board',
          moveKind: 'ESCALATION',
          reason: 'Third month below the standard',
          decision: null,
          fromBoard: { id: integrated.id, name: integrated.name },
          toBoard: { id: cet.id, name: cet.name },
          meeting: null,
        },
      ] as never,
    });
    renderApp('/escalation/items/i1', [signedIn, itemMock(escalated)]);
    expect(await screen.findByRole('heading', { level: 1, name: /RR8 four-hour A&E standard failing/ })).toBeInTheDocument();
    expect(screen.getByText('High', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(screen.getByText('March 2019')).toBeInTheDocument();
    expect(screen.getByText('15 January 2027')).toBeInTheDocument();
    expect(screen.queryByText('KPI_BREACH')).not.toBeInTheDocument();
    const timeline = within(screen.getByRole('region', { name: 'Timeline' }));
    expect(timeline.getByText('1 December 2026 at 09:30 by Demo Commissioning Manager')).toBeInTheDocument();
    expect(timeline.getByText('From Integrated Performance and Delivery Board to Commissioning Executive Team')).toBeInTheDocument();
    expect(timeline.getByText('Why: Third month below the standard')).toBeInTheDocument();
    expect(timeline.getByText('3 December 2026 at 14:05 by Demo Board Member')).toBeInTheDocument();
  });

  it('offers only the steps the API allows: no move off the route unless listed', async () => {
    renderApp('/escalation/items/i1', [signedIn, itemMock(item())]);
    await screen.findByRole('heading', { level: 1, name: /RR8 four-hour/ });
    expect(steps()).toEqual(['Escalate to the next board', 'Record a note', 'Add an action', 'Close the item']);
    expect(screen.queryByRole('button', { name: 'Move to a board off the escalation route' })).not.toBeInTheDocument();
  });

  it('offers a reader who may take no step nothing to press', async () => {
    renderApp('/escalation/items/i1', [signedIn, itemMock(item({ availableActions: [] }))]);
    await screen.findByRole('heading', { level: 1, name: /RR8 four-hour/ });
    expect(screen.queryByRole('region', { name: 'What you can do' })).not.toBeInTheDocument();
  });

  it('escalates to the chosen next board only with a reason, the summary taking focus, sending the version read', async () => {
    const moved = item({ board: { ...cet, members: [] }, version: 3, availableActions: [] });
    renderApp('/escalation/items/i1', [
      signedIn,
      itemMock(item()),
      {
        request: { query: MoveEscalationItemMutation, variables: { input: { itemId: 'i1', expectedVersion: 2, toBoardId: cet.id, reason: 'Needs the executive team' } } },
        result: { data: { moveEscalationItem: moved } },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Escalate to the next board' }));
    // The usual next board (the first) is chosen; the chair may choose another the route names.
    expect(screen.getByRole('radio', { name: new RegExp(`^${cmb.name}`) })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /^Commissioning Executive Team/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Escalate to the next board' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Say why' })).toHaveAttribute('href', '#item-reason');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    await userEvent.type(screen.getByLabelText('Reason'), 'Needs the executive team');
    await userEvent.click(screen.getByRole('button', { name: 'Escalate to the next board' }));
    expect(await screen.findByText('Moved to Commissioning Executive Team.')).toBeInTheDocument();
  });

  it('offers a move off the route to the chair, among the CCG’s other boards', async () => {
    renderApp('/escalation/items/i1', [
      signedIn,
      itemMock(item({ availableActions: ['MOVE_OFF_ROUTE'] })),
      { request: { query: CcgBoardsQuery, variables: { ccg: '02V' } }, result: { data: { boards: [integrated, cet, cmb] } } },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Move to a board off the escalation route' }));
    const select = screen.getByLabelText('Move to');
    await screen.findByRole('option', { name: cet.name });
    expect(within(select).queryByRole('option', { name: integrated.name })).not.toBeInTheDocument();
  });

  it('says a stale version and shows the latest', async () => {
    renderApp('/escalation/items/i1', [
      signedIn,
      itemMock(item()),
      {
        request: { query: RecordEscalationNoteMutation, variables: { input: { itemId: 'i1', expectedVersion: 2, note: 'Trust board has discussed it' } } },
        result: { errors: [new GraphQLError('stale', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } })] },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Record a note' }));
    await userEvent.type(screen.getByLabelText('Note'), 'Trust board has discussed it');
    await userEvent.click(screen.getByRole('button', { name: 'Record a note' }));
    expect(await screen.findByText(/Someone else changed this item in the meantime/)).toBeInTheDocument();
  });

  it('says when there is no such item', async () => {
    renderApp('/escalation/items/nope', [signedIn, itemMock(null, 'nope')]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Escalation item not found' })).toBeInTheDocument();
  });
});
