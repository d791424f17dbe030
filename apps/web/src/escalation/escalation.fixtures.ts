// Mocked GraphQL responses for the escalation area's component tests, shaped as the API answers (issue 16).
import type { MockLink } from '@apollo/client/testing';
import type {
  BoardMeetingFieldsFragment,
  BoardQuery as BoardResult,
  EscalationItemFieldsFragment,
  EscalationItemSummaryFieldsFragment,
  EscalationMapQuery as EscalationMapResult,
  PackItemFieldsFragment,
} from '../gql/graphql';
import { BoardMeetingQuery, BoardQuery, EscalationItemQuery, EscalationMapQuery } from './escalation.operations';

export const leedsNorth = { code: '02V', name: 'NHS LEEDS NORTH CCG' };
export const manager = { id: '3', displayName: 'Demo Commissioning Manager' };
export const chairUser = { id: '5', displayName: 'Demo Board Member' };
export const director = { id: '7', displayName: 'Demo Director' };
export const integrated = { __typename: 'Board' as const, id: 'b-ipdb', name: 'Integrated Performance and Delivery Board', kindLabel: 'Integrated Performance and Delivery Board' };
export const cet = { __typename: 'Board' as const, id: 'b-cet', name: 'Commissioning Executive Team', kindLabel: 'Commissioning Executive Team' };
export const cmb = { __typename: 'Board' as const, id: 'b-cmb', name: 'Contract Management Board: Leeds Teaching Hospitals NHS Trust', kindLabel: 'Contract Management Board' };

export function itemSummary(overrides: Partial<EscalationItemSummaryFieldsFragment> = {}): EscalationItemSummaryFieldsFragment {
  return {
    __typename: 'EscalationItem',
    id: 'i1',
    title: 'RR8 four-hour A&E standard failing',
    kind: 'KPI_BREACH',
    kindLabel: 'Provider indicator failing',
    severity: 'HIGH',
    severityLabel: 'High',
    status: 'OPEN',
    statusLabel: 'Open',
    dueOn: '2027-01-15',
    overdue: false,
    illustrative: false,
    raisedAt: '2026-12-01T09:30:00Z',
    owner: manager,
    board: { id: integrated.id, name: integrated.name },
    ccg: leedsNorth,
    ...overrides,
  } as EscalationItemSummaryFieldsFragment;
}

export function item(overrides: Partial<EscalationItemFieldsFragment> = {}): EscalationItemFieldsFragment {
  return {
    ...itemSummary(),
    description: 'The trust has missed the four-hour standard for three months running.',
    closedReason: null,
    arrivedAtBoardAt: '2026-12-01T09:30:00Z',
    version: 2,
    availableActions: ['ESCALATE', 'RECORD_NOTE', 'ADD_ACTION', 'UPDATE_ACTION', 'CLOSE'],
    raisedBy: manager,
    source: { noticeId: null, period: '2019-03-01', text: null, provider: { code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' }, indicator: { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types' } },
    board: { ...integrated, members: [{ isChair: true, user: chairUser }, { isChair: false, user: manager }] },
    nextBoards: [cmb, cet],
    previousBoards: [],
    history: [
      {
        at: '2026-12-01T09:30:00Z',
        actor: 'Demo Commissioning Manager',
        action: 'RAISE',
        actionLabel: 'Raise an escalation item',
        moveKind: null,
        reason: null,
        decision: null,
        fromBoard: null,
        toBoard: { id: integrated.id, name: integrated.name },
        meeting: null,
      },
    ],
    actions: [],
    ...overrides,
  } as EscalationItemFieldsFragment;
}

export function itemMock(value: EscalationItemFieldsFragment | null, id = 'i1'): MockLink.MockedResponse {
  return { request: { query: EscalationItemQuery, variables: { id } }, result: { data: { escalationItem: value } }, maxUsageCount: 5 };
}

type Board = NonNullable<BoardResult['board']>;

export function board(overrides: Partial<Board> = {}): Board {
  return {
    __typename: 'Board',
    id: cet.id,
    name: cet.name,
    kind: 'COMMISSIONING_EXECUTIVE_TEAM',
    kindLabel: cet.kindLabel,
    frequency: 'Monthly',
    termsOfReference: 'Deals only with absolute exceptions escalated by the Integrated Board.',
    systemName: null,
    illustrative: true,
    version: 3,
    viewerIsMember: true,
    viewerIsChair: true,
    viewerMayConfigure: false,
    ccg: leedsNorth,
    provider: null,
    members: [
      { isChair: true, user: { ...director, username: 'demo-director' } },
      { isChair: false, user: { ...chairUser, username: 'demo-board-member' } },
    ],
    openItems: [itemSummary({ board: { id: cet.id, name: cet.name } })],
    nextMeeting: { __typename: 'BoardMeeting', id: 'm1', meetsOn: '2027-01-14', status: 'SCHEDULED', statusLabel: 'Scheduled', heldAt: null, pdfUrl: null, cancelledReason: null },
    scheduledMeetings: [{ __typename: 'BoardMeeting', id: 'm1', meetsOn: '2027-01-14', status: 'SCHEDULED', statusLabel: 'Scheduled', heldAt: null, pdfUrl: null, cancelledReason: null }],
    pastMeetings: [{ __typename: 'BoardMeeting', id: 'm0', meetsOn: '2026-12-10', status: 'HELD', statusLabel: 'Held', heldAt: '2026-12-10T16:00:00Z', pdfUrl: '/reports/board-meetings/m0.pdf', cancelledReason: null }],
    ...overrides,
  } as Board;
}

