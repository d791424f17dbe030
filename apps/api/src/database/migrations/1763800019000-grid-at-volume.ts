import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scorecard grid at volume (issue 19):
 * - a GP practice's CCG as an effective-dated relationship (IN_CCG), so the grid and the attention view can list a
 *   CCG's practices as at a date;
 * - `series_latest_score`: one row per series, its latest stored score's verdict columns (the month, value, RAG and
 *   variation) and its first month, kept by statement triggers on `series_score` in the writer's own statement and
 *   transaction, so no writer changes. The grid filters, sorts and counts 17,000 trusts (or a CCG's practices) from
 *   this small table instead of probing `series_score` per organisation and indicator; a series whose latest month is
 *   after the grid's asOf is still read from `series_score` (its latest row on or before asOf);
 * - a covering index of the stored scores' verdict columns for those probes.
 * Grants: the application group role reads and writes the new table (its triggers run as the writer).
 */
export class GridAtVolume1763800019000 implements MigrationInterface {
  name = 'GridAtVolume1763800019000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisation_relationship DROP CONSTRAINT organisation_relationship_kind_check`);
    await queryRunner.query(
      `ALTER TABLE organisation_relationship ADD CONSTRAINT organisation_relationship_kind_check CHECK (kind IN ('IN_REGION','IN_AREA_TEAM','IN_STP','SUCCEEDED_BY','SITE_OF','IN_CCG'))`,
    );
    await queryRunner.query(
      `CREATE INDEX series_score_verdict_idx ON series_score (organisation_code, indicator_code, as_of DESC) INCLUDE (rag, variation_type, value)`,
    );
    await queryRunner.query(`
      CREATE TABLE series_latest_score (
        organisation_code  varchar(12) NOT NULL,
        indicator_code     varchar(40) NOT NULL,
        first_as_of        date        NOT NULL,
        as_of              date        NOT NULL,
        value              float8      NOT NULL,
        rag                varchar(5),
        variation_type     varchar(30) NOT NULL,
        PRIMARY KEY (organisation_code, indicator_code),
        CONSTRAINT series_latest_score_months CHECK (first_as_of <= as_of)
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON series_latest_score TO ccg_assure_app`);
    // The series a statement touched get their latest row again from series_score (one probe each for the latest and
    // the first month), or lose it when they have no score left, in the writer's statement: readers see both in step.
    await queryRunner.query(`
      CREATE FUNCTION series_latest_score_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH touched AS (SELECT DISTINCT organisation_code, indicator_code FROM changed_rows),
        latest AS (
          SELECT t.organisation_code, t.indicator_code, f.as_of AS first_as_of, s.as_of, s.value, s.rag, s.variation_type
          FROM touched t
          LEFT JOIN LATERAL (SELECT s.as_of, s.value, s.rag, s.variation_type FROM series_score s
                             WHERE s.organisation_code = t.organisation_code AND s.indicator_code = t.indicator_code ORDER BY s.as_of DESC LIMIT 1) s ON true
          LEFT JOIN LATERAL (SELECT s.as_of FROM series_score s
                             WHERE s.organisation_code = t.organisation_code AND s.indicator_code = t.indicator_code ORDER BY s.as_of LIMIT 1) f ON true
        ),
        gone AS (
          DELETE FROM series_latest_score l USING latest x
          WHERE x.as_of IS NULL AND l.organisation_code = x.organisation_code AND l.indicator_code = x.indicator_code
        )
        INSERT INTO series_latest_score (organisation_code, indicator_code, first_as_of, as_of, value, rag, variation_type)
        SELECT organisation_code, indicator_code, first_as_of, as_of, value, rag, variation_type FROM latest WHERE as_of IS NOT NULL
        ON CONFLICT (organisation_code, indicator_code) DO UPDATE
          SET first_as_of = EXCLUDED.first_as_of, as_of = EXCLUDED.as_of, value = EXCLUDED.value, rag = EXCLUDED.rag, variation_type = EXCLUDED.variation_type;
        RETURN NULL;
      END $$`);
    for (const [operation, table] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER series_latest_score_after_${operation.toLowerCase()} AFTER ${operation} ON series_score
         REFERENCING ${table} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION series_latest_score_refresh()`,
      );
    }
    await queryRunner.query(`
      INSERT INTO series_latest_score (organisation_code, indicator_code, first_as_of, as_of, value, rag, variation_type)
      SELECT DISTINCT ON (organisation_code, indicator_code) organisation_code, indicator_code,
             min(as_of) OVER (PARTITION BY organisation_code, indicator_code), as_of, value, rag, variation_type
      FROM series_score ORDER BY organisation_code, indicator_code, as_of DESC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const operation of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER series_latest_score_after_${operation} ON series_score`);
    await queryRunner.query(`DROP FUNCTION series_latest_score_refresh()`);
    await queryRunner.query(`DROP TABLE series_latest_score`);
    await queryRunner.query(`DROP INDEX series_score_verdict_idx`);
    await queryRunner.query(`DELETE FROM organisation_relationship WHERE kind = 'IN_CCG'`);
    await queryRunner.query(`ALTER TABLE organisation_relationship DROP CONSTRAINT organisation_relationship_kind_check`);
    await queryRunner.query(
      `ALTER TABLE organisation_relationship ADD CONSTRAINT organisation_relationship_kind_check CHECK (kind IN ('IN_REGION','IN_AREA_TEAM','IN_STP','SUCCEEDED_BY','SITE_OF'))`,
    );
  }
}
