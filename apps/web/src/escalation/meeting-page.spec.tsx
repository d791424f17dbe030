import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { cet, integrated, meeting, meetingMock, packItem } from './escalation.fixtures';
import { HoldBoardMeetingMutation, PackItemBoardsQuery, RecordMeetingDecisionMutation } from './escalation.operations';

jest.setTimeout(20_000);

const director = viewerMock({ ...demoCommissioningManager, id: '7', username: 'demo-director', displayName: 'Demo Director', roles: [{ role: 'BOARD_MEMBER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }] });
const TITLE = 'RR8 four-hour A&E standard failing';

describe('a board meeting', () => {
  it('shows the live pack in its sections, words only, and offers the chair a decision per item and holding the meeting', async () => {
    renderApp('/escalation/meetings/m1', [director, meetingMock(meeting())]);
    expect(await screen.findByRole('heading', { level: 1, name: /Meeting of 14 January 2027/ })).toBeInTheDocument();
    expect(screen.getByText(/frozen when the meeting is recorded as held/)).toBeInTheDocument();
    const escalatedIn = screen.getByRole('region', { name: 'Escalated in from other boards (1)' });
    const entry = within(escalatedIn).getByRole('group', { name: TITLE });
    expect(within(entry).getByText(/Escalated in from Integrated Performance and Delivery Board/)).toBeInTheDocument();
    expect(within(entry).getByRole('button', { name: `Record a decision on ${TITLE}` })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'New since the last meeting (0)' })).toHaveTextContent('None.');
    expect(screen.getByRole('button', { name: 'Record the meeting as held' })).toBeInTheDocument();
    expect(screen.queryByText('KPI_BREACH')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /PDF/ })).not.toBeInTheDocument();
  });

  it('the chair closes an item with the reason, and escalation offers the boards the route names', async () => {
    const decided = meeting({
      decisions: [{ itemId: 'i1', itemTitle: TITLE, decision: 'CLOSE', decisionLabel: 'Close', note: 'Revised trajectory accepted', recordedAt: '2027-01-14T11:00:00Z', recordedBy: 'Demo Director', toBoardName: null }],
      pack: { ...meeting().pack, escalatedIn: [packItem({ status: 'CLOSED' })] },
    });
    renderApp('/escalation/meetings/m1', [
      director,
      meetingMock(meeting()),
      { request: { query: PackItemBoardsQuery, variables: { id: 'i1' } }, result: { data: { escalationItem: { __typename: 'EscalationItem', id: 'i1', nextBoards: [{ ...cet, name: 'Governing Body', id: 'b-gb', kindLabel: 'Governing Body' }], previousBoards: [integrated] } } } },
      {
        request: { query: RecordMeetingDecisionMutation, variables: { input: { meetingId: 'm1', itemId: 'i1', decision: 'CLOSE', note: 'Revised trajectory accepted', toBoardId: null, action: null } } },
        result: { data: { recordMeetingDecision: decided } },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: `Record a decision on ${TITLE}` }));
    await userEvent.click(screen.getByRole('radio', { name: 'Escalate' }));
    expect(await screen.findByRole('option', { name: 'Governing Body' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Escalate to')).toHaveValue('b-gb'));
    await userEvent.click(screen.getByRole('radio', { name: 'Close' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    expect(await screen.findByRole('link', { name: 'Say what was decided and why' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('What was decided, and why'), 'Revised trajectory accepted');
    await userEvent.click(screen.getByRole('button', { name: 'Record the decision' }));
    const decisions = await screen.findByRole('region', { name: 'Decisions' });
    expect(await within(decisions).findByText(/Close\. Revised trajectory accepted \(Demo Director, 14 January 2027 at 11:00\)/)).toBeInTheDocument();
  });

  it('holds the meeting only with minutes, then the frozen pack has its PDF', async () => {
    const held = meeting({ status: 'HELD', statusLabel: 'Held', minutes: 'Present: the team.', heldAt: '2027-01-14T16:00:00Z', pdfUrl: '/reports/board-meetings/m1.pdf', availableActions: [], version: 2, pack: { ...meeting().pack, frozen: true } });
    renderApp('/escalation/meetings/m1', [
      director,
      meetingMock(meeting()),
      { request: { query: HoldBoardMeetingMutation, variables: { input: { meetingId: 'm1', expectedVersion: 1, minutes: 'Present: the team.' } } }, result: { data: { holdBoardMeeting: held } } },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Record the meeting as held' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Record the meeting as held?' })));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, record the meeting as held' }));
    expect(screen.getByRole('link', { name: 'Write the minutes' })).toHaveAttribute('href', '#meeting-minutes');
    await userEvent.type(screen.getByLabelText('Minutes'), 'Present: the team.');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, record the meeting as held' }));
    expect(await screen.findByRole('link', { name: 'Download the pack and minutes (PDF)' })).toHaveAttribute('href', '/reports/board-meetings/m1.pdf');
    expect(screen.getByText(/^The pack as it stood when the meeting was held/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Minutes' })).getByText('Present: the team.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Record a decision/ })).not.toBeInTheDocument();
  });

  it('lists the Integrated Board’s failing indicators with their icons’ words', async () => {
    const ipdb = meeting({
      board: { ...meeting().board, id: integrated.id, name: integrated.name, kind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', kindLabel: integrated.kindLabel, illustrative: true },
      availableActions: [],
      pack: {
        ...meeting().pack,
        indicatorsAsOf: '2019-03-01',
        providersBasis: 'CONTRACTS',
        failingIndicators: [
          { providerCode: 'RR8', providerName: 'LEEDS TEACHING HOSPITALS NHS TRUST', indicatorCode: 'AE_4HR_ALL', indicatorName: 'A&E: four-hour wait, all department types', period: '2019-03-01', value: 84.2, target: 95, rag: 'RED', variationType: 'SPECIAL_CAUSE_CONCERN', assuranceType: 'CONSISTENT_FAIL' },
        ],
      },
    });
    renderApp('/escalation/meetings/m1', [director, meetingMock(ipdb)]);
    const section = await screen.findByRole('region', { name: 'Failing indicators, March 2019' });
    const row = within(section).getByRole('row', { name: /Leeds Teaching Hospitals NHS Trust \(RR8\)/ });
    expect(row).toHaveTextContent('84.2%');
    expect(row).toHaveTextContent('95.0%');
    expect(within(row).getByText('Red: fails standard')).toBeInTheDocument();
    expect(row).toHaveTextContent('Consistently fails the target');
    expect(screen.getByText(/Illustrative demonstration data\./)).toBeInTheDocument();
  });
});
