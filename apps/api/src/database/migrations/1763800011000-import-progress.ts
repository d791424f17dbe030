import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import progress a browser can watch while its file streams (issue 14, point 4), kept in the database so that
 * any API process serving the same database can answer it: the upload id the client chose, bytes read and the
 * phase of a RUNNING import (rows_read already exists), written on their own connection while the import runs.
 * request_id links a batch to the audit rows of the values it changed (audit_event.request_id, indexed here).
 * The columns inherit the table's grants to ccg_assure_app; no new table.
 */
export class ImportProgress1763800011000 implements MigrationInterface {
  name = 'ImportProgress1763800011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE import_batch
        ADD COLUMN upload_id uuid,
        ADD COLUMN bytes_read bigint NOT NULL DEFAULT 0 CHECK (bytes_read >= 0),
        ADD COLUMN phase varchar(20) CHECK (phase IN ('READING','CHECKING','SAVING')),
        ADD COLUMN request_id text,
        ADD CONSTRAINT import_batch_upload_id_key UNIQUE (upload_id),
        ADD CONSTRAINT import_batch_phase_running CHECK (phase IS NULL OR outcome = 'RUNNING')`);
    await queryRunner.query(`CREATE INDEX import_batch_kind_idx ON import_batch (kind, id)`);
    await queryRunner.query(`CREATE INDEX import_batch_outcome_idx ON import_batch (outcome, id)`);
    await queryRunner.query(`CREATE INDEX audit_event_request_id_idx ON audit_event (request_id, id) WHERE request_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_event_request_id_idx`);
    await queryRunner.query(`DROP INDEX import_batch_outcome_idx`);
    await queryRunner.query(`DROP INDEX import_batch_kind_idx`);
    await queryRunner.query(`
      ALTER TABLE import_batch DROP CONSTRAINT import_batch_phase_running, DROP CONSTRAINT import_batch_upload_id_key,
        DROP COLUMN request_id, DROP COLUMN phase, DROP COLUMN bytes_read, DROP COLUMN upload_id`);
  }
}
