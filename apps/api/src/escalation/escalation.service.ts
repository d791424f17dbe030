import {
  BOARD_KINDS,
  BOARD_KIND_LABELS,
  BOARD_MEETING_STATE_LABELS,
  ESCALATION_ITEM_ACTION_LABELS,
  ESCALATION_ITEM_KIND_LABELS,
  ESCALATION_ITEM_STATE_LABELS,
  ESCALATION_MOVE_ACTIONS,
  ESCALATION_SEVERITIES,
  ESCALATION_SEVERITY_LABELS,
  MEETING_DECISION_LABELS,
  STANDARD_BOARDS,
  availableBoardMeetingActions,
  availableEscalationItemActions,
  classifyMove,
  compareEscalationSeverities,
  entryBoardKind,
  isOverdue,
  itemActionForMeetingDecision,
  nextBoardKinds,
  previousBoardKinds,
  requireBoardMeetingTransition,
  requireEscalationItemTransition,
  resolveRoutes,
  validateEscalationRoute,
  type AdministrationScope,
  type BoardKind,
  type BoardMeetingAction,
  type BoardMeetingState,
  type EscalationItemAction,
  type EscalationItemActorKind,
  type EscalationItemKind,
  type EscalationItemState,
  type EscalationMoveKind,
  type EscalationRouteOverride,
  type EscalationSeverity,
  type MeetingDecision as MeetingDecisionCode,
  type ResolvedEscalationRoute,
} from '@ccg-assure/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service';
import { checkingInput, fieldsOf, optionalText, requiredText } from '../assessments/assurance-checks';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { ContractNoticeEntity } from '../contracts/contracts.entities';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { holdsRoleAt, itemActorKinds, mayConfigureCcg, mayReadCcg, meetingActorKinds, type Membership } from './escalation-access';
import { EscalationActionStatus } from './escalation-enums';
import {
  BoardEntity,
  BoardMeetingDecisionEntity,
  BoardMeetingEntity,
  BoardMemberEntity,
  EscalationActionEntity,
  EscalationItemEntity,
  EscalationItemEventEntity,
  EscalationRouteEntity,
  type EscalationSourceJson,
} from './escalation.entities';
import type {
  Board,
  BoardMeeting,
  BoardMember,
  EscalationAction,
  EscalationEvent,
  EscalationItem,
  EscalationMap,
  EscalationRouteRow,
  MeetingDecision,
  MeetingPack,
  UserSummary,
} from './escalation.type';
import { buildPack, frozenPackOf, type FrozenPack, type PackContext } from './meeting-pack';

export interface RaiseItemRequest {
  ccg: string;
  kind: EscalationItemKind;
  title: string;
  description: string;
  severity: EscalationSeverity;
  dueOn?: string | null;
  ownerUserId?: string | null;
  source: EscalationSourceJson;
  /** The demo seed's mark; never set through GraphQL. */
  illustrative?: boolean;
}

export interface MoveItemRequest {
  itemId: string;
  expectedVersion: number;
  toBoardId: string;
  reason: string;
}

export interface ActionDraft {
  description: string;
  ownerUserId: string;
  dueOn: string;
}

export interface UpdateActionRequest {
  actionId: string;
  expectedVersion: number;
  status?: EscalationActionStatus | null;
  description?: string | null;
  ownerUserId?: string | null;
  dueOn?: string | null;
}

export interface MeetingDecisionRequest {
  meetingId: string;
  itemId: string;
  decision: MeetingDecisionCode;
  note: string;
  toBoardId?: string | null;
  action?: ActionDraft | null;
}

export interface CreateBoardRequest {
  ccg: string;
  kind: BoardKind;
  name?: string | null;
  providerCode?: string | null;
  systemName?: string | null;
  frequency: string;
  termsOfReference?: string | null;
  /** The demo seed's mark; never set through GraphQL. */
  illustrative?: boolean;
}

export interface UpdateBoardRequest {
  boardId: string;
  expectedVersion: number;
  name?: string | null;
  frequency?: string | null;
  termsOfReference?: string | null;
}

export interface SetRouteRequest {
  ccg: string;
  itemKind: EscalationItemKind;
  fromKind?: BoardKind | null;
  toKinds: readonly BoardKind[];
  useDefault?: boolean | null;
}

/** A board with its members, as loaded. */
interface BoardRecord {
  board: BoardEntity;
  members: BoardMemberEntity[];
}

/** The domain's refusals of an item's move, by the input fields they concern. */
const ITEM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  INVALID_TRANSITION: ['itemId'],
  REASON_REQUIRED: ['reason'],
  MOVE_TARGET_REQUIRED: ['toBoardId'],
  DECISION_AGAINST_MOVE: ['toBoardId'],
  UNKNOWN_MEETING_DECISION: ['decision'],
  MINUTES_REQUIRED: ['minutes'],
  INVALID_ESCALATION_ROUTE: ['toKinds'],
  DUPLICATE_ESCALATION_ROUTE: ['toKinds'],
  NO_ENTRY_BOARD: ['kind'],
};

/** An id as the database holds it; anything else is no record at all (never a query that fails). */
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Board kinds in route order, for lists and the map. */
const BOARD_ORDER = (kind: string) => BOARD_KINDS.indexOf(kind as BoardKind);
const CMB: BoardKind = 'CONTRACT_MANAGEMENT_BOARD';
const SRG: BoardKind = 'SYSTEM_RESILIENCE_GROUP';

const itemNotFound = (field = 'itemId') => new AppError('NOT_FOUND', 'ESCALATION_ITEM_NOT_FOUND', 'There is no such escalation item among those you may see.', fieldsOf(field));
const boardNotFound = (field = 'boardId') => new AppError('NOT_FOUND', 'BOARD_NOT_FOUND', 'There is no such board among those you may see.', fieldsOf(field));
const meetingNotFound = (field = 'meetingId') => new AppError('NOT_FOUND', 'BOARD_MEETING_NOT_FOUND', 'There is no such board meeting among those you may see.', fieldsOf(field));

/**
 * A domain rule's refusal as the API's: ACTION_NOT_PERMITTED (the viewer's part does not allow it) is FORBIDDEN; any
 * other is BAD_USER_INPUT with the input fields it concerns.
 */
function applyingRule<T>(rule: () => T, otherwise: readonly string[] = ['itemId']): T {
  try {
    return checkingInput(ITEM_FIELDS, otherwise, rule);
  } catch (error) {
    if (error instanceof AppError && error.reason === 'ACTION_NOT_PERMITTED') {
      throw new AppError('FORBIDDEN', 'ACTION_NOT_PERMITTED', error.message, error.details);
    }
    throw error;
  }
}

/**
 * Boards and escalation (issue 16; decision 0024): a CCG's boards, members and routes; escalation items moved along
 * the route (the domain's transition table), with notes, decisions, actions, closing and reopening, each step kept in
 * the item's insert-only history; boards' meetings whose pack is built live while scheduled and frozen when held. One
 * transaction per change with its audit row; object-level checks in escalation-access.ts. Objects a viewer may not
 * read answer NOT_FOUND.
 */
