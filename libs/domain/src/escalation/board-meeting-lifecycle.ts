import type { CitedSource } from '../assurance/cited-source';
import { SEED_DOCUMENTS } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';
import type { EscalationItemAction } from './escalation-item-lifecycle';
import type { EscalationMoveKind } from './escalation-routes';

/**
 * A board's meeting (issue 16): scheduled for a date, with a pack built live for it; the chair records a decision
 * for each item; holding the meeting freezes the pack and the minutes; a meeting not held is cancelled with a reason.
 */
export const BOARD_MEETING_STATES = ['SCHEDULED', 'HELD', 'CANCELLED'] as const;
export type BoardMeetingState = (typeof BOARD_MEETING_STATES)[number];

/** Each state in words. */
export const BOARD_MEETING_STATE_LABELS: Readonly<Record<BoardMeetingState, string>> = {
  SCHEDULED: 'Scheduled',
  HELD: 'Held',
  CANCELLED: 'Cancelled',
};

export const BOARD_MEETING_ACTIONS = ['SCHEDULE', 'RECORD_ITEM_DECISION', 'HOLD', 'CANCEL'] as const;
export type BoardMeetingAction = (typeof BOARD_MEETING_ACTIONS)[number];

/** Each action in words. */
export const BOARD_MEETING_ACTION_LABELS: Readonly<Record<BoardMeetingAction, string>> = {
  SCHEDULE: 'Schedule a meeting',
  RECORD_ITEM_DECISION: 'Record a decision on an item',
  HOLD: 'Record the meeting as held (freezes the pack and minutes)',
  CANCEL: 'Cancel the meeting',
};

/** Who acts on a meeting: the board's chair, and its members (the chair is a member too). */
export const BOARD_MEETING_ACTOR_KINDS = ['BOARD_CHAIR', 'BOARD_MEMBER'] as const;
export type BoardMeetingActorKind = (typeof BOARD_MEETING_ACTOR_KINDS)[number];

/** What a move needs besides the state. */
export interface BoardMeetingTransition extends TransitionRow<BoardMeetingState, BoardMeetingAction, BoardMeetingActorKind> {
  /** A reason is required, not blank (REASON_REQUIRED): cancelling. */
  readonly reasonRequired: boolean;
  /** The minutes are required, not blank (MINUTES_REQUIRED): holding freezes them. */
  readonly minutesRequired: boolean;
  /** The move freezes the pack and the minutes. */
  readonly freezesPack: boolean;
}

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.SHEFFIELD_PERFORMANCE_FRAMEWORK, text });
const ISSUE_16 = 'CCG Assure issue 16, boards and escalation: the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_16, text });

const MEMBERS: readonly BoardMeetingActorKind[] = ['BOARD_CHAIR', 'BOARD_MEMBER'];
const CHAIR: readonly BoardMeetingActorKind[] = ['BOARD_CHAIR'];

function row(
  from: BoardMeetingState | null,
  action: BoardMeetingAction,
  to: BoardMeetingState,
  actors: readonly BoardMeetingActorKind[],
  source: CitedSource,
  options: { reasonRequired?: boolean; minutesRequired?: boolean; freezesPack?: boolean; condition?: string } = {},
): BoardMeetingTransition {
  return {
    from,
    action,
    to,
    actors,
    source,
    reasonRequired: options.reasonRequired ?? false,
    minutesRequired: options.minutesRequired ?? false,
    freezesPack: options.freezesPack ?? false,
    ...(options.condition ? { condition: options.condition } : {}),
  };
}

/** Every allowed (state, action) pair; HELD and CANCELLED are final. */
export const BOARD_MEETING_TRANSITIONS: readonly BoardMeetingTransition[] = [
  row(null, 'SCHEDULE', 'SCHEDULED', MEMBERS, seed('It is proposed that CMBs will meet monthly initially as the key challenges are dealt with over the coming months, these may change to bi-monthly.')),
  row('SCHEDULED', 'RECORD_ITEM_DECISION', 'SCHEDULED', CHAIR, seed('Recommend remedial actions to resolve escalated issues'), {
    condition: 'The item is at the meeting’s board and open (or the decision reopens nothing: CLOSE needs it open).',
  }),
  row('SCHEDULED', 'HOLD', 'HELD', CHAIR, product('a held meeting’s pack and minutes are frozen as they stood: a record of what the board saw'), { minutesRequired: true, freezesPack: true }),
  row('SCHEDULED', 'CANCEL', 'CANCELLED', CHAIR, product('a meeting not held is cancelled with the reason; its items carry over to the next'), { reasonRequired: true }),
];

/** Final: no move leaves them. */
export const TERMINAL_BOARD_MEETING_STATES: readonly BoardMeetingState[] = ['HELD', 'CANCELLED'];

/** The distinct changes of status the table makes, for a database check to agree with. */
export const BOARD_MEETING_STATUS_CHANGES = statusChangesOf(BOARD_MEETING_TRANSITIONS);

const WORKFLOW = {
  subject: 'board meeting',
  actions: BOARD_MEETING_ACTIONS,
  table: BOARD_MEETING_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_BOARD_MEETING_ACTION',
} as const;

