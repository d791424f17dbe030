import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A series' stored score as at one of its months (table `series_score`, decision 0021): the latest value up to
 * and including `asOf`, the standard in force and RAG, and the SPC of the values up to then. Written only by
 * `recomputeSeriesScores` (scores.service.ts), in the transaction that changed the values; read by the scorecards.
 */
@Entity({ name: 'series_score' })
export class SeriesScoreEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  /** First day of the latest period of the series as scored: the month of one of its values. */
  @PrimaryColumn({ type: 'date', name: 'as_of' })
  asOf!: string;

  @Column({ type: 'integer', name: 'period_id' })
  periodId!: number;

  @Column({ type: 'double precision' })
  numerator!: number;

  @Column({ type: 'double precision' })
  denominator!: number;

  @Column({ type: 'double precision' })
  value!: number;

  /** The standard in force for the period (the catalogue's code and version), or null. */
  @Column({ type: 'varchar', length: 40, name: 'standard_code', nullable: true })
  standardCode!: string | null;

  @Column({ type: 'date', name: 'standard_valid_from', nullable: true })
  standardValidFrom!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  rag!: string | null;

  @Column({ type: 'varchar', length: 10, name: 'improvement_direction' })
  improvementDirection!: string;

  @Column({ type: 'double precision', nullable: true })
  target!: number | null;

  /** The latest point's mean and process limits. */
  @Column({ type: 'double precision' })
  mean!: number;

  @Column({ type: 'double precision', name: 'lower_process_limit', nullable: true })
  lowerProcessLimit!: number | null;

  @Column({ type: 'double precision', name: 'upper_process_limit', nullable: true })
  upperProcessLimit!: number | null;

  @Column({ type: 'varchar', length: 30, name: 'variation_type' })
  variationType!: string;

  @Column({ type: 'varchar', length: 20, name: 'assurance_type', nullable: true })
  assuranceType!: string | null;

  @Column({ type: 'boolean', name: 'short_group_warning' })
  shortGroupWarning!: boolean;

  /**
   * Every point's SPC, oldest first, compactly (see stored-score.ts), on the series' latest row only; null on the
   * others (issue 19: a past month's points are computed when asked, scores-as-at.ts).
   */
  @Column({ type: 'jsonb', nullable: true })
  points!: unknown;

  @Column({ type: 'integer', name: 'scoring_version' })
  scoringVersion!: number;

  /** Where the latest point's target comes from: STANDARD, LOCAL_TARGET or TRAJECTORY (decision 0030); null without one. */
  @Column({ type: 'varchar', length: 12, name: 'target_source', nullable: true })
  targetSource!: string | null;

  /** The baseline the SPC was fixed after (points of each rebase group); null when not fixed. */
  @Column({ type: 'integer', name: 'fix_after_n_points', nullable: true })
  fixAfterNPoints!: number | null;
}