export class EscalationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly providersOfCcg: (ccgCode: string, asOf: string | null) => Promise<{ providerCodes: string[]; basis: 'CONTRACTS' | 'REGION' }>,
  ) {}

  // ---- reads: boards ---------------------------------------------------------------------------

  /** The CCG's boards in route order; FORBIDDEN for a viewer with no role there. */
  async boards(viewer: Viewer, ccg: string): Promise<Board[]> {
    const code = await this.requireReadableCcg(viewer, ccg);
    return this.boardViews(this.dataSource.manager, await this.boardRecordsOf(this.dataSource.manager, code));
  }

  /** One board; null when none or not readable. */
  async board(viewer: Viewer | null, id: string): Promise<Board | null> {
    if (!isUuid(id)) return null;
    const record = await this.boardRecord(this.dataSource.manager, id);
    if (!record || !(await this.mayRead(viewer, record.board.ccgCode))) return null;
    return (await this.boardViews(this.dataSource.manager, [record]))[0];
  }

  /** Boards by id, each null when none or not readable (for the per-request loader). */
  async boardsByIds(viewer: Viewer | null, ids: readonly string[]): Promise<(Board | null)[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    const manager = this.dataSource.manager;
    const boards = wanted.length ? await manager.getRepository(BoardEntity).findBy({ id: In(wanted) }) : [];
    const members = boards.length ? await manager.getRepository(BoardMemberEntity).findBy({ boardId: In(boards.map((b) => b.id)) }) : [];
    const scope = viewer ? await this.accounts.scopeOf(viewer) : null;
    const readable = boards.filter((board) => scope !== null && mayReadCcg(viewer, scope, board.ccgCode));
    const views = await this.boardViews(manager, readable.map((board) => ({ board, members: members.filter((m) => m.boardId === board.id) })));
    const byId = new Map(views.map((view) => [view.id, view]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The open items at a board, most serious first. */
  async openItemsAt(viewer: Viewer | null, boardId: string, today: string): Promise<EscalationItem[]> {
    const items = await this.dataSource.getRepository(EscalationItemEntity).find({ where: { boardId, status: 'OPEN' } });
    return this.itemViews(this.dataSource.manager, sortBySeverity(items), today);
  }

  /** The board's next scheduled meeting on or after today; null when none. */
  async nextMeeting(boardId: string, today: string): Promise<BoardMeeting | null> {
    const meeting = await this.dataSource
      .getRepository(BoardMeetingEntity)
      .createQueryBuilder('m')
      .where('m.board_id = :boardId AND m.status = :status AND m.meets_on >= :today', { boardId, status: 'SCHEDULED', today })
      .orderBy('m.meets_on', 'ASC')
      .getOne();
    return meeting ? toMeeting(meeting) : null;
  }

  /** The board's scheduled meetings, the earliest first (past dates included: a meeting not yet recorded as held). */
  async scheduledMeetings(boardId: string): Promise<BoardMeeting[]> {
    return (await this.dataSource.getRepository(BoardMeetingEntity).find({ where: { boardId, status: 'SCHEDULED' }, order: { meetsOn: 'ASC' } })).map(toMeeting);
  }

  /** The board's held and cancelled meetings, the latest first. */
  async pastMeetings(boardId: string): Promise<BoardMeeting[]> {
    return (await this.dataSource.getRepository(BoardMeetingEntity).find({ where: { boardId, status: In(['HELD', 'CANCELLED']) }, order: { meetsOn: 'DESC', createdAt: 'DESC' } })).map(toMeeting);
  }

  /** Whether the viewer may configure the board's CCG's boards. */
  async viewerMayConfigure(viewer: Viewer | null, ccgCode: string): Promise<boolean> {
    return viewer !== null && mayConfigureCcg(await this.accounts.scopeOf(viewer), ccgCode);
  }

  /** The CCG's escalation route: the seed-002 defaults with the CCG's own rows in their place. */
  async routes(viewer: Viewer, ccg: string): Promise<EscalationRouteRow[]> {
    const code = await this.requireReadableCcg(viewer, ccg);
    return (await this.routesOf(this.dataSource.manager, code)).map((route) => ({
      itemKind: route.itemKind,
      fromKind: route.from === 'RAISED' ? null : route.from,
      toKinds: [...route.to],
      configured: route.configured,
      source: route.source.text ? `${route.source.document}: ${route.source.text}` : route.source.document,
    }));
  }

  /** The active users with a role at the CCG, by name. */
  async people(viewer: Viewer, ccg: string): Promise<UserSummary[]> {
    const code = await this.requireReadableCcg(viewer, ccg);
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.organisation_code = :code)', { code })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.username', 'ASC')
      .getMany();
    return users.map((user) => ({ id: user.id, displayName: user.displayName, username: user.username }));
  }

  // ---- reads: items ----------------------------------------------------------------------------

  /** One item; null when none or not readable. */
  async item(viewer: Viewer | null, id: string, today: string): Promise<EscalationItem | null> {
    if (!isUuid(id)) return null;
    const item = await this.dataSource.getRepository(EscalationItemEntity).findOneBy({ id });
    if (!item || !(await this.mayRead(viewer, item.ccgCode))) return null;
    return (await this.itemViews(this.dataSource.manager, [item], today))[0];
  }

  /** The CCG's items (of the status and board, when given), most serious first, then the latest raised. A list, not a page: a CCG's items are few. */
  async items(viewer: Viewer, ccg: string, status: EscalationItemState | null, boardId: string | null, today: string): Promise<EscalationItem[]> {
    const code = await this.requireReadableCcg(viewer, ccg);
    if (boardId !== null && !isUuid(boardId)) throw boardNotFound();
    const where: Record<string, unknown> = { ccgCode: code };
    if (status) where.status = status;
    if (boardId) where.boardId = boardId;
    const items = await this.dataSource.getRepository(EscalationItemEntity).find({ where, order: { raisedAt: 'DESC' } });
    return this.itemViews(this.dataSource.manager, sortBySeverity(items), today);
  }

  /** The viewer's open items: those they own and those at the boards they sit on, most serious first. */
  async myItems(viewer: Viewer, today: string): Promise<EscalationItem[]> {
    const boardIds = (await this.dataSource.getRepository(BoardMemberEntity).findBy({ userId: viewer.userId })).map((m) => m.boardId);
    const query = this.dataSource.getRepository(EscalationItemEntity).createQueryBuilder('i').where('i.status = :status', { status: 'OPEN' });
    if (boardIds.length > 0) query.andWhere('(i.owner_user_id = :me OR i.board_id IN (:...boardIds))', { me: viewer.userId, boardIds });
    else query.andWhere('i.owner_user_id = :me', { me: viewer.userId });
    const items = await query.orderBy('i.raised_at', 'DESC').getMany();
    const readable: EscalationItemEntity[] = [];
    const scope = await this.accounts.scopeOf(viewer);
    for (const item of items) if (mayReadCcg(viewer, scope, item.ccgCode)) readable.push(item);
    return this.itemViews(this.dataSource.manager, sortBySeverity(readable), today);
  }

  /** Items' histories, oldest first, by item (for the per-request loader). */
  async historiesOf(itemIds: readonly string[]): Promise<EscalationEvent[][]> {
    const events = itemIds.length ? await this.dataSource.getRepository(EscalationItemEventEntity).find({ where: { itemId: In([...itemIds]) }, order: { id: 'ASC' } }) : [];
    return itemIds.map((itemId) =>
      events
        .filter((event) => event.itemId === itemId)
        .map((event) => ({
          fromBoardId: event.fromBoardId,
          toBoardId: event.toBoardId,
          meetingId: event.meetingId,
          at: event.at,
          actor: event.actorName,
          action: event.action as EscalationItemAction,
          actionLabel: ESCALATION_ITEM_ACTION_LABELS[event.action as EscalationItemAction] ?? event.action,
          moveKind: event.moveKind as EscalationMoveKind | null,
          reason: event.reason,
          decision: event.decision,
        })),
    );
  }

  /** Items' actions, the earliest added first, by item (for the per-request loader). */
  async actionsOf(itemIds: readonly string[], today: string): Promise<EscalationAction[][]> {
    const actions = itemIds.length
      ? await this.dataSource.getRepository(EscalationActionEntity).find({ where: { itemId: In([...itemIds]) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const users = await this.users(this.dataSource.manager, actions.map((a) => a.ownerUserId));
    return itemIds.map((itemId) =>
      actions
        .filter((action) => action.itemId === itemId)
        .map((action) => ({
          id: action.id,
          description: action.description,
          owner: summaryOf(users, action.ownerUserId),
          dueOn: action.dueOn,
          status: action.status as EscalationActionStatus,
          overdue: action.status === EscalationActionStatus.OPEN && isOverdue(action.dueOn, today),
          version: action.version,
        })),
    );
  }

  /** The actions the viewer may take on the item now (the domain's table, for the kinds the viewer holds). */
  availableActions(viewer: Viewer | null, item: EscalationItem, board: Board): EscalationItemAction[] {
    const membership: Membership = { memberIds: board.members.map((m) => m.user.id), chairId: board.chair?.user.id ?? null };
    const kinds = itemActorKinds(viewer, { ccgCode: item.ccgCode, ownerUserId: item.owner.id }, membership);
    // RAISE makes a new item; it is not a step of this one.
    return availableEscalationItemActions(item.status, kinds).filter((action) => action !== 'RAISE');
  }

  /** The boards the route names next from the item's board that the CCG has (the usual next first). */
  async nextBoards(item: EscalationItem): Promise<Board[]> {
    return this.routeBoards(item, 'NEXT');
  }

  /** The boards the route escalates from to the item's board that the CCG has (de-escalation). */
  async previousBoards(item: EscalationItem): Promise<Board[]> {
    return this.routeBoards(item, 'PREVIOUS');
  }

  /** The CCG's escalation map: every board in route order with its open items. */
  async map(viewer: Viewer, ccg: string, today: string): Promise<EscalationMap> {
    const code = await this.requireReadableCcg(viewer, ccg);
    const manager = this.dataSource.manager;
    const boards = await this.boardViews(manager, await this.boardRecordsOf(manager, code));
    const items = await this.itemViews(manager, sortBySeverity(await manager.getRepository(EscalationItemEntity).find({ where: { ccgCode: code, status: 'OPEN' } })), today);
    return {
      ccgCode: code,
      openItems: items.length,
      boards: boards.map((board) => {
        const at = items.filter((item) => item.boardId === board.id);
        return {
          board,
          openItems: at.length,
          bySeverity: ESCALATION_SEVERITIES.map((severity) => ({ severity, severityLabel: ESCALATION_SEVERITY_LABELS[severity], count: at.filter((item) => item.severity === severity).length })),
          items: at,
        };
      }),
    };
  }

  // ---- reads: meetings -------------------------------------------------------------------------

  /** One meeting; null when none or its board is not readable. */
  async meeting(viewer: Viewer | null, id: string): Promise<BoardMeeting | null> {
    if (!isUuid(id)) return null;
    const meeting = await this.dataSource.getRepository(BoardMeetingEntity).findOneBy({ id });
    if (!meeting) return null;
    const board = await this.dataSource.getRepository(BoardEntity).findOneByOrFail({ id: meeting.boardId });
    if (!(await this.mayRead(viewer, board.ccgCode))) return null;
    return toMeeting(meeting);
  }

  /** The meeting's pack: frozen as held, else built now from the items at the board. */
  async pack(meetingId: string): Promise<MeetingPack> {
    const meeting = await this.dataSource.getRepository(BoardMeetingEntity).findOneByOrFail({ id: meetingId });
    if (meeting.pack) return frozenPackOf(meeting.pack).pack;
    return (await buildPack(this.dataSource.manager, meeting, await this.packContext(), new Date())).pack;
  }

  /** The decisions recorded at the meeting, in the order recorded (from the frozen pack once held). */
  async decisions(meetingId: string): Promise<MeetingDecision[]> {
    const meeting = await this.dataSource.getRepository(BoardMeetingEntity).findOneByOrFail({ id: meetingId });
    if (meeting.pack) return frozenPackOf(meeting.pack).decisions;
    return decisionsOf(this.dataSource.manager, meetingId);
  }

  /** The moves the viewer may make on the meeting now. */
  async meetingAvailableActions(viewer: Viewer | null, meeting: BoardMeeting): Promise<BoardMeetingAction[]> {
    const record = await this.boardRecord(this.dataSource.manager, meeting.boardId);
    if (!record) return [];
    return availableBoardMeetingActions(meeting.status, meetingActorKinds(viewer, membershipOf(record))).filter((action) => action !== 'SCHEDULE');
  }

  /** A held meeting for its PDF, with its board; NOT_FOUND unless the viewer is a member of the board and the meeting is held. */
  async heldMeetingForPdf(viewer: Viewer, meetingId: string): Promise<{ meeting: BoardMeeting; board: Board; ccgName: string; pack: FrozenPack }> {
    const entity = isUuid(meetingId) ? await this.dataSource.getRepository(BoardMeetingEntity).findOneBy({ id: meetingId }) : null;
    const record = entity ? await this.boardRecord(this.dataSource.manager, entity.boardId) : null;
    if (!entity || !record || !record.members.some((m) => m.userId === viewer.userId) || !entity.pack) throw meetingNotFound();
    const [board] = await this.boardViews(this.dataSource.manager, [record]);
    const ccg = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: record.board.ccgCode });
    return { meeting: toMeeting(entity), board, ccgName: ccg?.name ?? record.board.ccgCode, pack: frozenPackOf(entity.pack) };
  }

  // ---- changes: items --------------------------------------------------------------------------

  /** Raises an item at the entry board of its kind's route. */
  async raise(viewer: Viewer, requestId: string, input: RaiseItemRequest, today: string): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const ccg = await this.requireCcgOrganisation(manager, input.ccg);
      if (!holdsRoleAt(viewer, ccg)) {
        if (await this.mayRead(viewer, ccg)) throw new AppError('FORBIDDEN', 'ACTION_NOT_PERMITTED', 'Only someone with a role at the CCG may raise an escalation item there.', fieldsOf('ccg'));
        throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', 'There is no such CCG among those you may see.', fieldsOf('ccg'));
      }
      applyingRule(() => requireEscalationItemTransition(null, { action: 'RAISE' }, ['CCG_STAFF']), ['kind']);
      const title = requiredText(input.title, 'TEXT_REQUIRED', 'An escalation item needs a title.', 'title');
      const description = requiredText(input.description, 'TEXT_REQUIRED', 'Say what the concern is.', 'description');
      const source = await this.checkedSource(manager, input.kind, input.source);
      const ownerId = input.ownerUserId ?? viewer.userId;
      await this.requireUserAt(manager, ownerId, ccg, 'ownerUserId');
      if (!input.illustrative && isOverdue(input.dueOn, today)) {
        throw new AppError('BAD_USER_INPUT', 'DATE_IN_PAST', 'A due date cannot be a day already past.', { value: input.dueOn, ...fieldsOf('dueOn') });
      }
      const routes = await this.routesOf(manager, ccg);
      const entryKind = applyingRule(() => entryBoardKind(routes, input.kind), ['kind']);
      const board = await this.boardForKind(manager, ccg, entryKind, source.providerCode ?? null);
      if (!board) {
        throw new AppError('BAD_USER_INPUT', 'BOARD_NOT_SET_UP', `${ccg} has no ${BOARD_KIND_LABELS[entryKind]}, where a new ${ESCALATION_ITEM_KIND_LABELS[input.kind].toLowerCase()} item starts: set up its boards first.`, {
          boardKind: entryKind,
          ...fieldsOf('kind'),
        });
      }
      const now = new Date();
      const saved = await manager.getRepository(EscalationItemEntity).save(
        manager.getRepository(EscalationItemEntity).create({
          ccgCode: ccg,
          kind: input.kind,
          title,
          description,
          source,
          providerCode: source.providerCode ?? null,
          indicatorCode: source.indicatorCode ?? null,
          ownerUserId: ownerId,
          boardId: board.id,
          severity: input.severity,
          status: 'OPEN',
          dueOn: input.dueOn ?? null,
          raisedBy: viewer.userId,
          raisedAt: now,
          arrivedAtBoardAt: now,
          illustrative: input.illustrative ?? false,
          version: 1,
        }),
      );
      await this.insertEvent(manager, viewer, { itemId: saved.id, action: 'RAISE', toBoardId: board.id, at: now, details: { kind: input.kind, severity: input.severity, source, ownerUserId: ownerId } });
      await recordAudit(manager, actor, {
        action: 'RAISE_ESCALATION_ITEM',
        entityType: 'escalation_item',
        entityId: saved.id,
        after: { ccg, kind: input.kind, title, severity: input.severity, boardId: board.id, ownerUserId: ownerId, dueOn: input.dueOn ?? null, source },
      });
      return saved.id;
    });
  }

  /** Moves an item to another board: up or down the route (members), off it (the chair); a reason always. */
  async move(viewer: Viewer, requestId: string, input: MoveItemRequest): Promise<string> {
    return this.itemChange(viewer, requestId, input.itemId, input.expectedVersion, async (manager, actor, item, kinds, from) => {
      const to = await this.boardRecord(manager, input.toBoardId);
      if (!to || to.board.ccgCode !== item.ccgCode) throw boardNotFound('toBoardId');
      await this.moveItem(manager, viewer, actor, item, kinds, from.board, to.board, input.reason, null);
    });
  }

  /** Records a note on an item. */
  async recordNote(viewer: Viewer, requestId: string, input: { itemId: string; expectedVersion: number; note: string }): Promise<string> {
    return this.itemChange(viewer, requestId, input.itemId, input.expectedVersion, async (manager, actor, item, kinds) => {
      applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action: 'RECORD_NOTE', reason: input.note }, kinds), ['note']);
      const note = requiredText(input.note, 'REASON_REQUIRED', 'Write the note.', 'note');
      await this.insertEvent(manager, viewer, { itemId: item.id, action: 'RECORD_NOTE', reason: note });
      await recordAudit(manager, actor, { action: 'RECORD_ESCALATION_NOTE', entityType: 'escalation_item', entityId: item.id, after: { note } });
    });
  }

  /** Closes an item with the reason (the chair of its board). */
  async close(viewer: Viewer, requestId: string, input: { itemId: string; expectedVersion: number; reason: string }): Promise<string> {
    return this.itemChange(viewer, requestId, input.itemId, input.expectedVersion, async (manager, actor, item, kinds) => {
      await this.closeItem(manager, viewer, actor, item, kinds, input.reason, null, null);
    });
  }

  /** Reopens a closed item with the reason (the chair of its board). */
  async reopen(viewer: Viewer, requestId: string, input: { itemId: string; expectedVersion: number; reason: string }): Promise<string> {
    return this.itemChange(viewer, requestId, input.itemId, input.expectedVersion, async (manager, actor, item, kinds) => {
      applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action: 'REOPEN', reason: input.reason }, kinds));
      const reason = input.reason.trim();
      await manager.getRepository(EscalationItemEntity).update({ id: item.id }, { status: 'OPEN', closedReason: null, closedAt: null, updatedAt: new Date() });
      await this.insertEvent(manager, viewer, { itemId: item.id, action: 'REOPEN', reason });
      await recordAudit(manager, actor, { action: 'REOPEN_ESCALATION_ITEM', entityType: 'escalation_item', entityId: item.id, before: { status: 'CLOSED', closedReason: item.closedReason }, after: { status: 'OPEN', reason } });
    });
  }

  /** Adds an action to an item (its owner or its board's members). */
  async addAction(viewer: Viewer, requestId: string, input: ActionDraft & { itemId: string; expectedVersion: number }, today: string): Promise<string> {
    return this.itemChange(viewer, requestId, input.itemId, input.expectedVersion, async (manager, actor, item, kinds) => {
      applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action: 'ADD_ACTION' }, kinds));
      await this.insertAction(manager, viewer, actor, item, input, today, null, null);
    });
  }

  /** Changes an action (its item's owner or board members); answers the item's id. */
  async updateAction(viewer: Viewer, requestId: string, input: UpdateActionRequest): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const action = await manager.getRepository(EscalationActionEntity).findOneBy({ id: input.actionId });
      const item = action ? await manager.getRepository(EscalationItemEntity).findOne({ where: { id: action.itemId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!action || !item || !(await this.mayRead(viewer, item.ccgCode, manager))) {
        throw new AppError('NOT_FOUND', 'ESCALATION_ACTION_NOT_FOUND', 'There is no such action among those you may see.', fieldsOf('actionId'));
      }
      const board = await this.requireBoardRecord(manager, item.boardId);
      const kinds = itemActorKinds(viewer, item, membershipOf(board));
      applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action: 'UPDATE_ACTION' }, kinds), ['actionId']);
      await this.advance(manager, EscalationActionEntity, 'action', action.id, input.expectedVersion);
      const before = { description: action.description, ownerUserId: action.ownerUserId, dueOn: action.dueOn, status: action.status };
      const after = {
        description: input.description != null ? requiredText(input.description, 'TEXT_REQUIRED', 'Say what the action is.', 'description') : action.description,
        ownerUserId: input.ownerUserId ?? action.ownerUserId,
        dueOn: input.dueOn ?? action.dueOn,
        status: input.status ?? action.status,
      };
      if (after.ownerUserId !== action.ownerUserId) await this.requireUserAt(manager, after.ownerUserId, item.ccgCode, 'ownerUserId');
      await manager.getRepository(EscalationActionEntity).update({ id: action.id }, { ...after, updatedAt: new Date() });
      await this.bumpItem(manager, item.id);
      await this.insertEvent(manager, viewer, { itemId: item.id, action: 'UPDATE_ACTION', details: { actionId: action.id, before, after } });
      await recordAudit(manager, actor, { action: 'UPDATE_ESCALATION_ACTION', entityType: 'escalation_action', entityId: action.id, before, after });
      return item.id;
    });
  }

  // ---- changes: meetings -----------------------------------------------------------------------

  /** Schedules a meeting of a board (its members). */
  async scheduleMeeting(viewer: Viewer, requestId: string, input: { boardId: string; meetsOn: string; illustrative?: boolean }): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const record = await this.boardRecord(manager, input.boardId);
      if (!record || !(await this.mayRead(viewer, record.board.ccgCode, manager))) throw boardNotFound();
      applyingRule(() => requireBoardMeetingTransition(null, { action: 'SCHEDULE' }, meetingActorKinds(viewer, membershipOf(record))), ['boardId']);
      const clash = await manager.getRepository(BoardMeetingEntity).findOneBy({ boardId: record.board.id, meetsOn: input.meetsOn, status: 'SCHEDULED' });
      if (clash) throw new AppError('CONFLICT', 'MEETING_EXISTS', 'The board already has a meeting scheduled that day.', { meetingId: clash.id, ...fieldsOf('meetsOn') });
      const saved = await manager.getRepository(BoardMeetingEntity).save(
        manager.getRepository(BoardMeetingEntity).create({ boardId: record.board.id, meetsOn: input.meetsOn, status: 'SCHEDULED', scheduledBy: viewer.userId, illustrative: input.illustrative ?? false, version: 1 }),
      );
      await recordAudit(manager, actor, { action: 'SCHEDULE_BOARD_MEETING', entityType: 'board_meeting', entityId: saved.id, after: { boardId: record.board.id, meetsOn: input.meetsOn } });
      return saved.id;
    });
  }

  /** Records the chair's decision on an item at a scheduled meeting; the decision updates the item and its history. */
  async recordDecision(viewer: Viewer, requestId: string, input: MeetingDecisionRequest, today: string): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const meeting = await manager.getRepository(BoardMeetingEntity).findOne({ where: { id: input.meetingId }, lock: { mode: 'pessimistic_write' } });
      const record = meeting ? await this.boardRecord(manager, meeting.boardId) : null;
      if (!meeting || !record || !(await this.mayRead(viewer, record.board.ccgCode, manager))) throw meetingNotFound();
      applyingRule(() => requireBoardMeetingTransition(meeting.status as BoardMeetingState, { action: 'RECORD_ITEM_DECISION' }, meetingActorKinds(viewer, membershipOf(record))), ['meetingId']);
      const item = await manager.getRepository(EscalationItemEntity).findOne({ where: { id: input.itemId }, lock: { mode: 'pessimistic_write' } });
      if (!item || item.ccgCode !== record.board.ccgCode) throw itemNotFound();
      if (item.boardId !== record.board.id) {
        throw new AppError('BAD_USER_INPUT', 'ITEM_NOT_AT_BOARD', 'The item is not at this meeting’s board.', { boardId: item.boardId, ...fieldsOf('itemId') });
      }
      const note = requiredText(input.note, 'REASON_REQUIRED', 'Say what was decided and why.', 'note');
      const kinds = itemActorKinds(viewer, item, membershipOf(record));
      const before = snapshotOf(item, record.board);
      const decisionLabel = `${MEETING_DECISION_LABELS[input.decision] ?? input.decision}: ${note}`;
      let toBoard: BoardEntity | null = null;
      let actionId: string | null = null;
      if (input.decision === 'ESCALATE' || input.decision === 'DE_ESCALATE') {
        toBoard = await this.decisionTarget(manager, item, record.board, input);
        await this.moveItem(manager, viewer, actor, item, kinds, record.board, toBoard, note, { meetingId: meeting.id, decision: input.decision, decisionText: decisionLabel, before });
      } else {
        const action = applyingRule(() => itemActionForMeetingDecision(input.decision, null), ['decision']);
        if (action === 'CLOSE') {
          await this.closeItem(manager, viewer, actor, item, kinds, note, meeting.id, { decisionText: decisionLabel, before });
        } else if (action === 'ADD_ACTION') {
          applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action: 'ADD_ACTION' }, kinds));
          if (!input.action) throw new AppError('BAD_USER_INPUT', 'ACTION_REQUIRED', 'An action decision needs the action: what, who and by when.', fieldsOf('action'));
          actionId = await this.insertAction(manager, viewer, actor, item, input.action, today, meeting.id, { decisionText: decisionLabel, before });
        } else {
          applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action, reason: note }, kinds), ['note']);
          await this.insertEvent(manager, viewer, { itemId: item.id, action, decision: decisionLabel, reason: note, meetingId: meeting.id, details: { before } });
        }
      }
      await this.bumpItem(manager, item.id);
      const saved = await manager.getRepository(BoardMeetingDecisionEntity).save(
        manager.getRepository(BoardMeetingDecisionEntity).create({ meetingId: meeting.id, itemId: item.id, decision: input.decision, note, toBoardId: toBoard?.id ?? null, actionId, recordedBy: viewer.userId }),
      );
      await manager.getRepository(BoardMeetingEntity).update({ id: meeting.id }, { version: () => 'version + 1' });
      await recordAudit(manager, actor, {
        action: 'RECORD_MEETING_DECISION',
        entityType: 'board_meeting',
        entityId: meeting.id,
        after: { decisionId: saved.id, itemId: item.id, decision: input.decision, note, toBoardId: toBoard?.id ?? null, actionId },
      });
      return meeting.id;
    });
  }

  /** Records a meeting as held with its minutes: its pack and decisions are frozen as they stand. */
  async holdMeeting(viewer: Viewer, requestId: string, input: { meetingId: string; expectedVersion: number; minutes: string }): Promise<string> {
    return this.meetingChange(viewer, requestId, input.meetingId, input.expectedVersion, async (manager, actor, meeting, record) => {
      applyingRule(() => requireBoardMeetingTransition(meeting.status as BoardMeetingState, { action: 'HOLD', minutes: input.minutes }, meetingActorKinds(viewer, membershipOf(record))), ['meetingId']);
      const minutes = input.minutes.trim();
      const now = new Date();
      const built = await buildPack(manager, meeting, await this.packContext(), now);
      const frozen: FrozenPack = { pack: { ...built.pack, frozen: true }, decisions: await decisionsOf(manager, meeting.id) };
      await manager.getRepository(BoardMeetingEntity).update({ id: meeting.id }, { status: 'HELD', pack: frozen, minutes, heldAt: now, heldBy: viewer.userId });
      await recordAudit(manager, actor, {
        action: 'HOLD_BOARD_MEETING',
        entityType: 'board_meeting',
        entityId: meeting.id,
        before: { status: meeting.status },
        after: { status: 'HELD', minutes, packItems: built.itemIds, decisions: frozen.decisions.length, failingIndicators: frozen.pack.failingIndicators.length },
      });
    });
  }

  /** Cancels a scheduled meeting with the reason. */
  async cancelMeeting(viewer: Viewer, requestId: string, input: { meetingId: string; expectedVersion: number; reason: string }): Promise<string> {
    return this.meetingChange(viewer, requestId, input.meetingId, input.expectedVersion, async (manager, actor, meeting, record) => {
      applyingRule(() => requireBoardMeetingTransition(meeting.status as BoardMeetingState, { action: 'CANCEL', reason: input.reason }, meetingActorKinds(viewer, membershipOf(record))), ['meetingId']);
      const reason = input.reason.trim();
      await manager.getRepository(BoardMeetingEntity).update({ id: meeting.id }, { status: 'CANCELLED', cancelledReason: reason });
      await recordAudit(manager, actor, { action: 'CANCEL_BOARD_MEETING', entityType: 'board_meeting', entityId: meeting.id, before: { status: meeting.status }, after: { status: 'CANCELLED', reason } });
    });
  }

  // ---- changes: configuration ------------------------------------------------------------------

  /** Creates a board of a CCG (an administrator of the CCG). */
  async createBoard(viewer: Viewer, requestId: string, input: CreateBoardRequest): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const ccg = await this.requireConfigurableCcg(manager, viewer, input.ccg);
      return this.insertBoard(manager, actor, ccg, input);
    });
  }

  /** Changes a board's name, frequency or terms of reference. */
  async updateBoard(viewer: Viewer, requestId: string, input: UpdateBoardRequest): Promise<string> {
    return this.boardChange(viewer, requestId, input.boardId, input.expectedVersion, async (manager, actor, record) => {
      const { board } = record;
      const before = { name: board.name, frequency: board.frequency, termsOfReference: board.termsOfReference };
      const after = {
        name: input.name != null ? requiredText(input.name, 'TEXT_REQUIRED', 'A board needs a name.', 'name') : board.name,
        frequency: input.frequency != null ? requiredText(input.frequency, 'TEXT_REQUIRED', 'Say how often the board meets.', 'frequency') : board.frequency,
        termsOfReference: input.termsOfReference != null ? optionalText(input.termsOfReference) : board.termsOfReference,
      };
      await manager.getRepository(BoardEntity).update({ id: board.id }, { ...after, updatedAt: new Date() });
      await recordAudit(manager, actor, { action: 'UPDATE_BOARD', entityType: 'board', entityId: board.id, before, after });
    });
  }

  /** Replaces a board's members (each with a role at the CCG; at most one chair). */
  async setMembers(viewer: Viewer, requestId: string, input: { boardId: string; expectedVersion: number; members: readonly { userId: string; isChair: boolean }[] }): Promise<string> {
    return this.boardChange(viewer, requestId, input.boardId, input.expectedVersion, async (manager, actor, record) => {
      await this.writeMembers(manager, actor, record, input.members);
    });
  }

  /**
   * Sets up the seed-002 boards of a CCG: the Programme Management Delivery Group, the Integrated Performance and
   * Delivery Board, the Commissioning Executive Team, the Governing Body, and a Contract Management Board for each
   * provider the CCG holds contracts with. Idempotent: boards already there are kept as they are.
   */
  async setUpStandardBoards(viewer: Viewer, requestId: string, ccgCode: string, options: { illustrative?: boolean } = {}): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const ccg = await this.requireConfigurableCcg(manager, viewer, ccgCode);
      await this.standardBoards(manager, actor, ccg, options.illustrative ?? false);
      return ccg;
    });
  }

  /** Sets (or removes) a CCG's own row of the escalation route. */
  async setRoute(viewer: Viewer, requestId: string, input: SetRouteRequest): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const ccg = await this.requireConfigurableCcg(manager, viewer, input.ccg);
      const from = input.fromKind ?? 'RAISED';
      const repository = manager.getRepository(EscalationRouteEntity);
      const before = await repository.findOneBy({ ccgCode: ccg, itemKind: input.itemKind, fromKind: from });
      if (input.useDefault) {
        if (before) await repository.delete({ ccgCode: ccg, itemKind: input.itemKind, fromKind: from });
      } else {
        const row = applyingRule(() => validateEscalationRoute({ itemKind: input.itemKind, from, to: [...input.toKinds] }), ['toKinds']);
        await repository.save(repository.create({ ccgCode: ccg, itemKind: row.itemKind, fromKind: row.from, toKinds: [...row.to], note: null, updatedBy: viewer.userId, updatedAt: new Date() }));
        // The whole route must still resolve, and a new item of the kind must still have somewhere to start.
        const routes = await this.routesOf(manager, ccg);
        applyingRule(() => entryBoardKind(routes, input.itemKind), ['toKinds']);
      }
      await recordAudit(manager, actor, {
        action: input.useDefault ? 'RESET_ESCALATION_ROUTE' : 'SET_ESCALATION_ROUTE',
        entityType: 'escalation_route',
        entityId: `${ccg}:${input.itemKind}:${from}`,
        before: before ? { toKinds: before.toKinds } : null,
        after: input.useDefault ? null : { toKinds: [...input.toKinds] },
      });
      return ccg;
    });
  }

  // ---- for the demo seed -----------------------------------------------------------------------

  /** Sets up the standard boards in the caller's transaction (the demo seed), as setUpStandardBoards does. */
  async standardBoards(manager: EntityManager, actor: AuditActor, ccg: string, illustrative: boolean): Promise<void> {
    const existing = await manager.getRepository(BoardEntity).findBy({ ccgCode: ccg });
    for (const standard of STANDARD_BOARDS) {
      if (standard.kind === CMB) continue;
      if (existing.some((board) => board.kind === standard.kind)) continue;
      await this.insertBoard(manager, actor, ccg, { ccg, kind: standard.kind, name: standard.name, frequency: standard.frequency ?? 'As required', termsOfReference: standard.termsOfReference, illustrative });
    }
    const cmb = STANDARD_BOARDS.find((standard) => standard.kind === CMB);
    const providers = await this.contractedProvidersOf(manager, ccg);
    for (const provider of providers) {
      if (existing.some((board) => board.kind === CMB && board.providerCode === provider)) continue;
      await this.insertBoard(manager, actor, ccg, { ccg, kind: CMB, providerCode: provider, frequency: cmb?.frequency ?? 'Monthly', termsOfReference: cmb?.termsOfReference ?? null, illustrative });
    }
  }

  /** Replaces a board's members in the caller's transaction (the demo seed). */
  async writeMembers(manager: EntityManager, actor: AuditActor, record: BoardRecord, members: readonly { userId: string; isChair: boolean }[]): Promise<void> {
    const ids = members.map((m) => m.userId);
    if (new Set(ids).size !== ids.length) throw new AppError('BAD_USER_INPUT', 'DUPLICATE_MEMBER', 'A user is listed twice.', fieldsOf('members'));
    if (members.filter((m) => m.isChair).length > 1) throw new AppError('BAD_USER_INPUT', 'ONE_CHAIR', 'A board has at most one chair.', fieldsOf('members'));
    for (const [index, member] of members.entries()) await this.requireUserAt(manager, member.userId, record.board.ccgCode, `members.${index}.userId`);
    const before = record.members.map((m) => ({ userId: m.userId, isChair: m.isChair }));
    await manager.getRepository(BoardMemberEntity).delete({ boardId: record.board.id });
    if (members.length > 0) await manager.getRepository(BoardMemberEntity).insert(members.map((m) => ({ boardId: record.board.id, userId: m.userId, isChair: m.isChair })));
    await manager.getRepository(BoardEntity).update({ id: record.board.id }, { updatedAt: new Date() });
    await recordAudit(manager, actor, { action: 'SET_BOARD_MEMBERS', entityType: 'board', entityId: record.board.id, before: { members: before }, after: { members: members.map((m) => ({ userId: m.userId, isChair: m.isChair })) } });
  }

  /** The boards of a CCG with their members, in route order. */
  async boardRecordsOf(manager: EntityManager, ccg: string): Promise<BoardRecord[]> {
    const boards = await manager.getRepository(BoardEntity).findBy({ ccgCode: ccg });
    boards.sort((a, b) => BOARD_ORDER(a.kind) - BOARD_ORDER(b.kind) || a.name.localeCompare(b.name, 'en-GB'));
    const members = boards.length ? await manager.getRepository(BoardMemberEntity).find({ where: { boardId: In(boards.map((b) => b.id)) } }) : [];
    return boards.map((board) => ({ board, members: members.filter((m) => m.boardId === board.id) }));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }

  /** A change of an item from the version the caller read; NOT_FOUND for an item the viewer may not read. */
  private itemChange(
    viewer: Viewer,
    requestId: string,
    itemId: string,
    expectedVersion: number,
    work: (manager: EntityManager, actor: AuditActor, item: EscalationItemEntity, kinds: EscalationItemActorKind[], board: BoardRecord) => Promise<void>,
  ): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const current = await manager.getRepository(EscalationItemEntity).findOneBy({ id: itemId });
      if (!current || !(await this.mayRead(viewer, current.ccgCode, manager))) throw itemNotFound();
      await this.advance(manager, EscalationItemEntity, 'escalation item', itemId, expectedVersion);
      const item = await manager.getRepository(EscalationItemEntity).findOneByOrFail({ id: itemId });
      const board = await this.requireBoardRecord(manager, item.boardId);
      await work(manager, actor, item, itemActorKinds(viewer, item, membershipOf(board)), board);
      return itemId;
    });
  }

  private meetingChange(
    viewer: Viewer,
    requestId: string,
    meetingId: string,
    expectedVersion: number,
    work: (manager: EntityManager, actor: AuditActor, meeting: BoardMeetingEntity, board: BoardRecord) => Promise<void>,
  ): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const current = await manager.getRepository(BoardMeetingEntity).findOneBy({ id: meetingId });
      const record = current ? await this.boardRecord(manager, current.boardId) : null;
      if (!current || !record || !(await this.mayRead(viewer, record.board.ccgCode, manager))) throw meetingNotFound();
      await this.advance(manager, BoardMeetingEntity, 'meeting', meetingId, expectedVersion);
      await work(manager, actor, await manager.getRepository(BoardMeetingEntity).findOneByOrFail({ id: meetingId }), record);
      return meetingId;
    });
  }

  private boardChange(viewer: Viewer, requestId: string, boardId: string, expectedVersion: number, work: (manager: EntityManager, actor: AuditActor, record: BoardRecord) => Promise<void>): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const record = await this.boardRecord(manager, boardId);
      if (!record || !(await this.mayRead(viewer, record.board.ccgCode, manager))) throw boardNotFound();
      const scope = await this.accounts.scopeOf(viewer, manager);
      if (!mayConfigureCcg(scope, record.board.ccgCode)) throw new AppError('FORBIDDEN', 'ACTION_NOT_PERMITTED', 'Only an administrator of the CCG configures its boards.', fieldsOf('boardId'));
      await this.advance(manager, BoardEntity, 'board', boardId, expectedVersion);
      await work(manager, actor, record);
      return boardId;
    });
  }

  /** Optimistic concurrency: +1 on the row's version if it is still `expected`; CONFLICT STALE_VERSION otherwise. */
  private async advance(
    manager: EntityManager,
    entity: typeof EscalationItemEntity | typeof EscalationActionEntity | typeof BoardMeetingEntity | typeof BoardEntity,
    subject: string,
    id: string,
    expected: number,
  ): Promise<void> {
    const result = await manager.createQueryBuilder().update(entity).set({ version: () => 'version + 1' }).where('id = :id AND version = :expected', { id, expected }).execute();
    if (result.affected !== 1) {
      throw new AppError('CONFLICT', 'STALE_VERSION', `The ${subject} has changed since you read it: read it again, then make your change.`, { id, expectedVersion: expected, ...fieldsOf('expectedVersion') });
    }
  }

  /** +1 on an item's version for a change made through another record (an action, a meeting decision). */
  private async bumpItem(manager: EntityManager, itemId: string): Promise<void> {
    await manager.getRepository(EscalationItemEntity).update({ id: itemId }, { version: () => 'version + 1', updatedAt: new Date() });
  }

  private async moveItem(
    manager: EntityManager,
    viewer: Viewer,
    actor: AuditActor,
    item: EscalationItemEntity,
    kinds: EscalationItemActorKind[],
    from: BoardEntity,
    to: BoardEntity,
    reasonText: string,
    meeting: { meetingId: string; decision: MeetingDecisionCode; decisionText: string; before: Record<string, unknown> } | null,
  ): Promise<void> {
    if (to.id === from.id) throw new AppError('BAD_USER_INPUT', 'SAME_BOARD', 'The item is already at that board.', fieldsOf('toBoardId'));
    const routes = await this.routesOf(manager, item.ccgCode);
    let moveKind = classifyMove(routes, item.kind as EscalationItemKind, from.kind as BoardKind, to.kind as BoardKind);
    // A provider's concern goes to that provider's Contract Management Board; another provider's is off the route.
    if (moveKind !== 'OFF_ROUTE' && to.kind === CMB && to.providerCode !== item.providerCode) moveKind = 'OFF_ROUTE';
    const action = meeting ? applyingRule(() => itemActionForMeetingDecision(meeting.decision, moveKind), ['toBoardId']) : ESCALATION_MOVE_ACTIONS[moveKind];
    applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action, reason: reasonText }, kinds), ['reason']);
    const reason = reasonText.trim();
    const now = new Date();
    await manager.getRepository(EscalationItemEntity).update({ id: item.id }, { boardId: to.id, arrivedAtBoardAt: now, updatedAt: now });
    await this.insertEvent(manager, viewer, {
      itemId: item.id,
      action,
      fromBoardId: from.id,
      toBoardId: to.id,
      moveKind,
      reason,
      at: now,
      meetingId: meeting?.meetingId ?? null,
      decision: meeting?.decisionText ?? null,
      details: { fromBoard: from.name, toBoard: to.name, ...(meeting ? { before: meeting.before } : {}) },
    });
    await recordAudit(manager, actor, {
      action: 'MOVE_ESCALATION_ITEM',
      entityType: 'escalation_item',
      entityId: item.id,
      before: { boardId: from.id },
      after: { boardId: to.id, moveKind, action, reason, meetingId: meeting?.meetingId ?? null },
    });
  }

  private async closeItem(
    manager: EntityManager,
    viewer: Viewer,
    actor: AuditActor,
    item: EscalationItemEntity,
    kinds: EscalationItemActorKind[],
    reasonText: string,
    meetingId: string | null,
    meeting: { decisionText: string; before: Record<string, unknown> } | null,
  ): Promise<void> {
    applyingRule(() => requireEscalationItemTransition(item.status as EscalationItemState, { action: 'CLOSE', reason: reasonText }, kinds), [meetingId ? 'note' : 'reason']);
    const reason = reasonText.trim();
    const now = new Date();
    await manager.getRepository(EscalationItemEntity).update({ id: item.id }, { status: 'CLOSED', closedReason: reason, closedAt: now, updatedAt: now });
    await this.insertEvent(manager, viewer, { itemId: item.id, action: 'CLOSE', reason, at: now, meetingId, decision: meeting?.decisionText ?? null, details: meeting ? { before: meeting.before } : {} });
    await recordAudit(manager, actor, { action: 'CLOSE_ESCALATION_ITEM', entityType: 'escalation_item', entityId: item.id, before: { status: item.status }, after: { status: 'CLOSED', reason, meetingId } });
  }

  private async insertAction(
    manager: EntityManager,
    viewer: Viewer,
    actor: AuditActor,
    item: EscalationItemEntity,
    draft: ActionDraft,
    today: string,
    meetingId: string | null,
    meeting: { decisionText: string; before: Record<string, unknown> } | null,
  ): Promise<string> {
    const description = requiredText(draft.description, 'TEXT_REQUIRED', 'Say what the action is.', meetingId ? 'action.description' : 'description');
    await this.requireUserAt(manager, draft.ownerUserId, item.ccgCode, meetingId ? 'action.ownerUserId' : 'ownerUserId');
    if (!item.illustrative && isOverdue(draft.dueOn, today)) throw new AppError('BAD_USER_INPUT', 'DATE_IN_PAST', 'A due date cannot be a day already past.', { value: draft.dueOn, ...fieldsOf(meetingId ? 'action.dueOn' : 'dueOn') });
    const saved = await manager.getRepository(EscalationActionEntity).save(
      manager.getRepository(EscalationActionEntity).create({ itemId: item.id, description, ownerUserId: draft.ownerUserId, dueOn: draft.dueOn, status: EscalationActionStatus.OPEN, createdBy: viewer.userId, version: 1 }),
    );
    await this.insertEvent(manager, viewer, {
      itemId: item.id,
      action: 'ADD_ACTION',
      meetingId,
      decision: meeting?.decisionText ?? null,
      details: { actionId: saved.id, description, ownerUserId: draft.ownerUserId, dueOn: draft.dueOn, ...(meeting ? { before: meeting.before } : {}) },
    });
    await recordAudit(manager, actor, { action: 'ADD_ESCALATION_ACTION', entityType: 'escalation_action', entityId: saved.id, after: { itemId: item.id, description, ownerUserId: draft.ownerUserId, dueOn: draft.dueOn, meetingId } });
    return saved.id;
  }

  private async insertEvent(
    manager: EntityManager,
    viewer: Viewer,
    event: {
      itemId: string;
      action: EscalationItemAction;
      fromBoardId?: string | null;
      toBoardId?: string | null;
      moveKind?: EscalationMoveKind | null;
      reason?: string | null;
      decision?: string | null;
      meetingId?: string | null;
      at?: Date;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    const repository = manager.getRepository(EscalationItemEventEntity);
    await repository.save(repository.create({
      itemId: event.itemId,
      at: event.at ?? new Date(),
      actorId: viewer.userId,
      actorName: viewer.displayName,
      action: event.action,
      fromBoardId: event.fromBoardId ?? null,
      toBoardId: event.toBoardId ?? null,
      moveKind: event.moveKind ?? null,
      reason: event.reason ?? null,
      decision: event.decision ?? null,
      meetingId: event.meetingId ?? null,
      details: event.details ?? {},
    }));
  }

  /** The board an ESCALATE or DE_ESCALATE decision moves the item to: the one named, else the route's usual next. */
  private async decisionTarget(manager: EntityManager, item: EscalationItemEntity, from: BoardEntity, input: MeetingDecisionRequest): Promise<BoardEntity> {
    if (input.toBoardId) {
      const to = await this.boardRecord(manager, input.toBoardId);
      if (!to || to.board.ccgCode !== item.ccgCode) throw boardNotFound('toBoardId');
      return to.board;
    }
    if (input.decision === 'DE_ESCALATE') applyingRule(() => itemActionForMeetingDecision('DE_ESCALATE', null), ['toBoardId']);
    const routes = await this.routesOf(manager, item.ccgCode);
    for (const kind of nextBoardKinds(routes, item.kind as EscalationItemKind, from.kind as BoardKind)) {
      const board = await this.boardForKind(manager, item.ccgCode, kind, item.providerCode);
      if (board) return board;
    }
    throw new AppError('BAD_USER_INPUT', 'NO_NEXT_BOARD', 'The route names no next board the CCG has set up: choose the board.', fieldsOf('toBoardId'));
  }

  private async routeBoards(item: EscalationItem, direction: 'NEXT' | 'PREVIOUS'): Promise<Board[]> {
    const manager = this.dataSource.manager;
    const current = await manager.getRepository(BoardEntity).findOneBy({ id: item.boardId });
    if (!current) return [];
    const routes = await this.routesOf(manager, item.ccgCode);
    const kinds = direction === 'NEXT' ? nextBoardKinds(routes, item.kind, current.kind as BoardKind) : previousBoardKinds(routes, item.kind, current.kind as BoardKind);
    const records: BoardRecord[] = [];
    for (const kind of kinds) {
      const board = await this.boardForKind(manager, item.ccgCode, kind, item.source.providerCode);
      if (board && !records.some((r) => r.board.id === board.id)) records.push((await this.boardRecord(manager, board.id)) as BoardRecord);
    }
    return this.boardViews(manager, records);
  }

  /** The CCG's board of a kind: a provider's Contract Management Board for a provider's concern; the first System Resilience Group. */
  private async boardForKind(manager: EntityManager, ccg: string, kind: BoardKind, providerCode: string | null): Promise<BoardEntity | null> {
    if (kind === CMB) return providerCode ? manager.getRepository(BoardEntity).findOneBy({ ccgCode: ccg, kind, providerCode }) : null;
    const boards = await manager.getRepository(BoardEntity).find({ where: { ccgCode: ccg, kind }, order: { name: 'ASC' } });
    return boards[0] ?? null;
  }

  private async routesOf(manager: EntityManager, ccg: string): Promise<ResolvedEscalationRoute[]> {
    const rows = await manager.getRepository(EscalationRouteEntity).find({ where: { ccgCode: ccg }, order: { itemKind: 'ASC', fromKind: 'ASC' } });
    const overrides: EscalationRouteOverride[] = rows.map((row) => ({ itemKind: row.itemKind as EscalationItemKind, from: row.fromKind as BoardKind | 'RAISED', to: row.toKinds as BoardKind[] }));
    return applyingRule(() => resolveRoutes(overrides), ['toKinds']);
  }

  private async insertBoard(manager: EntityManager, actor: AuditActor, ccg: string, input: CreateBoardRequest): Promise<string> {
    let providerCode: string | null = null;
    let systemName: string | null = null;
    let providerName: string | null = null;
    if (input.kind === CMB) {
      const code = optionalText(input.providerCode)?.toUpperCase() ?? null;
      if (!code) throw new AppError('BAD_USER_INPUT', 'PROVIDER_REQUIRED', 'A Contract Management Board is for one provider: name it.', fieldsOf('providerCode'));
      const provider = await manager.getRepository(OrganisationEntity).findOneBy({ code });
      if (!provider) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`, { code, ...fieldsOf('providerCode') });
      if (provider.type !== 'NHS_TRUST') throw new AppError('BAD_USER_INPUT', 'NOT_A_PROVIDER', `${code} is not an NHS trust.`, { code, ...fieldsOf('providerCode') });
      providerCode = code;
      providerName = provider.name;
    } else if (optionalText(input.providerCode)) {
      throw new AppError('BAD_USER_INPUT', 'PROVIDER_NOT_ALLOWED', 'Only a Contract Management Board names a provider.', fieldsOf('providerCode'));
    }
    if (input.kind === SRG) {
      systemName = requiredText(input.systemName, 'SYSTEM_REQUIRED', 'A System Resilience Group serves a system: name it.', 'systemName');
    } else if (optionalText(input.systemName)) {
      throw new AppError('BAD_USER_INPUT', 'SYSTEM_NOT_ALLOWED', 'Only a System Resilience Group names a system.', fieldsOf('systemName'));
    }
    const name =
      optionalText(input.name) ??
      (input.kind === CMB ? `${BOARD_KIND_LABELS[CMB]}: ${providerName ?? providerCode}` : input.kind === SRG ? `${systemName} ${BOARD_KIND_LABELS[SRG]}` : BOARD_KIND_LABELS[input.kind]);
    const frequency = requiredText(input.frequency, 'TEXT_REQUIRED', 'Say how often the board meets.', 'frequency');
    const duplicate = await manager
      .getRepository(BoardEntity)
      .createQueryBuilder('b')
      .where("b.ccg_code = :ccg AND b.kind = :kind AND coalesce(b.provider_code, '') = :provider AND lower(coalesce(b.system_name, '')) = lower(:system)", {
        ccg,
        kind: input.kind,
        provider: providerCode ?? '',
        system: systemName ?? '',
      })
      .getOne();
    if (duplicate) throw new AppError('CONFLICT', 'BOARD_EXISTS', `${ccg} already has this board.`, { boardId: duplicate.id, ...fieldsOf('kind') });
    const saved = await manager.getRepository(BoardEntity).save(
      manager.getRepository(BoardEntity).create({
        ccgCode: ccg,
        kind: input.kind,
        name,
        providerCode,
        systemName,
        frequency,
        termsOfReference: optionalText(input.termsOfReference),
        illustrative: input.illustrative ?? false,
        version: 1,
      }),
    );
    await recordAudit(manager, actor, { action: 'CREATE_BOARD', entityType: 'board', entityId: saved.id, after: { ccg, kind: input.kind, name, providerCode, systemName, frequency } });
    return saved.id;
  }

  private async checkedSource(manager: EntityManager, kind: EscalationItemKind, source: EscalationSourceJson): Promise<EscalationSourceJson> {
    const providerCode = optionalText(source.providerCode)?.toUpperCase() ?? null;
    const indicatorCode = optionalText(source.indicatorCode) ?? null;
    if (providerCode) {
      const provider = await manager.getRepository(OrganisationEntity).findOneBy({ code: providerCode });
      if (!provider) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${providerCode}".`, { code: providerCode, ...fieldsOf('source.providerCode') });
      if (provider.type !== 'NHS_TRUST') throw new AppError('BAD_USER_INPUT', 'NOT_A_PROVIDER', `${providerCode} is not an NHS trust.`, fieldsOf('source.providerCode'));
    }
    if (indicatorCode && !(await manager.getRepository(IndicatorEntity).existsBy({ code: indicatorCode }))) {
      throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${indicatorCode}".`, fieldsOf('source.indicatorCode'));
    }
    const needsProvider = kind === 'KPI_BREACH' || kind === 'CONTRACT_NOTICE' || kind === 'TRAJECTORY_MISS';
    if (needsProvider && !providerCode) throw new AppError('BAD_USER_INPUT', 'SOURCE_REQUIRED', 'Name the provider the item is about.', fieldsOf('source.providerCode'));
    if ((kind === 'KPI_BREACH' || kind === 'TRAJECTORY_MISS') && !indicatorCode) throw new AppError('BAD_USER_INPUT', 'SOURCE_REQUIRED', 'Name the indicator that is failing.', fieldsOf('source.indicatorCode'));
    const noticeId = source.noticeId ?? null;
    if (kind === 'CONTRACT_NOTICE') {
      const notice = noticeId ? await manager.getRepository(ContractNoticeEntity).findOneBy({ id: noticeId }) : null;
      if (!notice) throw new AppError('BAD_USER_INPUT', 'SOURCE_REQUIRED', 'Name the contract notice.', fieldsOf('source.noticeId'));
    }
    const text = optionalText(source.text);
    if ((kind === 'QUALITY_CONCERN' || kind === 'ASSURANCE_TRIGGER' || kind === 'FINANCIAL_WARNING' || kind === 'PROGRAMME_EXCEPTION') && !text) {
      throw new AppError('BAD_USER_INPUT', 'SOURCE_REQUIRED', 'Say where the concern comes from.', fieldsOf('source.text'));
    }
    if (source.period && !/^\d{4}-\d{2}-01$/.test(source.period)) throw new AppError('BAD_USER_INPUT', 'INVALID_PERIOD', 'A month is its first day, such as 2019-03-01.', fieldsOf('source.period'));
    return { providerCode, indicatorCode, period: source.period ?? null, noticeId, text };
  }

  private async requireUserAt(manager: EntityManager, userId: string, ccg: string, field: string): Promise<void> {
    const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
    const role = user ? await manager.getRepository(RoleAssignmentEntity).findOneBy({ userId, organisationCode: ccg }) : null;
    if (!user || user.disabledAt !== null || !role) {
      throw new AppError('BAD_USER_INPUT', 'USER_NOT_AT_CCG', 'Choose an active user with a role at the CCG.', { userId, ...fieldsOf(field) });
    }
  }

  private async contractedProvidersOf(manager: EntityManager, ccg: string): Promise<string[]> {
    const codes = new Set<string>();
    for (const row of await manager
      .createQueryBuilder()
      .select('DISTINCT c.provider_code', 'code')
      .from('contract', 'c')
      .leftJoin('contract_associate', 'a', 'a.contract_id = c.id')
      .where('c.lead_commissioner_code = :ccg OR a.commissioner_code = :ccg', { ccg })
      .getRawMany<{ code: string }>()) {
      codes.add(row.code);
    }
    return [...codes].sort();
  }

  private async mayRead(viewer: Viewer | null, ccg: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!viewer) return false;
    return mayReadCcg(viewer, await this.accounts.scopeOf(viewer, manager), ccg);
  }

  private async requireCcgOrganisation(manager: EntityManager, code: string): Promise<string> {
    const normalised = code.trim().toUpperCase();
    const organisation = await manager.getRepository(OrganisationEntity).findOneBy({ code: normalised });
    if (!organisation) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${normalised}".`, { code: normalised, ...fieldsOf('ccg') });
    if (organisation.type !== 'CCG') throw new AppError('BAD_USER_INPUT', 'NOT_A_CCG', `${normalised} is not a CCG.`, { code: normalised, ...fieldsOf('ccg') });
    return normalised;
  }

  private async requireReadableCcg(viewer: Viewer, ccg: string): Promise<string> {
    const code = await this.requireCcgOrganisation(this.dataSource.manager, ccg);
    if (!(await this.mayRead(viewer, code))) throw new AppError('FORBIDDEN', 'NOT_PERMITTED', 'Only the CCG’s own staff and NHS England’s administrators see its boards and escalation items.', fieldsOf('ccg'));
    return code;
  }

  private async requireConfigurableCcg(manager: EntityManager, viewer: Viewer, ccg: string): Promise<string> {
    const code = await this.requireCcgOrganisation(manager, ccg);
    const scope: AdministrationScope = await this.accounts.scopeOf(viewer, manager);
    if (!mayConfigureCcg(scope, code)) throw new AppError('FORBIDDEN', 'ACTION_NOT_PERMITTED', 'Only an administrator of the CCG configures its boards and routes.', fieldsOf('ccg'));
    return code;
  }

  private async boardRecord(manager: EntityManager, id: string): Promise<BoardRecord | null> {
    const board = await manager.getRepository(BoardEntity).findOneBy({ id });
    if (!board) return null;
    return { board, members: await manager.getRepository(BoardMemberEntity).findBy({ boardId: id }) };
  }

  private async requireBoardRecord(manager: EntityManager, id: string): Promise<BoardRecord> {
    const record = await this.boardRecord(manager, id);
    if (!record) throw new Error(`escalation data names board ${id}, which is not known`);
    return record;
  }

  private async users(manager: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, UserEntity>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    return new Map((await manager.getRepository(UserEntity).findBy({ id: In(wanted) })).map((user) => [user.id, user]));
  }

  private async boardViews(manager: EntityManager, records: readonly BoardRecord[]): Promise<Board[]> {
    const users = await this.users(manager, records.flatMap((r) => r.members.map((m) => m.userId)));
    return records.map(({ board, members }) => {
      const views: BoardMember[] = members
        .map((m) => ({ user: summaryOf(users, m.userId), isChair: m.isChair }))
        .sort((a, b) => Number(b.isChair) - Number(a.isChair) || a.user.displayName.localeCompare(b.user.displayName, 'en-GB'));
      return {
        id: board.id,
        ccgCode: board.ccgCode,
        providerCode: board.providerCode,
        kind: board.kind as BoardKind,
        kindLabel: BOARD_KIND_LABELS[board.kind as BoardKind] ?? board.kind,
        name: board.name,
        frequency: board.frequency,
        termsOfReference: board.termsOfReference,
        systemName: board.systemName,
        illustrative: board.illustrative,
        members: views,
        chair: views.find((m) => m.isChair) ?? null,
        version: board.version,
      };
    });
  }

  private async itemViews(manager: EntityManager, items: readonly EscalationItemEntity[], today: string): Promise<EscalationItem[]> {
    const users = await this.users(manager, items.flatMap((i) => [i.ownerUserId, i.raisedBy]));
    return items.map((item) => ({
      id: item.id,
      ccgCode: item.ccgCode,
      boardId: item.boardId,
      kind: item.kind as EscalationItemKind,
      kindLabel: ESCALATION_ITEM_KIND_LABELS[item.kind as EscalationItemKind] ?? item.kind,
      title: item.title,
      description: item.description,
      source: {
        providerCode: item.source.providerCode ?? null,
        indicatorCode: item.source.indicatorCode ?? null,
        period: item.source.period ?? null,
        noticeId: item.source.noticeId ?? null,
        text: item.source.text ?? null,
      },
      severity: item.severity as EscalationSeverity,
      severityLabel: ESCALATION_SEVERITY_LABELS[item.severity as EscalationSeverity] ?? item.severity,
      status: item.status as EscalationItemState,
      statusLabel: ESCALATION_ITEM_STATE_LABELS[item.status as EscalationItemState] ?? item.status,
      owner: summaryOf(users, item.ownerUserId),
      dueOn: item.dueOn,
      // The illustrative items' dates lie in the demonstration's year: they are not "overdue" against today's clock.
      overdue: item.status === 'OPEN' && !item.illustrative && isOverdue(item.dueOn, today),
      raisedBy: item.raisedBy ? summaryOf(users, item.raisedBy) : null,
      raisedAt: item.raisedAt,
      arrivedAtBoardAt: item.arrivedAtBoardAt,
      closedReason: item.closedReason,
      illustrative: item.illustrative,
      version: item.version,
    }));
  }

  private async packContext(): Promise<PackContext> {
    return { providersOfCcg: this.providersOfCcg };
  }
}