export function boardMock(value: Board | null, id = cet.id): MockLink.MockedResponse {
  return { request: { query: BoardQuery, variables: { id } }, result: { data: { board: value } }, maxUsageCount: 5 };
}

type EscalationMap = EscalationMapResult['escalationMap'];

export function escalationMap(overrides: Partial<EscalationMap> = {}): EscalationMap {
  return {
    __typename: 'EscalationMap',
    openItems: 1,
    ccg: leedsNorth,
    boards: [
      {
        openItems: 1,
        board: { id: integrated.id, name: integrated.name, kind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', kindLabel: integrated.kindLabel, illustrative: true, viewerMayConfigure: false, provider: null, chair: { user: chairUser }, nextMeeting: null },
        bySeverity: [
          { severity: 'CRITICAL', severityLabel: 'Critical', count: 0 },
          { severity: 'HIGH', severityLabel: 'High', count: 1 },
        ],
        items: [itemSummary()],
      },
      {
        openItems: 0,
        board: { id: cet.id, name: cet.name, kind: 'COMMISSIONING_EXECUTIVE_TEAM', kindLabel: cet.kindLabel, illustrative: true, viewerMayConfigure: false, provider: null, chair: { user: director }, nextMeeting: { id: 'm1', meetsOn: '2027-01-14' } },
        bySeverity: [],
        items: [],
      },
    ],
    ...overrides,
  } as EscalationMap;
}

export function mapMock(value: EscalationMap, me: { administersEveryone: boolean; administers: { code: string }[] } = { administersEveryone: false, administers: [] }): MockLink.MockedResponse {
  return { request: { query: EscalationMapQuery, variables: { ccg: value.ccg.code } }, result: { data: { escalationMap: value, me: { __typename: 'Viewer', id: '3', ...me } } }, maxUsageCount: 5 };
}

export function packItem(overrides: Partial<PackItemFieldsFragment> = {}): PackItemFieldsFragment {
  return {
    __typename: 'PackItem',
    id: 'i1',
    title: 'RR8 four-hour A&E standard failing',
    kind: 'KPI_BREACH',
    kindLabel: 'Provider indicator failing',
    severity: 'HIGH',
    severityLabel: 'High',
    status: 'OPEN',
    dueOn: '2027-01-15',
    boardName: cet.name,
    arrivedFrom: integrated.name,
    owner: manager,
    ...overrides,
  } as PackItemFieldsFragment;
}

export function meeting(overrides: Partial<BoardMeetingFieldsFragment> = {}): BoardMeetingFieldsFragment {
  return {
    __typename: 'BoardMeeting',
    id: 'm1',
    meetsOn: '2027-01-14',
    status: 'SCHEDULED',
    statusLabel: 'Scheduled',
    minutes: null,
    heldAt: null,
    pdfUrl: null,
    cancelledReason: null,
    illustrative: false,
    version: 1,
    availableActions: ['RECORD_ITEM_DECISION', 'HOLD', 'CANCEL'],
    board: {
      id: cet.id,
      name: cet.name,
      kind: 'COMMISSIONING_EXECUTIVE_TEAM',
      kindLabel: cet.kindLabel,
      illustrative: false,
      ccg: leedsNorth,
      members: [
        { isChair: true, user: director },
        { isChair: false, user: chairUser },
      ],
    },
    decisions: [],
    pack: {
      frozen: false,
      builtAt: '2027-01-10T10:00:00Z',
      indicatorsAsOf: null,
      providersBasis: null,
      newItems: [],
      escalatedIn: [packItem()],
      carriedOver: [],
      decisionsDue: [packItem()],
      failingIndicators: [],
    },
    ...overrides,
  } as BoardMeetingFieldsFragment;
}

export const indicatorFacts = [{ code: 'AE_4HR_ALL', unit: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER' }];

export function meetingMock(value: BoardMeetingFieldsFragment | null, id = 'm1'): MockLink.MockedResponse {
  return { request: { query: BoardMeetingQuery, variables: { id } }, result: { data: { boardMeeting: value, indicators: indicatorFacts } }, maxUsageCount: 5 };
}
