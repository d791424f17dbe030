import {
  ESCALATION_ITEM_KIND_LABELS,
  ESCALATION_SEVERITY_LABELS,
  orderPackItems,
  type AssuranceType,
  type EscalationItemKind,
  type EscalationItemState,
  type EscalationSeverity,
  type PointType,
  type RagStatus,
} from '@ccg-assure/domain';
import { In, Not, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ProvidersBasis } from '../contracts/contracts-enums';
import { BoardEntity, BoardMeetingDecisionEntity, BoardMeetingEntity, EscalationItemEntity, EscalationItemEventEntity } from './escalation.entities';
import { failingIndicators } from './escalation.queries';
import type { MeetingDecision, MeetingPack, PackFailingIndicator, PackItem } from './escalation.type';

// A board meeting's pack (issue 16 point 3): the items at the board ordered by the domain (new since the last held
// meeting, escalated in, carried over, decisions due), the items the meeting decided on as they stood before the
// decision, and for the Integrated Performance and Delivery Board the month's failing indicators of the CCG's
// providers read from the STORED scores (decision 0021). Built live while the meeting is scheduled; holding the
// meeting stores it, with the decisions, as jsonb: a frozen record of what the board saw (STYLE.md "Frozen records").

/** What building a pack needs from other areas. */
export interface PackContext {
  /** The scorecards' providers of a CCG as at a date: contracted, else the region's. */
  providersOfCcg(ccgCode: string, asOf: string | null): Promise<{ providerCodes: string[]; basis: 'CONTRACTS' | 'REGION' }>;
}

/** A held meeting's pack and decisions, as stored. */
export interface FrozenPack {
  pack: MeetingPack;
  decisions: MeetingDecision[];
}

interface Candidate {
  id: string;
  severity: EscalationSeverity;
  dueOn: string | null;
  raisedAt: Date;
  arrivedAtBoardAt: Date;
  item: PackItem;
}

const INTEGRATED_BOARD = 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD';

/** Builds the meeting's pack now; `itemIds` are the items it lists. */
export async function buildPack(manager: EntityManager, meeting: BoardMeetingEntity, context: PackContext, now: Date): Promise<{ pack: MeetingPack; itemIds: string[] }> {
  const board = await manager.getRepository(BoardEntity).findOneByOrFail({ id: meeting.boardId });
  const lastHeld = await manager.getRepository(BoardMeetingEntity).findOne({ where: { boardId: board.id, status: 'HELD', id: Not(meeting.id) }, order: { heldAt: 'DESC' } });
  const atBoard = await manager.getRepository(EscalationItemEntity).findBy({ boardId: board.id, status: 'OPEN' });
  const decided = await manager.getRepository(BoardMeetingDecisionEntity).find({ where: { meetingId: meeting.id }, order: { id: 'ASC' } });
  const decidedIds = [...new Set(decided.map((d) => d.itemId))].filter((id) => !atBoard.some((item) => item.id === id));
  const decidedItems = decidedIds.length ? await manager.getRepository(EscalationItemEntity).findBy({ id: In(decidedIds) }) : [];
  // The state before the meeting's first decision on each item that has since left the board or closed.
  const firstEvents = decidedIds.length
    ? await manager.getRepository(EscalationItemEventEntity).find({ where: { meetingId: meeting.id, itemId: In(decidedIds) }, order: { id: 'ASC' } })
    : [];
  const before = new Map<string, Record<string, unknown>>();
  for (const event of firstEvents) if (!before.has(event.itemId) && event.details.before) before.set(event.itemId, event.details.before as Record<string, unknown>);

  const items = [...atBoard, ...decidedItems];
  const owners = new Map(
    (items.length ? await manager.getRepository(UserEntity).findBy({ id: In([...new Set(items.map((i) => i.ownerUserId))]) }) : []).map((u) => [u.id, u]),
  );
  const arrivals = await arrivalBoards(manager, items);
  const candidates: Candidate[] = items.map((item) => {
    const was = before.get(item.id);
    const severity = (typeof was?.severity === 'string' ? was.severity : item.severity) as EscalationSeverity;
    const dueOn = was && 'dueOn' in was ? ((was.dueOn as string | null) ?? null) : item.dueOn;
    const arrivedAtBoardAt = typeof was?.arrivedAtBoardAt === 'string' ? new Date(was.arrivedAtBoardAt) : item.arrivedAtBoardAt;
    const owner = owners.get(item.ownerUserId);
    return {
      id: item.id,
      severity,
      dueOn,
      raisedAt: item.raisedAt,
      arrivedAtBoardAt,
      item: {
        id: item.id,
        title: item.title,
        kind: item.kind as EscalationItemKind,
        kindLabel: ESCALATION_ITEM_KIND_LABELS[item.kind as EscalationItemKind] ?? item.kind,
        severity,
        severityLabel: ESCALATION_SEVERITY_LABELS[severity] ?? severity,
        owner: { id: item.ownerUserId, displayName: owner?.displayName ?? 'Unknown user', username: owner?.username ?? 'unknown' },
        dueOn,
        status: (typeof was?.status === 'string' ? was.status : item.status) as EscalationItemState,
        boardName: typeof was?.boardName === 'string' ? was.boardName : board.name,
        arrivedFrom: arrivedAtBoardAt.getTime() > item.raisedAt.getTime() ? (arrivals.get(item.id) ?? null) : null,
      },
    };
  });
  const sections = orderPackItems(candidates, lastHeld?.heldAt ?? null, meeting.meetsOn);
  const integrated = board.kind === INTEGRATED_BOARD;
  let failing: PackFailingIndicator[] = [];
  let basis: ProvidersBasis | null = null;
  if (integrated) {
    const providers = await context.providersOfCcg(board.ccgCode, meeting.meetsOn);
    basis = providers.basis === 'CONTRACTS' ? ProvidersBasis.CONTRACTS : ProvidersBasis.REGION;
    failing =
      providers.providerCodes.length === 0
        ? []
        : (await failingIndicators.rows(manager, [providers.providerCodes, meeting.meetsOn])).map((row) => ({
            providerCode: row.providerCode,
            providerName: row.providerName,
            indicatorCode: row.indicatorCode,
            indicatorName: row.indicatorName,
            period: row.period,
            value: row.value,
            target: row.target,
            rag: row.rag as RagStatus | null,
            variationType: row.variationType as PointType,
            assuranceType: row.assuranceType as AssuranceType | null,
          }));
  }
  const pick = (list: Candidate[]) => list.map((candidate) => candidate.item);
  return {
    itemIds: items.map((item) => item.id),
    pack: {
      frozen: false,
      builtAt: now,
      newItems: pick(sections.NEW),
      escalatedIn: pick(sections.ESCALATED_IN),
      carriedOver: pick(sections.CARRIED_OVER),
      decisionsDue: pick(sections.DECISIONS_DUE),
      failingIndicators: failing,
      providersBasis: basis,
      indicatorsAsOf: integrated ? meeting.meetsOn : null,
    },
  };
}