function summaryOf(users: Map<string, UserEntity>, id: string): UserSummary {
  const user = users.get(id);
  return { id, displayName: user?.displayName ?? 'Unknown user', username: user?.username ?? 'unknown' };
}

const membershipOf = (record: BoardRecord): Membership => ({ memberIds: record.members.map((m) => m.userId), chairId: record.members.find((m) => m.isChair)?.userId ?? null });

function sortBySeverity(items: EscalationItemEntity[]): EscalationItemEntity[] {
  return [...items].sort((a, b) => compareEscalationSeverities(a.severity as EscalationSeverity, b.severity as EscalationSeverity));
}

/** The item as it stood before a meeting's decision, so that the frozen pack shows it where it was. */
function snapshotOf(item: EscalationItemEntity, board: BoardEntity): Record<string, unknown> {
  return { boardId: board.id, boardName: board.name, status: item.status, arrivedAtBoardAt: item.arrivedAtBoardAt.toISOString(), severity: item.severity, dueOn: item.dueOn };
}

function toMeeting(meeting: BoardMeetingEntity): BoardMeeting {
  return {
    id: meeting.id,
    boardId: meeting.boardId,
    meetsOn: meeting.meetsOn,
    status: meeting.status as BoardMeetingState,
    statusLabel: BOARD_MEETING_STATE_LABELS[meeting.status as BoardMeetingState] ?? meeting.status,
    minutes: meeting.minutes,
    heldAt: meeting.heldAt,
    cancelledReason: meeting.cancelledReason,
    illustrative: meeting.illustrative,
    version: meeting.version,
  };
}

