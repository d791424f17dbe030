import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, points 1 and 5 (decision 0015).
 *
 * `sign_in_throttle`: failed sign-ins counted per account and per client in the database, so every API process
 * sees the same counts, with the time a lockout ends.
 *
 * The audit hash chain: every `audit_event` row gets a `chain_position` (1, 2, 3, ... with no gaps) and a
 * `row_hash` = sha256(previous row's hash || canonical text of this row), both assigned by a BEFORE INSERT
 * trigger that serialises inserts with a transaction-scoped advisory lock. Rows already present are chained
 * here, in id order. `audit_event_canonical` is the one definition of the hashed text: the trigger and the
 * verification statement (`audit.queries.ts`) both call it.
 */
export class SignInThrottleAuditChain1763800008000 implements MigrationInterface {
  name = 'SignInThrottleAuditChain1763800008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_throttle (
        scope              varchar(10)  NOT NULL CHECK (scope IN ('ACCOUNT','CLIENT')),
        subject            text         NOT NULL,
        failures           integer      NOT NULL CHECK (failures >= 0),
        window_started_at  timestamptz  NOT NULL,
        locked_until       timestamptz,
        PRIMARY KEY (scope, subject)
      )`);
    await queryRunner.query(`CREATE INDEX sign_in_throttle_window_idx ON sign_in_throttle (window_started_at)`);
    await queryRunner.query(`COMMENT ON TABLE sign_in_throttle IS 'Failed sign-ins per account (normalised username) and per client (IP address), and lockouts (decision 0015)'`);
    await queryRunner.query(`COMMENT ON COLUMN sign_in_throttle.subject IS 'The normalised username tried (ACCOUNT), known or not, or the client IP address as Express sees it (CLIENT)'`);
    await queryRunner.query(`COMMENT ON COLUMN sign_in_throttle.failures IS 'Failed sign-ins since window_started_at'`);
    await queryRunner.query(`COMMENT ON COLUMN sign_in_throttle.locked_until IS 'Sign-ins of this account or client are refused before any password check until then'`);

    await queryRunner.query(`ALTER TABLE audit_event ADD COLUMN chain_position bigint, ADD COLUMN row_hash bytea`);
    await queryRunner.query(`CREATE UNIQUE INDEX audit_event_chain_position_key ON audit_event (chain_position)`);
    await queryRunner.query(`COMMENT ON COLUMN audit_event.chain_position IS 'Position in the hash chain (1, 2, 3, ...), set by the audit_event_chain trigger; NULL only for a row written with triggers off'`);
    await queryRunner.query(`COMMENT ON COLUMN audit_event.row_hash IS 'sha256(previous row_hash || audit_event_canonical(row)), set by the audit_event_chain trigger'`);

    // The hashed text: every column but row_hash, in a fixed order, as a JSON array (jsonb's text form is
    // canonical: one spelling per value, object keys sorted). The time is epoch microseconds, so the text does
    // not depend on the session's TimeZone or DateStyle.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_canonical(event audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_build_array(
          event.chain_position, event.id, (extract(epoch FROM event.occurred_at) * 1000000)::bigint,
          event.actor_user_id, event.actor_username, event.action, event.entity_type, event.entity_id,
          event.before, event.after, event.request_id
        )::text
      $$`);
    await queryRunner.query(`COMMENT ON FUNCTION audit_event_canonical(audit_event) IS 'The text of an audit row that its row_hash covers (decision 0015)'`);

    // One inserter at a time, until its transaction ends: the next one then sees this row as the head. In READ
    // COMMITTED (the API's only isolation level) each statement of the trigger takes a fresh snapshot; a
    // transaction that could not see the head would collide on the unique position and fail, never fork.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head record;
      BEGIN
        PERFORM pg_advisory_xact_lock(7243019911);
        SELECT chain_position, row_hash INTO head FROM audit_event
          WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1;
        NEW.chain_position := COALESCE(head.chain_position, 0) + 1;
        NEW.row_hash := sha256(COALESCE(head.row_hash, ''::bytea) || convert_to(audit_event_canonical(NEW), 'UTF8'));
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);

    // Chain the rows already there, oldest first. The append-only trigger is off only for this, inside the
    // migration's transaction (migrations run as the owner).
    await queryRunner.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete`);
    await queryRunner.query(`
      DO $$
      DECLARE
        event audit_event;
        next_position bigint := 0;
        previous bytea := ''::bytea;
      BEGIN
        FOR event IN SELECT * FROM audit_event ORDER BY id LOOP
          next_position := next_position + 1;
          event.chain_position := next_position;
          previous := sha256(previous || convert_to(audit_event_canonical(event), 'UTF8'));
          UPDATE audit_event SET chain_position = next_position, row_hash = previous WHERE id = event.id;
        END LOOP;
      END
      $$`);
    await queryRunner.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_chain ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_event_canonical(audit_event)`);
    await queryRunner.query(`ALTER TABLE audit_event DROP COLUMN row_hash, DROP COLUMN chain_position`);
    await queryRunner.query(`DROP TABLE sign_in_throttle`);
  }
}
