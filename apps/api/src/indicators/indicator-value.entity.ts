import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One indicator's value for one organisation and period (table `indicator_value`). The numerator and
 * denominator are kept so that roll-ups are recomputed from them; numerics are exact decimal text.
 */
@Entity({ name: 'indicator_value' })
export class IndicatorValueEntity {
  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'integer', name: 'period_id' })
  periodId!: number;

  @Column({ type: 'numeric' })
  numerator!: string;

  @Column({ type: 'numeric' })
  denominator!: string;

  @Column({ type: 'numeric' })
  value!: string;

  @Column({ type: 'bigint', name: 'import_batch_id' })
  importBatchId!: string;
}
