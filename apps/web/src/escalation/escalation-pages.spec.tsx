import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { enterDate } from '../testing/enter-date';
import { demoAdmin, demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { board, boardMock, escalationMap, itemSummary, mapMock, meeting, meetingMock } from './escalation.fixtures';
import { CcgUsersQuery, EscalationHomeQuery, ScheduleBoardMeetingMutation, SetBoardMembersMutation } from './escalation.operations';

jest.setTimeout(20_000);

const signedIn = viewerMock(demoCommissioningManager);
const home = (items = [itemSummary()]): MockLink.MockedResponse => ({
  request: { query: EscalationHomeQuery },
  result: {
    data: {
      me: { __typename: 'Viewer', id: '3', administersEveryone: false, roles: [{ role: 'COMMISSIONING_MANAGER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG', type: 'CCG' } }] },
      myEscalationItems: items,
    },
  },
  maxUsageCount: 3,
});

describe('the Escalation area', () => {
  it('is in the navigation for a CCG’s staff, and lists their items and their CCG’s map', async () => {
    renderApp('/escalation', [signedIn, home()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Escalation' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Areas' })).getByRole('link', { name: 'Escalation' })).toHaveAttribute('href', '/escalation');
    expect(await screen.findByRole('link', { name: 'RR8 four-hour A&E standard failing' })).toHaveAttribute('href', '/escalation/items/i1');
    expect(screen.getByRole('link', { name: /NHS Leeds North CCG \(02V\): where every open item sits/ })).toHaveAttribute('href', '/escalation/ccgs/02V');
    const row = screen.getByRole('row', { name: /RR8 four-hour/ });
    expect(row).toHaveTextContent('Provider indicator failing');
    expect(row).toHaveTextContent('15 January 2027');
  });

  it('says when the viewer has no open items', async () => {
    renderApp('/escalation', [signedIn, home([])]);
    expect(await screen.findByText('You have no open escalation items.')).toBeInTheDocument();
  });

  it('is not in the navigation for an assessor, who is told they have no access', async () => {
    renderApp('/escalation', [viewerMock({ ...demoCommissioningManager, roles: [{ role: 'ASSESSOR', organisation: { code: 'X24', name: 'NHS ENGLAND' } }] })]);
    expect(await screen.findByRole('heading', { level: 1, name: 'You do not have access to escalation' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Areas' })).queryByRole('link', { name: 'Escalation' })).not.toBeInTheDocument();
  });
});

describe('a CCG’s escalation map', () => {
  it('shows every board in route order with its open items by severity, illustrative boards said so, printable', async () => {
    renderApp('/escalation/ccgs/02V', [signedIn, mapMock(escalationMap())]);
    expect(await screen.findByRole('heading', { level: 1, name: /Escalation map/ })).toBeInTheDocument();
    const sections = screen.getAllByRole('region').map((section) => within(section).getByRole('heading', { level: 2 }).textContent);
    expect(sections).toEqual(['Integrated Performance and Delivery Board', 'Commissioning Executive Team']);
    const integrated = screen.getByRole('region', { name: 'Integrated Performance and Delivery Board' });
    expect(within(integrated).getByText(/One open item: 1 high\. Chair: Demo Board Member\. No meeting scheduled\./)).toBeInTheDocument();
    expect(within(integrated).getByRole('link', { name: 'RR8 four-hour A&E standard failing' })).toBeInTheDocument();
    expect(screen.getByText(/Next meeting 14 January 2027/)).toBeInTheDocument();
    expect(screen.getByText(/Illustrative demonstration data\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print the map' })).toBeInTheDocument();
  });

  it('offers an administrator of the CCG the standard boards when it has none', async () => {
    renderApp('/escalation/ccgs/02V', [viewerMock(demoAdmin), mapMock(escalationMap({ boards: [], openItems: 0 }), { administersEveryone: true, administers: [] })]);
    expect(await screen.findByText('The CCG has no boards yet, so nothing can be raised or escalated.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set up the standard boards' })).toBeInTheDocument();
  });

  it('tells anyone else who sets them up', async () => {
    renderApp('/escalation/ccgs/02V', [signedIn, mapMock(escalationMap({ boards: [], openItems: 0 }))]);
    expect(await screen.findByText('An administrator of the CCG sets them up.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Set up the standard boards' })).not.toBeInTheDocument();
  });
});

describe('a board’s page', () => {
  it('shows its open items, next meeting, past meetings with their packs, and members', async () => {
    renderApp('/escalation/boards/b-cet', [signedIn, boardMock(board({ viewerIsMember: false }))]);
    expect(await screen.findByRole('heading', { level: 1, name: /Commissioning Executive Team/ })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Open items' })).getByRole('link', { name: 'RR8 four-hour A&E standard failing' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meeting of 14 January 2027 and its pack' })).toHaveAttribute('href', '/escalation/meetings/m1');
    const past = within(screen.getByRole('region', { name: 'Past meetings' }));
    expect(past.getByText('Pack and minutes (PDF)').closest('a')).toHaveAttribute('href', '/reports/board-meetings/m0.pdf');
    expect(within(screen.getByRole('region', { name: 'Members' })).getByText('Demo Director (chair)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Schedule the meeting' })).not.toBeInTheDocument();
    expect(screen.queryByText('Change the members')).not.toBeInTheDocument();
  });

  it('lets a member schedule a meeting, refusing a past date at its field', async () => {
    renderApp('/escalation/boards/b-cet', [
      signedIn,
      boardMock(board()),
      { request: { query: ScheduleBoardMeetingMutation, variables: { input: { boardId: 'b-cet', meetsOn: '2099-02-11' } } }, result: { data: { scheduleBoardMeeting: { __typename: 'BoardMeeting', id: 'm2' } } } },
      meetingMock(meeting({ id: 'm2', meetsOn: '2099-02-11' }), 'm2'),
    ]);
    await screen.findByRole('heading', { level: 1, name: /Commissioning Executive Team/ });
    await enterDate('Date of the meeting', '2001-02-11');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule the meeting' }));
    expect(await screen.findByRole('link', { name: 'The meeting date cannot be in the past' })).toBeInTheDocument();
    await enterDate('Date of the meeting', '2099-02-11');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule the meeting' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Meeting of 11 February 2099/ })).toBeInTheDocument();
  });

  it('lets an administrator of the CCG choose the members and the chair, sending the version read', async () => {
    renderApp('/escalation/boards/b-cet', [
      viewerMock(demoAdmin),
      boardMock(board({ viewerMayConfigure: true, viewerIsMember: false })),
      {
        request: { query: CcgUsersQuery, variables: { ccg: '02V' } },
        result: { data: { userAccounts: { __typename: 'UserAccountConnection', nodes: [{ __typename: 'UserAccount', id: '3', username: 'demo-commissioning-manager', displayName: 'Demo Commissioning Manager' }] } } },
      },
      {
        request: { query: SetBoardMembersMutation, variables: { input: { boardId: 'b-cet', expectedVersion: 3, members: [{ userId: '7', isChair: true }, { userId: '5', isChair: false }, { userId: '3', isChair: false }] } } },
        result: { data: { setBoardMembers: { __typename: 'Board', id: 'b-cet', version: 4 } } },
      },
    ]);
    await userEvent.click(await screen.findByText('Change the members'));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Demo Commissioning Manager (demo-commissioning-manager)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the members' }));
    expect(await screen.findByText('The members are saved.')).toBeInTheDocument();
  });
});
