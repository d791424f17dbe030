import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of a national provider standard (table `standard_version`, decision 0030): in force from `validFrom`
 * (1 April, a financial year's start) until the next version of its code begins. Seeded from the catalogue the
 * domain held as constants; administrators set a threshold for a financial year.
 */
@Entity({ name: 'standard_version' })
export class StandardVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @PrimaryColumn({ type: 'date', name: 'valid_from' })
  validFrom!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The domain's StandardUnit. */
  @Column({ type: 'varchar', length: 12 })
  unit!: string;

  /** The domain's StandardPolarity. */
  @Column({ type: 'varchar', length: 20 })
  polarity!: string;

  /** Exact decimal text ('95.0000'). */
  @Column({ type: 'numeric', precision: 12, scale: 4 })
  threshold!: string;

  @Column({ type: 'boolean', name: 'zero_tolerance' })
  zeroTolerance!: boolean;

  /** The domain's StandardPeriodType. */
  @Column({ type: 'varchar', length: 8, name: 'period_type' })
  periodType!: string;

  @Column({ type: 'text' })
  numerator!: string;

  @Column({ type: 'text', nullable: true })
  denominator!: string | null;

  /** The domain's CitedSource. */
  @Column({ type: 'jsonb' })
  source!: { basis: string; document: string; text: string; locator?: string };

  /** Why this version was set (null for the seeded versions). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
