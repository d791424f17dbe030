import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User accounts (issue 14): a home organisation (whose administrators administer the account; null for
 * accounts made before it, which NHS England's administrators alone administer), an email, a pending password
 * change (a one-time password was set), the last sign-in; sessions remember when they were last used and the
 * client that opened them. No new table: `ccg_assure_app` keeps its rights on both (migration 1763800009000).
 */
export class Accounts1763800010000 implements MigrationInterface {
  name = 'Accounts1763800010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user
        ADD COLUMN email                    text        CHECK (char_length(email) <= 254),
        ADD COLUMN home_organisation_code   varchar(12) REFERENCES organisation (code),
        ADD COLUMN password_change_required boolean     NOT NULL DEFAULT false,
        ADD COLUMN last_sign_in_at          timestamptz`);
    await queryRunner.query(`CREATE INDEX app_user_home_organisation_code_idx ON app_user (home_organisation_code)`);
    await queryRunner.query(`CREATE INDEX role_assignment_organisation_code_idx ON role_assignment (organisation_code, role)`);
    await queryRunner.query(`
      ALTER TABLE user_session
        ADD COLUMN last_seen_at   timestamptz,
        ADD COLUMN client_address text CHECK (char_length(client_address) <= 100),
        ADD COLUMN user_agent     varchar(300)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_session DROP COLUMN user_agent, DROP COLUMN client_address, DROP COLUMN last_seen_at`);
    await queryRunner.query(`DROP INDEX role_assignment_organisation_code_idx`);
    await queryRunner.query(`DROP INDEX app_user_home_organisation_code_idx`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN last_sign_in_at, DROP COLUMN password_change_required, DROP COLUMN home_organisation_code, DROP COLUMN email`);
  }
}
