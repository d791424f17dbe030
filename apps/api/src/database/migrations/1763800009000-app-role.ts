import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege (issue 13, point 5): the API connects as a login role that is a member of the NOLOGIN group
 * role `ccg_assure_app`, never as the owner of the tables. The group may read and write the tables, but
 * `audit_event` only takes INSERT and SELECT, and the migration history only SELECT. Not being the owner, the
 * API cannot disable triggers; not being a superuser, it cannot set `session_replication_role`.
 * ALTER DEFAULT PRIVILEGES gives tables that later migrations create the same rights; the role-grants test
 * (app-role.int-spec.ts) names every table's expected rights, so a table needing other rights fails it.
 *
 * Also: imports are recorded as RUNNING before they start, so one cut short by a crash is shown as INTERRUPTED.
 */
export class AppRole1763800009000 implements MigrationInterface {
  name = 'AppRole1763800009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Roles belong to the cluster, not the database: another database may already have created it.
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccg_assure_app') THEN
          CREATE ROLE ccg_assure_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ccg_assure_app', current_database()); END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ccg_assure_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ccg_assure_app`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ccg_assure_app`);
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ccg_assure_app`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ccg_assure_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ccg_assure_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ccg_assure_app`);

    await queryRunner.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_outcome_check`);
    await queryRunner.query(`
      ALTER TABLE import_batch ADD CONSTRAINT import_batch_outcome_check
      CHECK (outcome IN ('SUCCEEDED','UNCHANGED','REJECTED','RUNNING','INTERRUPTED'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE import_batch SET outcome = 'REJECTED' WHERE outcome IN ('RUNNING','INTERRUPTED')`);
    await queryRunner.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_outcome_check`);
    await queryRunner.query(`ALTER TABLE import_batch ADD CONSTRAINT import_batch_outcome_check CHECK (outcome IN ('SUCCEEDED','UNCHANGED','REJECTED'))`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ccg_assure_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ccg_assure_app`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ccg_assure_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ccg_assure_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ccg_assure_app`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM ccg_assure_app', current_database()); END $$`);
  }
}
