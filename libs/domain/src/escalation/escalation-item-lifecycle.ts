import type { CitedSource } from '../assurance/cited-source';
import { SEED_DOCUMENTS } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';
import type { EscalationMoveKind } from './escalation-routes';

/**
 * The lifecycle of an escalation item (issue 16): raised OPEN at its entry board; while open it moves between boards
 * (up the route, back down it, or off it), gathers notes, decisions and actions; closed with a reason, and reopened
 * with one. Every move keeps its history: the service writes an event for each.
 */
export const ESCALATION_ITEM_STATES = ['OPEN', 'CLOSED'] as const;
export type EscalationItemState = (typeof ESCALATION_ITEM_STATES)[number];

/** Each state in words. */
export const ESCALATION_ITEM_STATE_LABELS: Readonly<Record<EscalationItemState, string>> = {
  OPEN: 'Open',
  CLOSED: 'Closed',
};

export const ESCALATION_ITEM_ACTIONS = [
  'RAISE',
  'ESCALATE',
  'DE_ESCALATE',
  'MOVE_OFF_ROUTE',
  'RECORD_NOTE',
  'RECORD_DECISION',
  'ADD_ACTION',
  'UPDATE_ACTION',
  'CLOSE',
  'REOPEN',
] as const;
export type EscalationItemAction = (typeof ESCALATION_ITEM_ACTIONS)[number];

/** Each action in words, for buttons and the timeline. */
export const ESCALATION_ITEM_ACTION_LABELS: Readonly<Record<EscalationItemAction, string>> = {
  RAISE: 'Raise an escalation item',
  ESCALATE: 'Escalate to the next board',
  DE_ESCALATE: 'De-escalate to an earlier board',
  MOVE_OFF_ROUTE: 'Move to a board off the escalation route',
  RECORD_NOTE: 'Record a note',
  RECORD_DECISION: 'Record a decision',
  ADD_ACTION: 'Add an action',
  UPDATE_ACTION: 'Update an action',
  CLOSE: 'Close',
  REOPEN: 'Reopen',
};

/**
 * Who acts on an item, as the lifecycle sees them; a user may hold several. CCG_STAFF: anyone with a role at the
 * item's CCG. OWNER: the item's owner. BOARD_MEMBER: a member of the item's current board (its chair included).
 * BOARD_CHAIR: the chair of the item's current board. Which kinds a user holds for an item is the API's to say.
 */
export const ESCALATION_ITEM_ACTOR_KINDS = ['CCG_STAFF', 'OWNER', 'BOARD_MEMBER', 'BOARD_CHAIR'] as const;
export type EscalationItemActorKind = (typeof ESCALATION_ITEM_ACTOR_KINDS)[number];

/** What a move needs besides the state. */
export interface EscalationItemTransition extends TransitionRow<EscalationItemState, EscalationItemAction, EscalationItemActorKind> {
  /** A reason (or the note or decision itself) is required, not blank (REASON_REQUIRED): the history says why. */
  readonly reasonRequired: boolean;
  /** The move takes the item to another board. */
  readonly changesBoard: boolean;
}

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: SEED_DOCUMENTS.SHEFFIELD_PERFORMANCE_FRAMEWORK, text });
const ISSUE_16 = 'CCG Assure issue 16, boards and escalation: the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_16, text });

const STAFF: readonly EscalationItemActorKind[] = ['CCG_STAFF'];
const ANYONE: readonly EscalationItemActorKind[] = ['CCG_STAFF', 'OWNER', 'BOARD_MEMBER', 'BOARD_CHAIR'];
const OWNER_OR_MEMBERS: readonly EscalationItemActorKind[] = ['OWNER', 'BOARD_MEMBER', 'BOARD_CHAIR'];
const MEMBERS: readonly EscalationItemActorKind[] = ['BOARD_MEMBER', 'BOARD_CHAIR'];
const CHAIR: readonly EscalationItemActorKind[] = ['BOARD_CHAIR'];

function row(
  from: EscalationItemState | null,
  action: EscalationItemAction,
  to: EscalationItemState,
  actors: readonly EscalationItemActorKind[],
  source: CitedSource,
  options: { reasonRequired?: boolean; changesBoard?: boolean; condition?: string } = {},
): EscalationItemTransition {
  return {
    from,
    action,
    to,
    actors,
    source,
    reasonRequired: options.reasonRequired ?? false,
    changesBoard: options.changesBoard ?? false,
    ...(options.condition ? { condition: options.condition } : {}),
  };
}

/**
 * Every allowed (state, action) pair. Anything else is INVALID_TRANSITION; a move by someone not listed is
 * ACTION_NOT_PERMITTED. `from: null`: no item yet (RAISE creates it, at the entry board of its kind's route).
 */
