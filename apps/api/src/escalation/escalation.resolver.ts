import { todayInEngland, type BoardMeetingAction, type EscalationItemAction, type EscalationItemState } from '@ccg-assure/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { organisationOf } from '../assessments/assessment-fields.resolver';
import { Access, SIGNED_IN } from '../auth/access';
import type { Viewer } from '../auth/viewer';
import { toIndicator } from '../indicators/indicator.mapper';
import { Indicator } from '../indicators/indicator.type';
import { Organisation } from '../organisations/organisation.type';
import type { RequestContext } from '../server/request-context';
import { escalationLoaders } from './escalation.loaders';
import { BoardMeetingActionEnum, EscalationItemActionEnum, EscalationItemStatusEnum } from './escalation-enums';
import {
  AddEscalationActionInput,
  CancelBoardMeetingInput,
  ChangeEscalationItemStatusInput,
  CreateBoardInput,
  HoldBoardMeetingInput,
  MoveEscalationItemInput,
  RaiseEscalationItemInput,
  RecordEscalationNoteInput,
  RecordMeetingDecisionInput,
  ScheduleBoardMeetingInput,
  SetBoardMembersInput,
  SetEscalationRouteInput,
  UpdateBoardInput,
  UpdateEscalationActionInput,
} from './escalation.input';
import {
  Board,
  BoardMeeting,
  EscalationAction,
  EscalationEvent,
  EscalationItem,
  EscalationMap,
  EscalationRouteRow,
  EscalationSource,
  MeetingDecision,
  MeetingPack,
  UserSummary,
} from './escalation.type';

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;
const today = () => todayInEngland(new Date());

async function requireItem(id: string, context: RequestContext): Promise<EscalationItem> {
  const item = await context.services.escalation.item(context.viewer, id, today());
  if (!item) throw new Error(`escalation item ${id} is not readable after a change`);
  return item;
}

const boardOf = (id: string, context: RequestContext): Promise<Board | null> => escalationLoaders(context).board.load(id);

async function requireBoard(id: string, context: RequestContext): Promise<Board> {
  const board = await boardOf(id, context);
  if (!board) throw new Error(`board ${id} is not readable`);
  return board;
}

async function requireMeeting(id: string, context: RequestContext): Promise<BoardMeeting> {
  const meeting = await context.services.escalation.meeting(context.viewer, id);
  if (!meeting) throw new Error(`board meeting ${id} is not readable after a change`);
  return meeting;
}

const READERS = 'Anyone with a role at the CCG, and NHS England’s administrators';

/**
 * Boards and escalation (issue 16; decision 0024): a CCG's boards and escalation route, escalation items that climb
 * them with their whole history, and the boards' meetings with packs frozen when held. Nothing is public: every field
 * needs a signed-in user, and the service checks the CCG (objects the viewer may not read answer null or NOT_FOUND).
 */
@Resolver()
export class EscalationResolver {
  @Query(() => [Board], { description: `A CCG's boards in route order. ${READERS}; FORBIDDEN for anyone else. NOT_FOUND ORGANISATION_NOT_FOUND; BAD_USER_INPUT NOT_A_CCG.` })
  @Access(SIGNED_IN)
  boards(@Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string, @Ctx() context: RequestContext): Promise<Board[]> {
    return context.services.escalation.boards(viewerOf(context), ccg);
  }

  @Query(() => Board, { nullable: true, description: `One board; null when there is none or the viewer may not read it (${READERS}).` })
  @Access(SIGNED_IN)
  board(@Arg('id', () => ID, { description: 'The board.' }) id: string, @Ctx() context: RequestContext): Promise<Board | null> {
    return context.services.escalation.board(context.viewer, id);
  }

  @Query(() => EscalationItem, { nullable: true, description: `One escalation item; null when there is none or the viewer may not read it (${READERS}).` })
  @Access(SIGNED_IN)
  escalationItem(@Arg('id', () => ID, { description: 'The item.' }) id: string, @Ctx() context: RequestContext): Promise<EscalationItem | null> {
    return context.services.escalation.item(context.viewer, id, today());
  }

