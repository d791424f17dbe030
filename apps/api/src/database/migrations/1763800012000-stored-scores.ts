import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored scores (issue 19, point 1; decision 0021): one row per series (indicator x organisation) per as-of month,
 * the month of one of its values. The row is the series' scorecard as at that month: the latest value and its
 * period, the standard in force and RAG, and the SPC of the values up to and including that month (the per-point
 * SPC the scorecard shows, and its verdicts). Written in the transaction that changes the values; read by the
 * scorecard, the grid and its filters. `scoring_version` is the rule code's version that computed the row: rows of
 * another version are recomputed at start-up.
 * Grants: the application group role reads and writes it (as every table but audit_event and migrations),
 * stated here as well as by the default privileges of 1763800009000-app-role.ts.
 */
export class StoredScores1763800012000 implements MigrationInterface {
  name = 'StoredScores1763800012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE series_score (
        indicator_code         varchar(40) NOT NULL REFERENCES indicator (code),
        organisation_code      varchar(12) NOT NULL REFERENCES organisation (code),
        as_of                  date        NOT NULL,
        period_id              integer     NOT NULL REFERENCES period (id),
        numerator              float8      NOT NULL,
        denominator            float8      NOT NULL,
        value                  float8      NOT NULL,
        standard_code          varchar(40),
        standard_valid_from    date,
        rag                    varchar(5)  CHECK (rag IN ('RED','AMBER','GREEN')),
        improvement_direction  varchar(10) NOT NULL CHECK (improvement_direction IN ('INCREASE','DECREASE','NEUTRAL')),
        target                 float8,
        mean                   float8      NOT NULL,
        lower_process_limit    float8,
        upper_process_limit    float8,
        variation_type         varchar(30) NOT NULL,
        assurance_type         varchar(20),
        short_group_warning    boolean     NOT NULL,
        points                 jsonb       NOT NULL,
        scoring_version        integer     NOT NULL,
        PRIMARY KEY (organisation_code, indicator_code, as_of),
        CONSTRAINT series_score_standard CHECK ((standard_code IS NULL) = (standard_valid_from IS NULL)),
        CONSTRAINT series_score_rag_needs_standard CHECK (rag IS NULL OR standard_code IS NOT NULL)
      )`);
    // The grid's filters read one indicator's verdicts across providers; the start-up check finds stale versions.
    await queryRunner.query(`CREATE INDEX series_score_indicator_idx ON series_score (indicator_code, as_of)`);
    await queryRunner.query(`CREATE INDEX series_score_version_idx ON series_score (scoring_version)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON series_score TO ccg_assure_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE series_score`);
  }
}