/** The actions someone holding `actorKinds` may take on a meeting in `state` (null: none yet), in table order. */
export function availableBoardMeetingActions(state: BoardMeetingState | null, actorKinds: readonly BoardMeetingActorKind[]): BoardMeetingAction[] {
  return permittedActionsFrom(BOARD_MEETING_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it. */
export function boardMeetingActionsFrom(state: BoardMeetingState | null): BoardMeetingAction[] {
  return actionsFrom(BOARD_MEETING_TRANSITIONS, state);
}

/** What a move brings with it. */
export interface BoardMeetingMove {
  readonly action: BoardMeetingAction;
  /** The reason (CANCEL). */
  readonly reason?: string | null;
  /** The minutes (HOLD). */
  readonly minutes?: string | null;
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * The row one move of a meeting in `state` (null: none yet) follows. Throws UNKNOWN_BOARD_MEETING_ACTION,
 * INVALID_TRANSITION, ACTION_NOT_PERMITTED, REASON_REQUIRED or MINUTES_REQUIRED (details: action, fields).
 */
export function requireBoardMeetingTransition(state: BoardMeetingState | null, move: BoardMeetingMove, actorKinds: readonly BoardMeetingActorKind[]): BoardMeetingTransition {
  const transition = requireTransition(WORKFLOW, state, move?.action, actorKinds) as BoardMeetingTransition;
  if (transition.reasonRequired && blank(move.reason)) {
    const message = `${BOARD_MEETING_ACTION_LABELS[transition.action]} needs a reason.`;
    throw new DomainError('REASON_REQUIRED', message, { action: transition.action, fields: { reason: message } });
  }
  if (transition.minutesRequired && blank(move.minutes)) {
    const message = 'A held meeting needs its minutes.';
    throw new DomainError('MINUTES_REQUIRED', message, { action: transition.action, fields: { minutes: message } });
  }
  return transition;
}

export function isBoardMeetingState(value: unknown): value is BoardMeetingState {
  return (BOARD_MEETING_STATES as readonly unknown[]).includes(value);
}

/** What the chair decides for an item at a meeting. */
export const MEETING_DECISIONS = ['NOTE', 'ACTION', 'ESCALATE', 'DE_ESCALATE', 'CLOSE'] as const;
export type MeetingDecision = (typeof MEETING_DECISIONS)[number];

/** Each decision in words. */
export const MEETING_DECISION_LABELS: Readonly<Record<MeetingDecision, string>> = {
  NOTE: 'Noted',
  ACTION: 'Action agreed',
  ESCALATE: 'Escalate',
  DE_ESCALATE: 'De-escalate',
  CLOSE: 'Close',
};

/**
 * The item action each decision takes (the decision itself is also written to the item's history). ESCALATE and
 * DE_ESCALATE are the moves on the route; a decision to move an item to a board off the route is taken as
 * MOVE_OFF_ROUTE (itemActionForMeetingDecision).
 */
export const MEETING_DECISION_ITEM_ACTIONS: Readonly<Record<MeetingDecision, EscalationItemAction>> = {
  NOTE: 'RECORD_DECISION',
  ACTION: 'ADD_ACTION',
  ESCALATE: 'ESCALATE',
  DE_ESCALATE: 'DE_ESCALATE',
  CLOSE: 'CLOSE',
};

export function isMeetingDecision(value: unknown): value is MeetingDecision {
  return (MEETING_DECISIONS as readonly unknown[]).includes(value);
}

/**
 * The item action a decision takes, given how its move reads against the route (`moveKind`, from classifyMove; null
 * for a decision that moves nothing). Throws UNKNOWN_MEETING_DECISION; MOVE_TARGET_REQUIRED when ESCALATE or
 * DE_ESCALATE comes without a move, or another decision with one; DECISION_AGAINST_MOVE when the move goes the other
 * way (ESCALATE to an earlier board). A move off the route is MOVE_OFF_ROUTE, whichever way the chair called it.
 */
export function itemActionForMeetingDecision(decision: MeetingDecision, moveKind: EscalationMoveKind | null): EscalationItemAction {
  if (!isMeetingDecision(decision)) {
    throw new DomainError('UNKNOWN_MEETING_DECISION', `Unknown meeting decision ${String(decision)}`, { decision, allowed: [...MEETING_DECISIONS] });
  }
  const moves = decision === 'ESCALATE' || decision === 'DE_ESCALATE';
  if (moves !== (moveKind !== null && moveKind !== undefined)) {
    const message = moves ? 'Choose the board the item goes to.' : 'Only an escalation or de-escalation moves the item to another board.';
    throw new DomainError('MOVE_TARGET_REQUIRED', message, { decision, moveKind, fields: { toBoardId: message } });
  }
  if (!moves || moveKind === null) return MEETING_DECISION_ITEM_ACTIONS[decision];
  if (moveKind === 'OFF_ROUTE') return 'MOVE_OFF_ROUTE';
  const expected = decision === 'ESCALATE' ? 'ESCALATION' : 'DE_ESCALATION';
  if (moveKind !== expected) {
    const message = decision === 'ESCALATE' ? 'That board is below this one on the route: de-escalate instead.' : 'That board is above this one on the route: escalate instead.';
    throw new DomainError('DECISION_AGAINST_MOVE', message, { decision, moveKind, fields: { toBoardId: message } });
  }
  return MEETING_DECISION_ITEM_ACTIONS[decision];
}
