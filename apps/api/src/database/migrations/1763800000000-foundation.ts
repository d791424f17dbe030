import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation: organisations (the minimum that roles need; the data issue widens it), users,
 * role assignments, server-side sessions and the append-only audit trail.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation (
        code        varchar(12) PRIMARY KEY,
        name        text        NOT NULL,
        type        varchar(40) NOT NULL,
        open_date   date,
        close_date  date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE app_user (
        id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        username       varchar(80) NOT NULL,
        display_name   text        NOT NULL,
        password_hash  text        NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        disabled_at    timestamptz,
        CONSTRAINT app_user_username_lower CHECK (username = lower(username))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (username)`);

    await queryRunner.query(`
      CREATE TABLE role_assignment (
        id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id            uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role               varchar(40) NOT NULL CHECK (role IN ('FINANCE_OFFICER','COMMISSIONING_MANAGER','ANALYST','ASSESSOR','BOARD_MEMBER','ADMIN')),
        organisation_code  varchar(12) NOT NULL REFERENCES organisation (code),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT role_assignment_unique UNIQUE (user_id, role, organisation_code)
      )`);

    await queryRunner.query(`
      CREATE TABLE user_session (
        id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash    char(64)    NOT NULL,
        user_id       uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        revoked_at    timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX user_session_token_hash_key ON user_session (token_hash)`);
    await queryRunner.query(`CREATE INDEX user_session_user_id_idx ON user_session (user_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_event (
        id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id   uuid,
        actor_username  text,
        action          varchar(80) NOT NULL,
        entity_type     varchar(80) NOT NULL,
        entity_id       text        NOT NULL,
        before          jsonb,
        after           jsonb,
        request_id      text
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id)`);
    await queryRunner.query(`CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at DESC)`);

    // The audit trail is append-only for everyone, the table owner included: rows can be
    // inserted, never changed or removed (issue 2, "Audit").
    await queryRunner.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`DROP TABLE user_session`);
    await queryRunner.query(`DROP TABLE role_assignment`);
    await queryRunner.query(`DROP TABLE app_user`);
    await queryRunner.query(`DROP TABLE organisation`);
  }
}
