import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each series' latest stored score, its verdict columns only, and its first month (table `series_latest_score`,
 * migration 1763800019000): kept in step with `series_score` by statement triggers in the writer's transaction, never
 * written by the code. The scorecard grid filters, sorts and counts from it (issue 19).
 */
@Entity({ name: 'series_latest_score' })
export class SeriesLatestScoreEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  /** First day of the series' first scored month. */
  @Column({ type: 'date', name: 'first_as_of' })
  firstAsOf!: string;

  /** First day of its latest scored month: the row of series_score this copies. */
  @Column({ type: 'date', name: 'as_of' })
  asOf!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'varchar', length: 5, nullable: true })
  rag!: string | null;

  @Column({ type: 'varchar', length: 30, name: 'variation_type' })
  variationType!: string;
}
