import { Readable } from 'node:stream';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation } from '../testing/fixtures';
import { graphqlExecutor } from '../testing/graphql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { PartitionIndicatorValue1763800018000 } from './migrations/1763800018000-partition-indicator-value';

// Decision 0035: indicator_value is partitioned by LIST of indicator_code, a partition per indicator known when the
// migration ran and a DEFAULT one. The values below are illustrative test data, not real NHS figures.

const actor = { userId: null, username: 'test', requestId: 'partitioning-test' };
const TEST_INDICATOR = 'TEST_PARTITIONED';
const MONTHS = ['2018-04-01', '2018-05-01', '2018-06-01'];
const file = (rows: string[]) => Readable.from([Buffer.from(['indicator_code,org_code,period,numerator,denominator', ...rows].join('\n') + '\n')]);

describe('indicator_value partitioned by indicator (decision 0035)', () => {
  let db: TestDatabase;
  let gql: Awaited<ReturnType<typeof graphqlExecutor>>;
  /** Each value's partition, by indicator and organisation. */
  const partitions = async () =>
    (
      await db.ownerDataSource.query(
        `SELECT indicator_code AS indicator, tableoid::regclass::text AS partition, count(*)::int AS n FROM indicator_value GROUP BY 1, 2 ORDER BY 1, 2`,
      )
    ).map((row: { indicator: string; partition: string; n: number }) => `${row.indicator} ${row.partition} ${row.n}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = await graphqlExecutor(db.dataSource);
    await insertOrganisation(db.dataSource, 'RR8', 'Trust RR8', OrganisationType.NHS_TRUST);
    await db.dataSource.getRepository(IndicatorEntity).insert({
      code: TEST_INDICATOR,
      name: 'Partitioned (illustrative)',
      description: 'Illustrative test indicator',
      unit: 'PERCENTAGE',
      polarity: 'HIGHER_IS_BETTER',
      periodType: 'MONTH',
      numeratorDefinition: null,
      denominatorDefinition: null,
      source: 'Illustrative test data',
    });
  });
  afterAll(() => db.drop());

  it('is a table partitioned by LIST of indicator_code, with a partition per product indicator and a DEFAULT one', async () => {
    const [table] = await db.ownerDataSource.query(
      `SELECT p.partstrat AS strategy, a.attname AS key FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
       WHERE p.partrelid = 'indicator_value'::regclass`,
    );
    expect(table).toEqual({ strategy: 'l', key: 'indicator_code' });
    const children: { name: string; bound: string }[] = await db.ownerDataSource.query(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'indicator_value'::regclass ORDER BY 1`,
    );
    expect(children).toEqual(
      expect.arrayContaining([
        { name: 'indicator_value_ae_4hr_all', bound: "FOR VALUES IN ('AE_4HR_ALL')" },
        { name: 'indicator_value_ae_4hr_type1', bound: "FOR VALUES IN ('AE_4HR_TYPE1')" },
        { name: 'indicator_value_default', bound: 'DEFAULT' },
      ]),
    );
    // The primary key includes the partition key, and both indexes are on the parent (so on every partition).
    const indexes: { name: string }[] = await db.ownerDataSource.query(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'indicator_value' ORDER BY 1`);
    expect(indexes.map((index) => index.name)).toEqual(['indicator_value_org_idx', 'indicator_value_period_idx', 'indicator_value_pkey']);
  });

  it("imports through the product's importer into the DEFAULT partition, and the scorecard reads the values and their stored scores", async () => {
    const report = await runImport(db.dataSource, {
      kind: importKinds['indicator-values'],
      fileName: 'illustrative.csv',
      stream: file(MONTHS.map((month, index) => `${TEST_INDICATOR},RR8,${month},${800 + index * 10},1000`)),
      actor,
    });
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', counts: { inserted: 3 } });
    expect(await partitions()).toEqual([`${TEST_INDICATOR} indicator_value_default 3`]);
    const scorecard = await gql<{ providerScorecard: { indicators: { indicator: { code: string }; latestValue: number; series: unknown[] }[] } }>(
      `{ providerScorecard(code: "RR8") { indicators { indicator { code } latestValue series { value } } } }`,
    );
    expect(scorecard.errors).toBeUndefined();
    expect(scorecard.data?.providerScorecard.indicators).toEqual([{ indicator: { code: TEST_INDICATOR }, latestValue: 82, series: [{ value: 80 }, { value: 81 }, { value: 82 }] }]);
  });

  it("puts an A&E value in its indicator's own partition, and refuses a row breaking a constraint as before", async () => {
    await db.ownerDataSource.query(
      `INSERT INTO indicator (code, name, description, unit, polarity, period_type, source) VALUES ('AE_4HR_ALL', 'A&E 4 hours', 'Test only', 'PERCENTAGE', 'HIGHER_IS_BETTER', 'MONTH', 'test')
       ON CONFLICT DO NOTHING`,
    );
    const [{ batch }] = await db.ownerDataSource.query(`SELECT max(id) AS batch FROM import_batch`);
    await db.dataSource.query(
      `INSERT INTO indicator_value (indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id)
       SELECT 'AE_4HR_ALL', 'RR8', p.id, 900, 1000, 90, $1 FROM period p WHERE p.type = 'MONTH' AND p.start_date = '2018-04-01'`,
      [batch],
    );
    expect(await partitions()).toEqual(['AE_4HR_ALL indicator_value_ae_4hr_all 1', `${TEST_INDICATOR} indicator_value_default 3`]);
    // The primary key holds across the parent; the foreign keys and checks hold on every partition.
    const duplicate = db.dataSource.query(
      `INSERT INTO indicator_value SELECT indicator_code, organisation_code, period_id, 1, 1, 100, import_batch_id FROM indicator_value WHERE indicator_code = 'AE_4HR_ALL'`,
    );
    await expect(duplicate).rejects.toThrow(/indicator_value_ae_4hr_all_pkey|duplicate key/);
    const unknownOrganisation = db.dataSource.query(
      `INSERT INTO indicator_value SELECT indicator_code, 'ZZZZZ', period_id, 1, 1, 100, import_batch_id FROM indicator_value WHERE indicator_code = 'AE_4HR_ALL'`,
    );
    await expect(unknownOrganisation).rejects.toThrow(/foreign key/);
    const zeroDenominator = db.dataSource.query(`UPDATE indicator_value SET denominator = 0 WHERE indicator_code = '${TEST_INDICATOR}'`);
    await expect(zeroDenominator).rejects.toThrow(/indicator_value_denominator_check/);
  });

  it('converts back to a plain table and again to a partitioned one with every row (down, then up)', async () => {
    const before = await partitions();
    const migration = new PartitionIndicatorValue1763800018000();
    const runner = db.ownerDataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      const [{ kind }] = await runner.query(`SELECT relkind AS kind FROM pg_class WHERE oid = 'indicator_value'::regclass`);
      expect(kind).toBe('r');
      expect(Number((await runner.query(`SELECT count(*) AS n FROM indicator_value`))[0].n)).toBe(4);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    // The test indicator now has a partition of its own: it existed when up ran.
    expect(await partitions()).toEqual(['AE_4HR_ALL indicator_value_ae_4hr_all 1', `${TEST_INDICATOR} indicator_value_test_partitioned 3`]);
    expect(before).toHaveLength(2);
    // The application role can still read and write it (and every partition).
    const [{ writable }] = await db.dataSource.query(
      `SELECT bool_and(has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE')) AS writable FROM pg_class c
       WHERE c.oid = 'indicator_value'::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'indicator_value'::regclass)`,
    );
    expect(writable).toBe(true);
  });
});
