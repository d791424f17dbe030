import {
  BOARD_KINDS,
  BOARD_MEETING_ACTIONS,
  BOARD_MEETING_STATES,
  MEETING_DECISIONS,
  type BoardMeetingAction,
  type BoardMeetingState,
  type MeetingDecision,
  ESCALATION_ITEM_ACTIONS,
  ESCALATION_ITEM_KINDS,
  ESCALATION_ITEM_STATES,
  ESCALATION_MOVE_KINDS,
  ESCALATION_SEVERITIES,
  type BoardKind,
  type EscalationItemAction,
  type EscalationItemKind,
  type EscalationItemState,
  type EscalationMoveKind,
  type EscalationSeverity,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The escalation area's GraphQL enums, built from the domain's lists (libs/domain/src/escalation; decision 0024).

export const BoardKindEnum = enumOf(BOARD_KINDS);
registerEnumType(BoardKindEnum, {
  name: 'BoardKind',
  description: 'A kind of board in a CCG’s performance management (seed 002: Sheffield CCG’s Performance Management Framework, 2015).',
  valuesConfig: describedValues<BoardKind>({
    PROGRAMME_MANAGEMENT_DELIVERY_GROUP: 'The Programme Management Delivery Group: oversees the delivery of projects; programme exceptions start here.',
    INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD: 'The Integrated Performance and Delivery Board: monthly; the first point of escalation for provider, contract and programme concerns.',
    COMMISSIONING_EXECUTIVE_TEAM: 'The Commissioning Executive Team (CET): deals with the absolute exceptions that need its sign-off.',
    GOVERNING_BODY: 'The Governing Body: the top of the route.',
    CONTRACT_MANAGEMENT_BOARD: 'A Contract Management Board: one for each provider, with directors of the CCG and the provider.',
    SYSTEM_RESILIENCE_GROUP: 'A System Resilience Group: the local system’s oversight of urgent care and system-wide performance.',
  }),
});

export const EscalationItemKindEnum = enumOf(ESCALATION_ITEM_KINDS);
registerEnumType(EscalationItemKindEnum, {
  name: 'EscalationItemKind',
  description: 'What an escalation item was raised from.',
  valuesConfig: describedValues<EscalationItemKind>({
    KPI_BREACH: 'A provider’s indicator failing: a scorecard tile (provider, indicator and month).',
    CONTRACT_NOTICE: 'A contract performance notice.',
    TRAJECTORY_MISS: 'A missed month of a recovery trajectory.',
    ASSURANCE_TRIGGER: 'An assurance trigger of the CCG.',
    FINANCIAL_WARNING: 'A financial warning: the forecast outturn.',
    QUALITY_CONCERN: 'A quality concern: free text with its source.',
    PROGRAMME_EXCEPTION: 'An exception to the delivery of a project or programme.',
  }),
});

export const EscalationSeverityEnum = enumOf(ESCALATION_SEVERITIES);
registerEnumType(EscalationSeverityEnum, {
  name: 'EscalationSeverity',
  description: 'How serious an escalation item is; packs and the map list the most serious first.',
  valuesConfig: describedValues<EscalationSeverity>({
    CRITICAL: 'Critical.',
    HIGH: 'High.',
    MEDIUM: 'Medium.',
    LOW: 'Low.',
  }),
});

export const EscalationItemStatusEnum = enumOf(ESCALATION_ITEM_STATES);
registerEnumType(EscalationItemStatusEnum, {
  name: 'EscalationItemStatus',
  description: 'Whether an escalation item is open or closed.',
  valuesConfig: describedValues<EscalationItemState>({
    OPEN: 'Open: at a board.',
    CLOSED: 'Closed, with a reason; its chair may reopen it.',
  }),
});

export const EscalationItemActionEnum = enumOf(ESCALATION_ITEM_ACTIONS);
registerEnumType(EscalationItemActionEnum, {
  name: 'EscalationItemAction',
  description: 'A step in an escalation item’s life (the domain’s transition table); also each entry of its history.',
  valuesConfig: describedValues<EscalationItemAction>({
    RAISE: 'Raised at the entry board of its kind’s route (raiseEscalationItem).',
    ESCALATE: 'Moved on to a board the route names next (moveEscalationItem, reason required). Board members.',
    DE_ESCALATE: 'Moved back to a board the route escalates from (moveEscalationItem, reason required). Board members.',
    MOVE_OFF_ROUTE: 'Moved to a board off the route (moveEscalationItem, reason required). The chair only.',
    RECORD_NOTE: 'A note recorded (recordEscalationNote).',
    RECORD_DECISION: 'A decision recorded by the chair (recordMeetingDecision at a meeting).',
    ADD_ACTION: 'An action added (addEscalationAction).',
    UPDATE_ACTION: 'An action changed (updateEscalationAction).',
    CLOSE: 'Closed with a reason (closeEscalationItem). The chair only.',
    REOPEN: 'Reopened with a reason (reopenEscalationItem). The chair only.',
  }),
});

export const EscalationMoveKindEnum = enumOf(ESCALATION_MOVE_KINDS);
registerEnumType(EscalationMoveKindEnum, {
  name: 'EscalationMoveKind',
  description: 'How a move between boards reads against the escalation route.',
  valuesConfig: describedValues<EscalationMoveKind>({
    ESCALATION: 'Up the route: to a board the route names next.',
    DE_ESCALATION: 'Back down the route: to a board the route escalates from.',
    OFF_ROUTE: 'Against the route: the chair’s alone, with a reason.',
  }),
});

export enum EscalationActionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(EscalationActionStatus, {
  name: 'EscalationActionStatus',
  description: 'Where an action agreed on an escalation item stands.',
  valuesConfig: {
    OPEN: { description: 'To be done.' },
    DONE: { description: 'Done.' },
    DROPPED: { description: 'No longer needed.' },
  },
});

export type { BoardMeetingState, MeetingDecision as MeetingDecisionKind };

export const BoardMeetingStatusEnum = enumOf(BOARD_MEETING_STATES);
registerEnumType(BoardMeetingStatusEnum, {
  name: 'BoardMeetingStatus',
  description: 'Where a board meeting stands.',
  valuesConfig: describedValues<BoardMeetingState>({
    SCHEDULED: 'Scheduled: its pack is built live from the items at the board; the chair records decisions.',
    HELD: 'Held: its pack, minutes and decisions are frozen as they stood.',
    CANCELLED: 'Cancelled, with a reason; its items carry over to the next meeting.',
  }),
});

export const BoardMeetingActionEnum = enumOf(BOARD_MEETING_ACTIONS);
registerEnumType(BoardMeetingActionEnum, {
  name: 'BoardMeetingAction',
  description: 'A step of a board meeting (the domain’s transition table).',
  valuesConfig: describedValues<BoardMeetingAction>({
    SCHEDULE: 'Schedule a meeting (scheduleBoardMeeting). Members.',
    RECORD_ITEM_DECISION: 'Record a decision on an item (recordMeetingDecision). The chair.',
    HOLD: 'Record the meeting as held with its minutes: freezes the pack (holdBoardMeeting). The chair.',
    CANCEL: 'Cancel the meeting with a reason (cancelBoardMeeting). The chair.',
  }),
});

export const MeetingDecisionKindEnum = enumOf(MEETING_DECISIONS);
registerEnumType(MeetingDecisionKindEnum, {
  name: 'MeetingDecisionKind',
  description: 'What the chair decides for an item at a meeting; each updates the item and its history.',
  valuesConfig: describedValues<MeetingDecision>({
    NOTE: 'Noted: the decision is recorded on the item.',
    ACTION: 'An action is agreed (with its description, owner and due date).',
    ESCALATE: 'Escalated to a board the route names next (the usual next unless toBoardId says otherwise).',
    DE_ESCALATE: 'De-escalated to a board the route escalates from (toBoardId required).',
    CLOSE: 'Closed, the note its reason.',
  }),
});
