// Boards and escalation (issue 16, seed 002): the boards of a CCG's performance management, the escalation route
// between them (a table, configurable per CCG), the escalation item and board meeting lifecycles as transition
// tables, and the order of a meeting's pack. Rules and sources: RULES.md.
export type { BoardKind, BoardScope, StandardBoard } from './board-kinds';
export { BOARD_KINDS, BOARD_KIND_LABELS, BOARD_KIND_SCOPES, STANDARD_BOARDS, isBoardKind } from './board-kinds';
export type { EscalationItemKind, EscalationSeverity } from './escalation-item-kinds';
export {
  ESCALATION_ITEM_KINDS,
  ESCALATION_ITEM_KIND_LABELS,
  ESCALATION_SEVERITIES,
  ESCALATION_SEVERITY_LABELS,
  PROVIDER_ESCALATION_ITEM_KINDS,
  compareEscalationSeverities,
  isEscalationItemKind,
  isEscalationSeverity,
} from './escalation-item-kinds';
export type { EscalationMoveKind, EscalationRoute, EscalationRouteOrigin, EscalationRouteOverride, ResolvedEscalationRoute } from './escalation-routes';
export {
  DEFAULT_ESCALATION_ROUTES,
  ESCALATION_MOVE_KINDS,
  ESCALATION_MOVE_KIND_LABELS,
  classifyMove,
  entryBoardKind,
  nextBoardKinds,
  previousBoardKinds,
  resolveRoutes,
  validateEscalationRoute,
} from './escalation-routes';
export type { EscalationItemAction, EscalationItemActorKind, EscalationItemMove, EscalationItemState, EscalationItemTransition } from './escalation-item-lifecycle';
export {
  ESCALATION_ITEM_ACTIONS,
  ESCALATION_ITEM_ACTION_LABELS,
  ESCALATION_ITEM_ACTOR_KINDS,
  ESCALATION_ITEM_STATES,
  ESCALATION_ITEM_STATE_LABELS,
  ESCALATION_ITEM_STATUS_CHANGES,
  ESCALATION_ITEM_TRANSITIONS,
  ESCALATION_MOVE_ACTIONS,
  availableEscalationItemActions,
  escalationItemActionsFrom,
  isEscalationItemState,
  requireEscalationItemTransition,
} from './escalation-item-lifecycle';
export type { BoardMeetingAction, BoardMeetingActorKind, BoardMeetingMove, BoardMeetingState, BoardMeetingTransition, MeetingDecision } from './board-meeting-lifecycle';
export {
  BOARD_MEETING_ACTIONS,
  BOARD_MEETING_ACTION_LABELS,
  BOARD_MEETING_ACTOR_KINDS,
  BOARD_MEETING_STATES,
  BOARD_MEETING_STATE_LABELS,
  BOARD_MEETING_STATUS_CHANGES,
  BOARD_MEETING_TRANSITIONS,
  MEETING_DECISIONS,
  MEETING_DECISION_ITEM_ACTIONS,
  MEETING_DECISION_LABELS,
  TERMINAL_BOARD_MEETING_STATES,
  availableBoardMeetingActions,
  boardMeetingActionsFrom,
  isBoardMeetingState,
  isMeetingDecision,
  itemActionForMeetingDecision,
  requireBoardMeetingTransition,
} from './board-meeting-lifecycle';
export type { Instant, PackCandidate, PackSection } from './meeting-pack';
export { PACK_SECTIONS, PACK_SECTION_LABELS, isOverdue, orderPackItems } from './meeting-pack';
