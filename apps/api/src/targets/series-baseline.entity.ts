import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A series' limits fixed after its first n points (table `series_baseline`, decision 0030): NHSRplotthedots `fix_after_n_points`. */
@Entity({ name: 'series_baseline' })
export class SeriesBaselineEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  /** Points of each rebase group the mean and limits are computed from; 12 or more. */
  @Column({ type: 'integer', name: 'fix_after_n_points' })
  fixAfterNPoints!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
