import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A date from which a series' limits are recalculated, with its reason (table `series_rebase`, decision 0030). */
@Entity({ name: 'series_rebase' })
export class SeriesRebaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  /** The month's first day: the first point of the new rebase group. */
  @PrimaryColumn({ type: 'date', name: 'rebase_date' })
  rebaseDate!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;
}
