import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sum of a contract's sanctions ledger (table `sanction_ledger_entry`): a sanction or a GC9 withholding, with its
 * amount, unit value and calculation inputs frozen, its status (the domain's SANCTION_LEDGER_TRANSITIONS) and, once
 * applied, how its income is used.
 */
@Entity({ name: 'sanction_ledger_entry' })
export class SanctionLedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'notice_id', nullable: true })
  noticeId!: string | null;

  /** SANCTION or WITHHOLDING. */
  @Column({ type: 'varchar', length: 12 })
  kind!: string;

  @Column({ type: 'varchar', length: 60, name: 'sanction_code', nullable: true })
  sanctionCode!: string | null;

  @Column({ type: 'uuid', name: 'schedule_entry_id', nullable: true })
  scheduleEntryId!: string | null;

  @Column({ type: 'text' })
  description!: string;

  /** First day of the month the sum is for. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'integer', nullable: true })
  count!: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'unit_value', nullable: true })
  unitValue!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;

  /** DATA (calculated from imported data), COUNT (a count entered) or GC9 (the withholding share). */
  @Column({ type: 'varchar', length: 10 })
  basis!: string;

  @Column({ type: 'jsonb' })
  calculation!: unknown;

  @Column({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 30, name: 'income_use', nullable: true })
  incomeUse!: string | null;

  @Column({ type: 'text', name: 'income_use_note', nullable: true })
  incomeUseNote!: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
