import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One move of a sanctions ledger entry (table `sanction_ledger_event`): the entry's history. */
@Entity({ name: 'sanction_ledger_event' })
export class SanctionLedgerEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId!: string;

  /** The domain's SanctionLedgerAction. */
  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ type: 'varchar', length: 12, name: 'from_status', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 12, name: 'to_status' })
  toStatus!: string;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** The domain's SanctionLedgerActorKind the actor moved it as. */
  @Column({ type: 'varchar', length: 30, name: 'actor_kind' })
  actorKind!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb' })
  details!: unknown;
}