  @Query(() => [EscalationItem], {
    description: `A CCG's escalation items (of the status and board, when given), most serious first, then the latest raised: a list, not a page (a CCG's items are few). ${READERS}; FORBIDDEN for anyone else.`,
  })
  @Access(SIGNED_IN)
  escalationItems(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Arg('status', () => EscalationItemStatusEnum, { nullable: true, description: 'Only items of this status.' }) status: EscalationItemState | null,
    @Arg('boardId', () => ID, { nullable: true, description: 'Only items at this board.' }) boardId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<EscalationItem[]> {
    return context.services.escalation.items(viewerOf(context), ccg, status ?? null, boardId ?? null, today());
  }

  @Query(() => [EscalationItem], { description: 'The signed-in user’s open items: those they own and those at the boards they sit on, most serious first.' })
  @Access(SIGNED_IN)
  myEscalationItems(@Ctx() context: RequestContext): Promise<EscalationItem[]> {
    return context.services.escalation.myItems(viewerOf(context), today());
  }

  @Query(() => EscalationMap, { description: `A CCG's escalation map: every board in route order and its open items by severity. ${READERS}; FORBIDDEN for anyone else.` })
  @Access(SIGNED_IN)
  escalationMap(@Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string, @Ctx() context: RequestContext): Promise<EscalationMap> {
    return context.services.escalation.map(viewerOf(context), ccg, today());
  }

  @Query(() => BoardMeeting, { nullable: true, description: `One board meeting; null when there is none or the viewer may not read its board (${READERS}).` })
  @Access(SIGNED_IN)
  boardMeeting(@Arg('id', () => ID, { description: 'The meeting.' }) id: string, @Ctx() context: RequestContext): Promise<BoardMeeting | null> {
    return context.services.escalation.meeting(context.viewer, id);
  }

  @Query(() => [UserSummary], {
    description: `The active users with a role at a CCG, by name: whom an item or action may be owned by and a board's members chosen from. ${READERS}; FORBIDDEN for anyone else.`,
  })
  @Access(SIGNED_IN)
  escalationPeople(@Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string, @Ctx() context: RequestContext): Promise<UserSummary[]> {
    return context.services.escalation.people(viewerOf(context), ccg);
  }

  @Query(() => [EscalationRouteRow], { description: `A CCG's escalation route: the seed-002 rows, each replaced by the CCG's own where configured. ${READERS}.` })
  @Access(SIGNED_IN)
  escalationRoutes(@Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string, @Ctx() context: RequestContext): Promise<EscalationRouteRow[]> {
    return context.services.escalation.routes(viewerOf(context), ccg);
  }

  @Mutation(() => EscalationItem, {
    description:
      'Raises an escalation item at the entry board of its kind’s route. Anyone with a role at the CCG. BAD_USER_INPUT BOARD_NOT_SET_UP (details: boardKind), TEXT_REQUIRED, SOURCE_REQUIRED, NOT_A_CCG, NOT_A_PROVIDER, INVALID_PERIOD, USER_NOT_AT_CCG, DATE_IN_PAST; NOT_FOUND ORGANISATION_NOT_FOUND, INDICATOR_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED.',
  })
  @Access(SIGNED_IN)
  async raiseEscalationItem(@Arg('input', () => RaiseEscalationItemInput, { description: 'The item.' }) input: RaiseEscalationItemInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    const id = await context.services.escalation.raise(viewerOf(context), context.requestId, { ...input, source: { ...input.source } }, today());
    return requireItem(id, context);
  }

  @Mutation(() => EscalationItem, {
    description:
      'Moves an item to another board of its CCG with the reason: up or down the route (the board’s members), or off it (the chair only). BAD_USER_INPUT REASON_REQUIRED, SAME_BOARD, INVALID_TRANSITION; NOT_FOUND ESCALATION_ITEM_NOT_FOUND, BOARD_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT STALE_VERSION.',
  })
  @Access(SIGNED_IN)
  async moveEscalationItem(@Arg('input', () => MoveEscalationItemInput, { description: 'The item, the version read, the board and why.' }) input: MoveEscalationItemInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    await context.services.escalation.move(viewerOf(context), context.requestId, input);
    return requireItem(input.itemId, context);
  }

  @Mutation(() => EscalationItem, { description: 'Records a note on an open item. Anyone with a role at the CCG. BAD_USER_INPUT REASON_REQUIRED, INVALID_TRANSITION; NOT_FOUND ESCALATION_ITEM_NOT_FOUND; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async recordEscalationNote(@Arg('input', () => RecordEscalationNoteInput, { description: 'The item and the note.' }) input: RecordEscalationNoteInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    await context.services.escalation.recordNote(viewerOf(context), context.requestId, input);
    return requireItem(input.itemId, context);
  }

  @Mutation(() => EscalationItem, { description: 'Closes an open item with the reason. The chair of its board. BAD_USER_INPUT REASON_REQUIRED, INVALID_TRANSITION; FORBIDDEN ACTION_NOT_PERMITTED; NOT_FOUND; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async closeEscalationItem(@Arg('input', () => ChangeEscalationItemStatusInput, { description: 'The item and why.' }) input: ChangeEscalationItemStatusInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    await context.services.escalation.close(viewerOf(context), context.requestId, input);
    return requireItem(input.itemId, context);
  }

  @Mutation(() => EscalationItem, { description: 'Reopens a closed item with the reason; it stays at its board. The chair of its board. BAD_USER_INPUT REASON_REQUIRED, INVALID_TRANSITION; FORBIDDEN ACTION_NOT_PERMITTED; NOT_FOUND; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async reopenEscalationItem(@Arg('input', () => ChangeEscalationItemStatusInput, { description: 'The item and why.' }) input: ChangeEscalationItemStatusInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    await context.services.escalation.reopen(viewerOf(context), context.requestId, input);
    return requireItem(input.itemId, context);
  }

  @Mutation(() => EscalationItem, { description: 'Adds an action to an open item. Its owner or its board’s members. BAD_USER_INPUT TEXT_REQUIRED, USER_NOT_AT_CCG, DATE_IN_PAST; FORBIDDEN ACTION_NOT_PERMITTED; NOT_FOUND; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async addEscalationAction(@Arg('input', () => AddEscalationActionInput, { description: 'The item and the action.' }) input: AddEscalationActionInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    await context.services.escalation.addAction(viewerOf(context), context.requestId, input, today());
    return requireItem(input.itemId, context);
  }

  @Mutation(() => EscalationItem, { description: 'Changes an action of an open item; answers the item. Its owner or its board’s members. NOT_FOUND ESCALATION_ACTION_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async updateEscalationAction(@Arg('input', () => UpdateEscalationActionInput, { description: 'The action and the changes.' }) input: UpdateEscalationActionInput, @Ctx() context: RequestContext): Promise<EscalationItem> {
    const itemId = await context.services.escalation.updateAction(viewerOf(context), context.requestId, input);
    return requireItem(itemId, context);
  }

  @Mutation(() => BoardMeeting, { description: 'Schedules a meeting of a board. Its members. NOT_FOUND BOARD_NOT_FOUND; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT MEETING_EXISTS.' })
  @Access(SIGNED_IN)
  async scheduleBoardMeeting(@Arg('input', () => ScheduleBoardMeetingInput, { description: 'The board and the day.' }) input: ScheduleBoardMeetingInput, @Ctx() context: RequestContext): Promise<BoardMeeting> {
    const id = await context.services.escalation.scheduleMeeting(viewerOf(context), context.requestId, input);
    return requireMeeting(id, context);
  }

  @Mutation(() => BoardMeeting, {
    description:
      'Records the chair’s decision on an item at a scheduled meeting; the decision updates the item (note, action, escalation, de-escalation, closure) and its history. The chair. BAD_USER_INPUT ITEM_NOT_AT_BOARD, REASON_REQUIRED, ACTION_REQUIRED, MOVE_TARGET_REQUIRED, DECISION_AGAINST_MOVE, NO_NEXT_BOARD, INVALID_TRANSITION; FORBIDDEN ACTION_NOT_PERMITTED; NOT_FOUND BOARD_MEETING_NOT_FOUND, ESCALATION_ITEM_NOT_FOUND.',
  })
  @Access(SIGNED_IN)
  async recordMeetingDecision(@Arg('input', () => RecordMeetingDecisionInput, { description: 'The meeting, the item and the decision.' }) input: RecordMeetingDecisionInput, @Ctx() context: RequestContext): Promise<BoardMeeting> {
    const id = await context.services.escalation.recordDecision(viewerOf(context), context.requestId, input, today());
    return requireMeeting(id, context);
  }

  @Mutation(() => BoardMeeting, { description: 'Records a meeting as held with its minutes: its pack and decisions are frozen as they stand. The chair. BAD_USER_INPUT MINUTES_REQUIRED, INVALID_TRANSITION; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async holdBoardMeeting(@Arg('input', () => HoldBoardMeetingInput, { description: 'The meeting, the version read and the minutes.' }) input: HoldBoardMeetingInput, @Ctx() context: RequestContext): Promise<BoardMeeting> {
    await context.services.escalation.holdMeeting(viewerOf(context), context.requestId, input);
    return requireMeeting(input.meetingId, context);
  }

  @Mutation(() => BoardMeeting, { description: 'Cancels a scheduled meeting with the reason. The chair. BAD_USER_INPUT REASON_REQUIRED, INVALID_TRANSITION; FORBIDDEN ACTION_NOT_PERMITTED; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async cancelBoardMeeting(@Arg('input', () => CancelBoardMeetingInput, { description: 'The meeting, the version read and why.' }) input: CancelBoardMeetingInput, @Ctx() context: RequestContext): Promise<BoardMeeting> {
    await context.services.escalation.cancelMeeting(viewerOf(context), context.requestId, input);
    return requireMeeting(input.meetingId, context);
  }

  @Mutation(() => Board, {
    description:
      'Creates a board of a CCG. An administrator of the CCG (NHS England’s, or the CCG’s own). BAD_USER_INPUT PROVIDER_REQUIRED, PROVIDER_NOT_ALLOWED, SYSTEM_REQUIRED, SYSTEM_NOT_ALLOWED, NOT_A_PROVIDER, TEXT_REQUIRED; CONFLICT BOARD_EXISTS; FORBIDDEN ACTION_NOT_PERMITTED.',
  })
  @Access(SIGNED_IN)
  async createBoard(@Arg('input', () => CreateBoardInput, { description: 'The board.' }) input: CreateBoardInput, @Ctx() context: RequestContext): Promise<Board> {
    const id = await context.services.escalation.createBoard(viewerOf(context), context.requestId, input);
    return requireBoard(id, context);
  }

  @Mutation(() => Board, { description: 'Changes a board’s name, frequency or terms of reference. An administrator of the CCG. FORBIDDEN ACTION_NOT_PERMITTED; NOT_FOUND BOARD_NOT_FOUND; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async updateBoard(@Arg('input', () => UpdateBoardInput, { description: 'The board and the changes.' }) input: UpdateBoardInput, @Ctx() context: RequestContext): Promise<Board> {
    await context.services.escalation.updateBoard(viewerOf(context), context.requestId, input);
    return requireBoard(input.boardId, context);
  }

  @Mutation(() => Board, { description: 'Replaces a board’s members (each with a role at the CCG; at most one chair). An administrator of the CCG. BAD_USER_INPUT USER_NOT_AT_CCG, ONE_CHAIR, DUPLICATE_MEMBER; CONFLICT STALE_VERSION.' })
  @Access(SIGNED_IN)
  async setBoardMembers(@Arg('input', () => SetBoardMembersInput, { description: 'The board and every member.' }) input: SetBoardMembersInput, @Ctx() context: RequestContext): Promise<Board> {
    await context.services.escalation.setMembers(viewerOf(context), context.requestId, input);
    return requireBoard(input.boardId, context);
  }

  @Mutation(() => [Board], {
    description:
      'Sets up the seed-002 boards of a CCG: the Programme Management Delivery Group, the Integrated Performance and Delivery Board, the Commissioning Executive Team, the Governing Body, and a Contract Management Board for each provider the CCG contracts with. Idempotent: boards already there are kept. Answers every board of the CCG. An administrator of the CCG.',
  })
  @Access(SIGNED_IN)
  async setUpStandardBoards(@Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string, @Ctx() context: RequestContext): Promise<Board[]> {
    const code = await context.services.escalation.setUpStandardBoards(viewerOf(context), context.requestId, ccg);
    return context.services.escalation.boards(viewerOf(context), code);
  }

  @Mutation(() => [EscalationRouteRow], {
    description: 'Sets (or, with useDefault, removes) a CCG’s own row of the escalation route; answers the CCG’s whole route. An administrator of the CCG. BAD_USER_INPUT INVALID_ESCALATION_ROUTE, NO_ENTRY_BOARD; FORBIDDEN ACTION_NOT_PERMITTED.',
  })
  @Access(SIGNED_IN)
  async setEscalationRoute(@Arg('input', () => SetEscalationRouteInput, { description: 'The CCG, item kind, board and next boards.' }) input: SetEscalationRouteInput, @Ctx() context: RequestContext): Promise<EscalationRouteRow[]> {
    const code = await context.services.escalation.setRoute(viewerOf(context), context.requestId, input);
    return context.services.escalation.routes(viewerOf(context), code);
  }
}

@Resolver(() => Board)
export class BoardFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() board: Board, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(board.ccgCode, context);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The provider of a Contract Management Board; null for other kinds.' })
  provider(@Root() board: Board, @Ctx() context: RequestContext): Promise<Organisation> | null {
    return board.providerCode ? organisationOf(board.providerCode, context) : null;
  }

  @FieldResolver(() => [EscalationItem], { description: 'The open items at the board, most serious first.' })
  openItems(@Root() board: Board, @Ctx() context: RequestContext): Promise<EscalationItem[]> {
    return context.services.escalation.openItemsAt(context.viewer, board.id, today());
  }

  @FieldResolver(() => BoardMeeting, { nullable: true, description: 'The next scheduled meeting, today or later; null when none.' })
  nextMeeting(@Root() board: Board, @Ctx() context: RequestContext): Promise<BoardMeeting | null> {
    return context.services.escalation.nextMeeting(board.id, today());
  }

  @FieldResolver(() => [BoardMeeting], { description: 'Every scheduled meeting not yet held or cancelled, the earliest first (a past date included).' })
  scheduledMeetings(@Root() board: Board, @Ctx() context: RequestContext): Promise<BoardMeeting[]> {
    return context.services.escalation.scheduledMeetings(board.id);
  }

  @FieldResolver(() => [BoardMeeting], { description: 'Held and cancelled meetings, the latest first: their packs are frozen.' })
  pastMeetings(@Root() board: Board, @Ctx() context: RequestContext): Promise<BoardMeeting[]> {
    return context.services.escalation.pastMeetings(board.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when the signed-in user is a member (the chair included).' })
  viewerIsMember(@Root() board: Board, @Ctx() context: RequestContext): boolean {
    return board.members.some((member) => member.user.id === context.viewer?.userId);
  }

  @FieldResolver(() => Boolean, { description: 'True when the signed-in user chairs the board.' })
  viewerIsChair(@Root() board: Board, @Ctx() context: RequestContext): boolean {
    return board.chair !== null && board.chair.user.id === context.viewer?.userId;
  }

  @FieldResolver(() => Boolean, { description: 'True when the signed-in user may configure the CCG’s boards (an administrator of the CCG).' })
  viewerMayConfigure(@Root() board: Board, @Ctx() context: RequestContext): Promise<boolean> {
    return context.services.escalation.viewerMayConfigure(context.viewer, board.ccgCode);
  }
}

@Resolver(() => EscalationItem)
export class EscalationItemFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(item.ccgCode, context);
  }

  @FieldResolver(() => Board, { description: 'The board it is at now.' })
  board(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<Board> {
    return requireBoard(item.boardId, context);
  }

  @FieldResolver(() => [EscalationEvent], { description: 'Its history, oldest first: raised by whom from what, every move with who, when and why, notes, decisions, actions, closure. Never loses anything.' })
  history(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<EscalationEvent[]> {
    return escalationLoaders(context).history.load(item.id);
  }

  @FieldResolver(() => [EscalationAction], { description: 'Its actions, the earliest added first.' })
  actions(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<EscalationAction[]> {
    return escalationLoaders(context).actions.load(item.id);
  }

  @FieldResolver(() => [EscalationItemActionEnum], {
    description:
      'What the signed-in user may do now (the domain’s transition table for the part they hold: the CCG’s staff, the owner, a member or the chair of its board). ESCALATE and DE_ESCALATE use nextBoards and previousBoards; MOVE_OFF_ROUTE any other board.',
  })
  async availableActions(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<EscalationItemAction[]> {
    return context.services.escalation.availableActions(context.viewer, item, await requireBoard(item.boardId, context));
  }

  @FieldResolver(() => [Board], { description: 'The boards the route names next from its board that the CCG has, the usual next first; empty at the top.' })
  nextBoards(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<Board[]> {
    return context.services.escalation.nextBoards(item);
  }

  @FieldResolver(() => [Board], { description: 'The boards the route escalates from to its board that the CCG has (to de-escalate to).' })
  previousBoards(@Root() item: EscalationItem, @Ctx() context: RequestContext): Promise<Board[]> {
    return context.services.escalation.previousBoards(item);
  }
}

@Resolver(() => EscalationSource)
export class EscalationSourceFieldsResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The provider, when the item is about one.' })
  provider(@Root() source: EscalationSource, @Ctx() context: RequestContext): Promise<Organisation> | null {
    return source.providerCode ? organisationOf(source.providerCode, context) : null;
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'The indicator, for a KPI breach or trajectory miss.' })
  async indicator(@Root() source: EscalationSource, @Ctx() context: RequestContext): Promise<Indicator | null> {
    if (!source.indicatorCode) return null;
    const row = await context.loaders.indicator.load(source.indicatorCode);
    return row ? toIndicator(row) : null;
  }
}

@Resolver(() => EscalationEvent)
export class EscalationEventFieldsResolver {
  @FieldResolver(() => Board, { nullable: true, description: 'The board it left, for a move.' })
  fromBoard(@Root() event: EscalationEvent, @Ctx() context: RequestContext): Promise<Board | null> | null {
    return event.fromBoardId ? boardOf(event.fromBoardId, context) : null;
  }

  @FieldResolver(() => Board, { nullable: true, description: 'The board it went to (for raising: where it started).' })
  toBoard(@Root() event: EscalationEvent, @Ctx() context: RequestContext): Promise<Board | null> | null {
    return event.toBoardId ? boardOf(event.toBoardId, context) : null;
  }

  @FieldResolver(() => BoardMeeting, { nullable: true, description: 'The meeting, when the step was a decision at one.' })
  meeting(@Root() event: EscalationEvent, @Ctx() context: RequestContext): Promise<BoardMeeting | null> | null {
    return event.meetingId ? context.services.escalation.meeting(context.viewer, event.meetingId) : null;
  }
}

@Resolver(() => BoardMeeting)
export class BoardMeetingFieldsResolver {
  @FieldResolver(() => Board, { description: 'The board.' })
  board(@Root() meeting: BoardMeeting, @Ctx() context: RequestContext): Promise<Board> {
    return requireBoard(meeting.boardId, context);
  }

  @FieldResolver(() => MeetingPack, { description: 'Its pack: built live while scheduled; once held, the pack as it stood, frozen.' })
  pack(@Root() meeting: BoardMeeting, @Ctx() context: RequestContext): Promise<MeetingPack> {
    return context.services.escalation.pack(meeting.id);
  }

  @FieldResolver(() => [MeetingDecision], { description: 'The decisions recorded at it, in the order recorded (frozen once held).' })
  decisions(@Root() meeting: BoardMeeting, @Ctx() context: RequestContext): Promise<MeetingDecision[]> {
    return context.services.escalation.decisions(meeting.id);
  }

  @FieldResolver(() => [BoardMeetingActionEnum], { description: 'What the signed-in user may do now (the domain’s meeting table): the chair records decisions, holds or cancels; empty once held or cancelled.' })
  availableActions(@Root() meeting: BoardMeeting, @Ctx() context: RequestContext): Promise<BoardMeetingAction[]> {
    return context.services.escalation.meetingAvailableActions(context.viewer, meeting);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where its PDF is, once held: /reports/board-meetings/<id>.pdf (the board’s members only); null until then.' })
  pdfUrl(@Root() meeting: BoardMeeting): string | null {
    return meeting.status === 'HELD' ? `/reports/board-meetings/${meeting.id}.pdf` : null;
  }
}

@Resolver(() => EscalationMap)
export class EscalationMapFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() map: EscalationMap, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(map.ccgCode, context);
  }
}

/** Every resolver of the escalation area, for build-schema.ts. */
export const escalationResolvers = [
  EscalationResolver,
  BoardFieldsResolver,
  EscalationItemFieldsResolver,
  EscalationSourceFieldsResolver,
  EscalationEventFieldsResolver,
  BoardMeetingFieldsResolver,
  EscalationMapFieldsResolver,
] as const;
