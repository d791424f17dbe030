import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The indicators the product itself derives (the A&E kind): each has its own partition from the start. */
const PRODUCT_INDICATORS = ['AE_4HR_ALL', 'AE_4HR_TYPE1'];

/** The table's columns and their checks, as 1763800001000-organisations-indicators.ts created them. */
const COLUMNS = `
  indicator_code     varchar(40) NOT NULL,
  organisation_code  varchar(12) NOT NULL,
  period_id          integer     NOT NULL,
  numerator          numeric     NOT NULL,
  denominator        numeric     NOT NULL CONSTRAINT indicator_value_denominator_check CHECK (denominator > 0),
  value              numeric     NOT NULL,
  import_batch_id    bigint      NOT NULL`;

/**
 * `indicator_value` partitioned by LIST of `indicator_code` (issue 19 point 4, decision 0035): one partition per
 * indicator known when this runs (the product's A&E indicators and any other in `indicator`), and a DEFAULT partition
 * for indicators defined later (an operator gives a high-volume indicator its own partition, decision 0035 says how).
 * Every read and write path names the indicator, so each prunes to its partition. The existing table is converted with
 * its rows: renamed, the partitioned table created with its partitions, the rows moved, the old table dropped, then
 * the primary key (indicator, organisation, period: it includes the partition key, as PostgreSQL requires), the two
 * indexes, the foreign keys and the application role's rights recreated on the parent and every partition. No table
 * references indicator_value, and it has no trigger or policy. `down` converts it back, with its rows.
 */
export class PartitionIndicatorValue1763800018000 implements MigrationInterface {
  name = 'PartitionIndicatorValue1763800018000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE indicator_value IN ACCESS EXCLUSIVE MODE`);
    await queryRunner.query(`ALTER TABLE indicator_value RENAME TO indicator_value_unpartitioned`);
    await queryRunner.query(`CREATE TABLE indicator_value (${COLUMNS}) PARTITION BY LIST (indicator_code)`);
    const codes: { code: string }[] = await queryRunner.query(
      `SELECT code FROM (SELECT unnest($1::varchar[]) AS code UNION SELECT code FROM indicator UNION SELECT DISTINCT indicator_code FROM indicator_value_unpartitioned) c ORDER BY code`,
      [PRODUCT_INDICATORS],
    );
    const used = new Set<string>();
    for (const { code } of codes) {
      const name = partitionName(code, used);
      await queryRunner.query(`CREATE TABLE ${name} PARTITION OF indicator_value FOR VALUES IN ('${code.replace(/'/g, "''")}')`);
    }
    await queryRunner.query(`CREATE TABLE indicator_value_default PARTITION OF indicator_value DEFAULT`);
    await queryRunner.query(`INSERT INTO indicator_value SELECT indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id FROM indicator_value_unpartitioned`);
    await queryRunner.query(`DROP TABLE indicator_value_unpartitioned`);
    await addKeysIndexesAndGrants(queryRunner, true);
    await queryRunner.query(`ANALYZE indicator_value`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE indicator_value IN ACCESS EXCLUSIVE MODE`);
    await queryRunner.query(`ALTER TABLE indicator_value RENAME TO indicator_value_partitioned`);
    await queryRunner.query(`CREATE TABLE indicator_value (${COLUMNS})`);
    await queryRunner.query(`INSERT INTO indicator_value SELECT indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id FROM indicator_value_partitioned`);
    // Dropping the parent drops its partitions.
    await queryRunner.query(`DROP TABLE indicator_value_partitioned`);
    await addKeysIndexesAndGrants(queryRunner, false);
    await queryRunner.query(`ANALYZE indicator_value`);
  }
}

/** The key, indexes, foreign keys and rights of 1763800001000 and 1763800009000, on the table (and its partitions); `up`: with the covering period index. */
async function addKeysIndexesAndGrants(queryRunner: QueryRunner, up: boolean): Promise<void> {
  await queryRunner.query(`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_pkey PRIMARY KEY (indicator_code, organisation_code, period_id)`);
  // Scorecards and scoring read one organisation's series; roll-ups, comparisons and imports one indicator over periods.
  await queryRunner.query(`CREATE INDEX indicator_value_org_idx ON indicator_value (organisation_code, indicator_code, period_id)`);
  // With the counts it carries, a comparison's or a funnel's peers (one indicator and period, every organisation) come
  // from the index alone: 7,370 practices' rows are otherwise 7,370 heap pages (decision 0035).
  await queryRunner.query(
    up ? `CREATE INDEX indicator_value_period_idx ON indicator_value (indicator_code, period_id) INCLUDE (organisation_code, numerator, denominator)` : `CREATE INDEX indicator_value_period_idx ON indicator_value (indicator_code, period_id)`,
  );
  await queryRunner.query(`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_indicator_code_fkey FOREIGN KEY (indicator_code) REFERENCES indicator (code)`);
  await queryRunner.query(`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_organisation_code_fkey FOREIGN KEY (organisation_code) REFERENCES organisation (code)`);
  await queryRunner.query(`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_period_id_fkey FOREIGN KEY (period_id) REFERENCES period (id)`);
  await queryRunner.query(`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_import_batch_id_fkey FOREIGN KEY (import_batch_id) REFERENCES import_batch (id)`);
  // The application role's rights (1763800009000-app-role.ts) on the parent and on each partition, which are tables too.
  await queryRunner.query(`
    DO $$
    DECLARE t regclass;
    BEGIN
      FOR t IN SELECT 'indicator_value'::regclass UNION ALL SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'indicator_value'::regclass LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO ccg_assure_app', t);
      END LOOP;
    END $$`);
}

/** A partition's table name from its indicator code: lower-case letters, digits and underscores, unique. */
function partitionName(code: string, used: Set<string>): string {
  const base = `indicator_value_${code.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 55);
  let name = base;
  for (let n = 2; used.has(name) || name === 'indicator_value_default'; n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}
