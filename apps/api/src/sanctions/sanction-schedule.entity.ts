import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sanction rate (table `sanction_schedule`): a national sanction of a contract year (contractId null), with its
 * published sources, or a contract's local sanction. Reference data administrators (national) and the lead
 * commissioner (local) edit; the domain's arithmetic takes these rows as input (decision 0023).
 */
@Entity({ name: 'sanction_schedule' })
export class SanctionScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** NATIONAL or LOCAL. */
  @Column({ type: 'varchar', length: 10 })
  scope!: string;

  /** The contract year, '2013/14'. */
  @Column({ type: 'varchar', length: 7, name: 'financial_year' })
  financialYear!: string;

  @Column({ type: 'uuid', name: 'contract_id', nullable: true })
  contractId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The domain's SanctionCountUnit. */
  @Column({ type: 'varchar', length: 30, name: 'count_unit' })
  countUnit!: string;

  /** Money: read with Money.parse. */
  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'unit_value' })
  unitValue!: string;

  /** The domain's SanctionMeasure, or null (counted by hand). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  measure!: string | null;

  /** [{ basis, document, locator, text }]. */
  @Column({ type: 'jsonb' })
  sources!: unknown;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
