import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { auditChainHead, firstAuditChainBreak } from './audit.queries';

/** Who did it, in which request. */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  requestId: string | null;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes an audit row with the caller's transaction manager, so the change and its audit row
 * commit or roll back together. There is deliberately no method that updates or deletes.
 */
export async function recordAudit(manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordAudit must run inside the transaction that makes the change');
  }
  await manager.save(
    manager.create(AuditEventEntity, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: record.before ?? null,
      after: record.after ?? null,
      requestId: actor.requestId,
    }),
  );
}

/** One event of the audit trail as the service hands it on. */
export type AuditEventView = Pick<
  AuditEventEntity,
  'id' | 'occurredAt' | 'actorUsername' | 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'requestId'
>;

/** How the hash chain is broken at its first broken link (decision 0015). */
export type AuditChainBreakKind = 'ALTERED' | 'DELETED' | 'INSERTED_OUT_OF_CHAIN';

/** The first broken link of the audit hash chain. */
export interface AuditChainBreakView {
  kind: AuditChainBreakKind;
  /** The chain position where the chain breaks: the altered row's, or the first missing one; null for a row outside the chain. */
  position: string | null;
  /** The event at which the chain breaks: the altered row, the first row after the missing ones, or the row outside the chain. */
  eventId: string;
  /** A sentence for the operator. */
  message: string;
}

/** The result of recomputing the audit hash chain. */
export interface AuditChainVerificationView {
  intact: boolean;
  rowsChecked: string;
  /** The last position and its hash (hex): record them elsewhere to detect a later rewrite of the whole tail. */
  headPosition: string | null;
  headHash: string | null;
  firstBreak: AuditChainBreakView | null;
}

/** Recomputes every link of the audit hash chain in the database and names the first broken one. */
export async function verifyAuditChain(manager: EntityManager): Promise<AuditChainVerificationView> {
  const head = await auditChainHead.one(manager, []);
  const broken = await firstAuditChainBreak.first(manager, []);
  return {
    intact: broken === null,
    rowsChecked: head.rows,
    headPosition: head.headPosition,
    headHash: head.headHash,
    firstBreak: broken === null ? null : { kind: broken.kind as AuditChainBreakKind, position: breakPosition(broken), eventId: broken.eventId, message: describeBreak(broken) },
  };
}

type BreakRow = { kind: string; position: string | null; eventId: string; previousPosition: string | null };

const breakPosition = (row: BreakRow): string | null => (row.kind === 'DELETED' ? String(BigInt(row.previousPosition ?? '0') + 1n) : row.position);

function describeBreak(row: BreakRow): string {
  switch (row.kind) {
    case 'DELETED': {
      const first = BigInt(row.previousPosition ?? '0') + 1n;
      const last = BigInt(row.position ?? '0') - 1n;
      const span = first === last ? `position ${first} is` : `positions ${first} to ${last} are`;
      return `Deleted: ${span} missing before event ${row.eventId} (position ${row.position}).`;
    }
    case 'ALTERED':
      return `Altered: event ${row.eventId} at position ${row.position} does not match its hash (changed after it was written, or forged).`;
    default:
      return `Inserted out of chain: event ${row.eventId} has no chain position (written while the chain trigger was off).`;
  }
}

/** Reads the audit trail (rows are only ever written by `recordAudit`, inside the change's own transaction). */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the audit trail, newest first, after the event with id `afterId` (exclusive). */
  async page(size: number, afterId: string | null): Promise<{ rows: AuditEventView[]; hasNextPage: boolean }> {
    const query = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(size + 1);
    if (afterId !== null) query.where('a.id < :afterId', { afterId });
    const rows = await query.getMany();
    return { rows: rows.slice(0, size), hasNextPage: rows.length > size };
  }

  /** Recomputes the hash chain over the whole trail (administrators' check; `npm run audit:verify` runs the same). */
  verifyChain(): Promise<AuditChainVerificationView> {
    return verifyAuditChain(this.dataSource.manager);
  }
}
