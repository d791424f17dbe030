import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of the append-only audit trail (table `audit_event`). */
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', name: 'occurred_at', insert: false })
  occurredAt!: Date;

  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', name: 'actor_username', nullable: true })
  actorUsername!: string | null;

  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ type: 'varchar', length: 80, name: 'entity_type' })
  entityType!: string;

  @Column({ type: 'text', name: 'entity_id' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId!: string | null;

  /** Position in the hash chain: always set by the database's `audit_event_chain` trigger, never by the API. */
  @Column({ type: 'bigint', name: 'chain_position', nullable: true, insert: false, update: false })
  chainPosition!: string | null;

  /** sha256 of the previous row's hash and this row's canonical text: set by the same trigger. */
  @Column({ type: 'bytea', name: 'row_hash', nullable: true, insert: false, update: false })
  rowHash!: Buffer | null;
}
