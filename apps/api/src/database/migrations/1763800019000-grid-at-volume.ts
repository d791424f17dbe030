import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scorecard grid at volume (issue 19): a GP practice's CCG as an effective-dated relationship (IN_CCG), so the
 * grid and the attention view can list a CCG's practices as at a date; and a covering index of the stored scores'
 * verdict columns, so the grid's filters and sort read the latest row of each series on or before asOf from the
 * index alone (no heap visit for the wide rows with their points).
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX series_score_verdict_idx`);
    await queryRunner.query(`DELETE FROM organisation_relationship WHERE kind = 'IN_CCG'`);
    await queryRunner.query(`ALTER TABLE organisation_relationship DROP CONSTRAINT organisation_relationship_kind_check`);
    await queryRunner.query(
      `ALTER TABLE organisation_relationship ADD CONSTRAINT organisation_relationship_kind_check CHECK (kind IN ('IN_REGION','IN_AREA_TEAM','IN_STP','SUCCEEDED_BY','SITE_OF'))`,
    );
  }
}
