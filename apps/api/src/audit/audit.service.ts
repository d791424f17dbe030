import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

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
}
