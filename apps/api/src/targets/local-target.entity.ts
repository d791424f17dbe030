import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A local target for one provider and indicator (table `local_target`, decision 0030), agreed by a CCG: in force from
 * `effectiveFrom` (a month's first day) until the provider's next local target for the indicator; outranks the standard.
 */
@Entity({ name: 'local_target' })
export class LocalTargetEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'date', name: 'effective_from' })
  effectiveFrom!: string;

  /** Exact decimal text, in the standard's unit. */
  @Column({ type: 'numeric', precision: 12, scale: 4 })
  target!: string;

  /** The CCG that agreed it. */
  @Column({ type: 'varchar', length: 12, name: 'agreed_by' })
  agreedBy!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