/** The board each item last arrived from (its latest move's origin), by name. */
async function arrivalBoards(manager: EntityManager, items: readonly EscalationItemEntity[]): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const moves = await manager
    .getRepository(EscalationItemEventEntity)
    .createQueryBuilder('e')
    .where('e.item_id IN (:...ids) AND e.from_board_id IS NOT NULL', { ids: items.map((i) => i.id) })
    .orderBy('e.id', 'ASC')
    .getMany();
  const result = new Map<string, string>();
  for (const move of moves) if (typeof move.details.fromBoard === 'string') result.set(move.itemId, move.details.fromBoard);
  return result;
}

/** A stored pack read back: instants as Dates again. Anything unexpected is left out rather than guessed. */
export function frozenPackOf(value: unknown): FrozenPack {
  const record = (typeof value === 'object' && value !== null ? value : {}) as { pack?: Record<string, unknown>; decisions?: unknown };
  const pack = (record.pack ?? {}) as Record<string, unknown>;
  const list = <T>(key: string): T[] => (Array.isArray(pack[key]) ? (pack[key] as T[]) : []);
  const decisions = Array.isArray(record.decisions) ? (record.decisions as (MeetingDecision & { recordedAt: string | Date })[]) : [];
  return {
    pack: {
      frozen: true,
      builtAt: new Date(String(pack.builtAt)),
      newItems: list<PackItem>('newItems'),
      escalatedIn: list<PackItem>('escalatedIn'),
      carriedOver: list<PackItem>('carriedOver'),
      decisionsDue: list<PackItem>('decisionsDue'),
      failingIndicators: list<PackFailingIndicator>('failingIndicators'),
      providersBasis: (pack.providersBasis as ProvidersBasis | null) ?? null,
      indicatorsAsOf: (pack.indicatorsAsOf as string | null) ?? null,
    },
    decisions: decisions.map((decision) => ({ ...decision, recordedAt: new Date(decision.recordedAt) })),
  };
}
