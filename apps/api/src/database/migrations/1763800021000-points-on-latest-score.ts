import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Points only on each series' latest stored score (issue 19, decision 0021 amended): every row of `series_score`
 * kept the SPC of every earlier point, so the table grew with the square of a series' length (about 12 million points
 * for a 1M-row A&E import, about 26 GiB at national practice scale). `points` becomes nullable and is kept only on
 * each series' latest row; the other rows keep their verdict columns, which the grid, its filters and the attention
 * view read. Cleared set-based here (the series_latest_score and data_version triggers fire once, for the statement).
 * No grant changes: the application role already reads and writes the table.
 */
export class PointsOnLatestScore1763800021000 implements MigrationInterface {
  name = 'PointsOnLatestScore1763800021000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE series_score ALTER COLUMN points DROP NOT NULL`);
    await queryRunner.query(`
      UPDATE series_score s SET points = NULL
      FROM (SELECT organisation_code, indicator_code, max(as_of) AS as_of FROM series_score GROUP BY organisation_code, indicator_code) l
      WHERE s.organisation_code = l.organisation_code AND s.indicator_code = l.indicator_code AND s.as_of < l.as_of AND s.points IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The cleared points cannot be restored here: the rows without them are recomputed (a scoring-version change
    // makes the start-up refresh rewrite them); until then they hold an empty series.
    await queryRunner.query(`UPDATE series_score SET points = '{"g": [], "p": []}'::jsonb, scoring_version = 0 WHERE points IS NULL`);
    await queryRunner.query(`ALTER TABLE series_score ALTER COLUMN points SET NOT NULL`);
  }
}