export const ESCALATION_ITEM_TRANSITIONS: readonly EscalationItemTransition[] = [
  row(null, 'RAISE', 'OPEN', STAFF, seed('Clear and timely internal and external escalation approach'), {
    condition: 'The CCG has a board of the entry kind of the item kind’s route (BOARD_NOT_SET_UP otherwise).',
  }),
  row('OPEN', 'ESCALATE', 'OPEN', MEMBERS, seed('Act as the first point of escalation for contract and provider performance issues in line with the agreed escalation process'), {
    reasonRequired: true,
    changesBoard: true,
    condition: 'The new board is one the route names next from the current board (classifyMove: ESCALATION).',
  }),
  row('OPEN', 'DE_ESCALATE', 'OPEN', MEMBERS, product('an item whose issue no longer needs the higher board goes back to a board the route escalates it from, with the reason'), {
    reasonRequired: true,
    changesBoard: true,
    condition: 'The new board is one the route escalates from to the current board (classifyMove: DE_ESCALATION).',
  }),
  row('OPEN', 'MOVE_OFF_ROUTE', 'OPEN', CHAIR, product('a move against the route is the chair’s alone, with its reason, so the history shows the exception'), {
    reasonRequired: true,
    changesBoard: true,
    condition: 'The new board is neither next nor previous on the route (classifyMove: OFF_ROUTE).',
  }),
  row('OPEN', 'RECORD_NOTE', 'OPEN', ANYONE, seed('Centralise and co-ordinate intelligence on all commissioner related issues for relating to providers'), { reasonRequired: true }),
  row('OPEN', 'RECORD_DECISION', 'OPEN', CHAIR, seed('Director response to issues of escalation and oversight of remedial actions (Appendix 2)'), { reasonRequired: true }),
  row('OPEN', 'ADD_ACTION', 'OPEN', OWNER_OR_MEMBERS, seed('Recommend remedial actions to resolve escalated issues')),
  row('OPEN', 'UPDATE_ACTION', 'OPEN', OWNER_OR_MEMBERS, seed('Recommend remedial actions to resolve escalated issues')),
  row('OPEN', 'CLOSE', 'CLOSED', CHAIR, product('the chair of the board an item sits at closes it with the reason; its history stays'), { reasonRequired: true }),
  row('CLOSED', 'REOPEN', 'OPEN', CHAIR, product('the chair of the board an item was closed at reopens it with the reason; it stays at that board'), { reasonRequired: true }),
];

/** The distinct changes of status the table makes, for a database check to agree with. */
export const ESCALATION_ITEM_STATUS_CHANGES = statusChangesOf(ESCALATION_ITEM_TRANSITIONS);

const WORKFLOW = {
  subject: 'escalation item',
  actions: ESCALATION_ITEM_ACTIONS,
  table: ESCALATION_ITEM_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_ESCALATION_ITEM_ACTION',
} as const;

/** The actions someone holding `actorKinds` may take on an item in `state` (null: none yet), in table order. */
export function availableEscalationItemActions(state: EscalationItemState | null, actorKinds: readonly EscalationItemActorKind[]): EscalationItemAction[] {
  return permittedActionsFrom(ESCALATION_ITEM_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it. */
export function escalationItemActionsFrom(state: EscalationItemState | null): EscalationItemAction[] {
  return actionsFrom(ESCALATION_ITEM_TRANSITIONS, state);
}

/** What a move brings with it. */
export interface EscalationItemMove {
  readonly action: EscalationItemAction;
  /** The reason, or the note or decision recorded; required where the row says so. */
  readonly reason?: string | null;
}

/**
 * The row one move of an item in `state` (null: none yet) follows. Throws UNKNOWN_ESCALATION_ITEM_ACTION,
 * INVALID_TRANSITION (details: from, action, allowed), ACTION_NOT_PERMITTED (details: from, action, actors,
 * actorKinds) or REASON_REQUIRED (details: action, fields.reason).
 */
export function requireEscalationItemTransition(
  state: EscalationItemState | null,
  move: EscalationItemMove,
  actorKinds: readonly EscalationItemActorKind[],
): EscalationItemTransition {
  const transition = requireTransition(WORKFLOW, state, move?.action, actorKinds) as EscalationItemTransition;
  if (transition.reasonRequired && (typeof move.reason !== 'string' || move.reason.trim() === '')) {
    const message = `${ESCALATION_ITEM_ACTION_LABELS[transition.action]} needs a reason.`;
    throw new DomainError('REASON_REQUIRED', message, { action: transition.action, fields: { reason: message } });
  }
  return transition;
}

/** The item action a move between boards takes, by how it reads against the route (classifyMove). */
export const ESCALATION_MOVE_ACTIONS: Readonly<Record<EscalationMoveKind, EscalationItemAction>> = {
  ESCALATION: 'ESCALATE',
  DE_ESCALATION: 'DE_ESCALATE',
  OFF_ROUTE: 'MOVE_OFF_ROUTE',
};

export function isEscalationItemState(value: unknown): value is EscalationItemState {
  return (ESCALATION_ITEM_STATES as readonly unknown[]).includes(value);
}