/** The decisions recorded at a meeting, as the pack and the PDF show them. */
async function decisionsOf(manager: EntityManager, meetingId: string): Promise<MeetingDecision[]> {
  const rows = await manager.getRepository(BoardMeetingDecisionEntity).find({ where: { meetingId }, order: { id: 'ASC' } });
  if (rows.length === 0) return [];
  const items = new Map((await manager.getRepository(EscalationItemEntity).findBy({ id: In([...new Set(rows.map((r) => r.itemId))]) })).map((i) => [i.id, i]));
  const boardIds = [...new Set(rows.map((r) => r.toBoardId).filter((id): id is string => id !== null))];
  const boards = new Map((boardIds.length ? await manager.getRepository(BoardEntity).findBy({ id: In(boardIds) }) : []).map((b) => [b.id, b]));
  const userIds = [...new Set(rows.map((r) => r.recordedBy).filter((id): id is string => id !== null))];
  const users = new Map((userIds.length ? await manager.getRepository(UserEntity).findBy({ id: In(userIds) }) : []).map((u) => [u.id, u]));
  return rows.map((row) => ({
    itemId: row.itemId,
    itemTitle: items.get(row.itemId)?.title ?? row.itemId,
    decision: row.decision as MeetingDecisionCode,
    decisionLabel: MEETING_DECISION_LABELS[row.decision as MeetingDecisionCode] ?? row.decision,
    note: row.note,
    toBoardName: row.toBoardId ? (boards.get(row.toBoardId)?.name ?? null) : null,
    recordedBy: row.recordedBy ? (users.get(row.recordedBy)?.displayName ?? 'Unknown user') : 'Unknown user',
    recordedAt: row.recordedAt,
  }));
}

