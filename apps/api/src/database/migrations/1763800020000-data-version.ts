import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data version of the response cache (decision 0036): a counter that every transaction writing to any table of
 * the schema raises once, at its first write, in that transaction, so it changes when (and only when) the write
 * commits, whichever process, import, start-up step or tool wrote. The counter is spread over 64 slots and a writer
 * takes a free one (SKIP LOCKED): a long import holds one slot, never blocking other writers on the counter. The
 * version is the sum of the slots. A table created later gets the trigger in its own migration (response-cache.int-spec
 * fails for a table without it).
 */
export class DataVersion1763800020000 implements MigrationInterface {
  name = 'DataVersion1763800020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE data_version (slot integer PRIMARY KEY CHECK (slot BETWEEN 0 AND 63), version bigint NOT NULL DEFAULT 0)`);
    await queryRunner.query(`INSERT INTO data_version (slot) SELECT generate_series(0, 63)`);
    await queryRunner.query(`
      CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Once a transaction: the setting is local to it (and to a savepoint rolled back with the write).
        IF current_setting('ccg.data_version_raised', true) IS DISTINCT FROM 'on' THEN
          UPDATE data_version SET version = version + 1
          WHERE slot = (SELECT slot FROM data_version ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED);
          -- Every slot held by another writer at once: wait for one.
          IF NOT FOUND THEN
            UPDATE data_version SET version = version + 1 WHERE slot = floor(random() * 64)::integer;
          END IF;
          PERFORM set_config('ccg.data_version_raised', 'on', true);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      DO $$
      DECLARE target regclass;
      BEGIN
        FOR target IN
          SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('data_version', 'migrations')
        LOOP
          EXECUTE format('CREATE TRIGGER bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', target);
        END LOOP;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      DECLARE target regclass;
      BEGIN
        FOR target IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = 'bump_data_version' LOOP
          EXECUTE format('DROP TRIGGER bump_data_version ON %s', target);
        END LOOP;
      END $$`);
    await queryRunner.query(`DROP FUNCTION bump_data_version()`);
    await queryRunner.query(`DROP TABLE data_version`);
  }
}
