import { Readable } from 'node:stream';
import { Role } from '../../auth/role';
import { IndicatorEntity } from '../../indicators/indicator.entity';
import { OrganisationType } from '../../organisations/organisation-type';
import { graphqlExecutor } from '../../testing/graphql';
import { insertOrganisation } from '../../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { runImport } from '../import.service';
import { importKinds } from '.';

// Decision 0031: values of any indicator an administrator defined, through the same all-or-nothing importer.
// The indicators and values below are illustrative test data, not real NHS figures.

const actor = { userId: null, username: 'test', requestId: 'indicator-values-test' };
const HEADER = 'indicator_code,org_code,period,numerator,denominator';
const RTT = 'TEST_RTT_18WK';
/** Fourteen months of illustrative values for RR8 and RW3, within 18 weeks over all incomplete pathways. */
const MONTHS = Array.from({ length: 14 }, (_, index) => `${2018 + Math.floor((index + 3) / 12)}-${String(((index + 3) % 12) + 1).padStart(2, '0')}-01`);
const goodRows = MONTHS.flatMap((month, index) => [`${RTT},RR8,${month},${8000 + index * 10},10000`, `${RTT},RW3,${month},${9000 - index * 5},10000`]);
const file = (rows: string[]) => Readable.from([Buffer.from([HEADER, ...rows].join('\n') + '\n')]);

describe('the indicator-values import kind', () => {
  let db: TestDatabase;
  let gql: Awaited<ReturnType<typeof graphqlExecutor>>;
  const importValues = (rows: string[], fileName = 'illustrative-values.csv') =>
    runImport(db.dataSource, { kind: importKinds['indicator-values'], fileName, stream: file(rows), actor });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.dataSource.query(sql, params))[0].n);
  const valueCount = () => count(`SELECT count(*) AS n FROM indicator_value`);

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = await graphqlExecutor(db.dataSource);
    for (const code of ['RR8', 'RW3']) await insertOrganisation(db.dataSource, code, `Trust ${code}`, OrganisationType.NHS_TRUST);
    const definition = { description: 'Illustrative test indicator', numeratorDefinition: null, denominatorDefinition: null, source: 'Illustrative test data' };
    await db.dataSource.getRepository(IndicatorEntity).insert([
      { ...definition, code: RTT, name: 'RTT within 18 weeks (illustrative)', unit: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER', periodType: 'MONTH' },
      { ...definition, code: 'TEST_COUNT_Q', name: 'Quarterly count (illustrative)', unit: 'COUNT', polarity: 'LOWER_IS_BETTER', periodType: 'QUARTER' },
    ]);
  });
  afterAll(() => db.drop());

  it('saves a good file: each value in its unit, the periods labelled, the stored scores of each series written', async () => {
    const report = await importValues(goodRows);
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', rowsRead: 28, rowsRejected: 0, counts: { inserted: 28, updated: 0, deleted: 0 } });
    const [first] = await db.dataSource.query(
      `SELECT v.value::text AS value, p.type, p.label, p.end_date::text AS "end" FROM indicator_value v JOIN period p ON p.id = v.period_id
       WHERE v.indicator_code = $1 AND v.organisation_code = 'RR8' ORDER BY p.start_date LIMIT 1`,
      [RTT],
    );
    expect(first).toEqual({ value: '80.0000000000', type: 'MONTH', label: 'April 2018', end: '2018-04-30' });
    expect(await count(`SELECT count(*) AS n FROM series_score WHERE indicator_code = $1`, [RTT])).toBe(28);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'IMPORT_INDICATOR_VALUES'`)).toBe(1);
  });

  it('shows the new indicator on the provider scorecard with its SPC, and in the funnel comparison, with no code of its own', async () => {
    const scorecard = await gql<{ providerScorecard: { indicators: { indicator: { code: string }; latestValue: number; latestPeriod: { label: string }; rag: string | null; improvementDirection: string; series: unknown[] }[] } }>(
      `{ providerScorecard(code: "RR8") { indicators { indicator { code } latestValue latestPeriod { label } rag improvementDirection series { value } } } }`,
    );
    expect(scorecard.errors).toBeUndefined();
    const rtt = scorecard.data?.providerScorecard.indicators.find((row) => row.indicator.code === RTT);
    expect(rtt).toMatchObject({ latestValue: 81.3, latestPeriod: { label: 'May 2019' }, rag: null, improvementDirection: 'INCREASE' });
    expect(rtt?.series).toHaveLength(14);
    const comparison = await gql<{ providerComparison: { providers: { provider: { code: string } }[]; target: number } }>(
      `{ providerComparison(indicator: "${RTT}", period: "2019-05-01") { target providers { provider { code } } } }`,
    );
    expect(comparison.errors).toBeUndefined();
    expect(comparison.data?.providerComparison.providers.map((p) => p.provider.code).sort()).toEqual(['RR8', 'RW3']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const audits = await count(`SELECT count(*) AS n FROM audit_event`);
    const report = await importValues(goodRows);
    expect(report).toMatchObject({ outcome: 'UNCHANGED', counts: { inserted: 0, updated: 0, deleted: 0 } });
    // Only the import's own audit row.
    expect(await count(`SELECT count(*) AS n FROM audit_event`)).toBe(audits + 1);
  });

  it('corrects a changed value, audits it with before and after, keeps values the file does not name, and refreshes the stored score', async () => {
    const values = await valueCount();
    const report = await importValues([`${RTT},RR8,2019-05-01,7000,10000`], 'illustrative-correction.csv');
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', counts: { inserted: 0, updated: 1, deleted: 0 } });
    expect(await valueCount()).toBe(values);
    const [audit] = await db.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'UPDATE_INDICATOR_VALUE' AND entity_id LIKE $1`, [`${RTT}/RR8/%`]);
    expect(audit).toEqual({ before: { numerator: 8130, denominator: 10000 }, after: { numerator: 7000, denominator: 10000 } });
    const [score] = await db.dataSource.query(`SELECT value FROM series_score WHERE indicator_code = $1 AND organisation_code = 'RR8' ORDER BY as_of DESC LIMIT 1`, [RTT]);
    expect(score.value).toBe(70);
  });

  it.each([
    ['an indicator no administrator has defined', `NOT_DEFINED,RR8,2019-06-01,1,2`, 'indicator_code "NOT_DEFINED" is not a defined indicator (an administrator defines it first)'],
    ['an organisation not known', `${RTT},ZZZ,2019-06-01,1,2`, 'org_code "ZZZ" is not a known organisation'],
    ['a period that is not a date', `${RTT},RR8,June 2019,1,2`, 'period "June 2019" is not a date (YYYY-MM-DD)'],
    ['a period that is not a month’s first day', `${RTT},RR8,2019-06-15,1,2`, 'period "2019-06-15" is not the first day of a month'],
    ['a quarterly indicator’s period that starts no quarter', `TEST_COUNT_Q,RR8,2019-05-01,3,1`, 'period "2019-05-01" is not the first day of a quarter (April, July, October or January): TEST_COUNT_Q is quarterly'],
    ['a percentage’s numerator above its denominator', `${RTT},RR8,2019-06-01,11,10`, `numerator (11) exceeds denominator (10): ${RTT} is a percentage`],
    ['a denominator of 0', `${RTT},RR8,2019-06-01,0,0`, 'denominator is 0: a value needs a denominator above 0'],
    ['a negative numerator', `${RTT},RR8,2019-06-01,-1,10`, 'numerator "-1" is not a number of 0 or more (digits, at most four decimal places)'],
  ])('refuses the whole file for %s, naming the line', async (_case, bad, reason) => {
    const values = await valueCount();
    const report = await importValues([`${RTT},RW3,2019-06-01,8100,10000`, bad]);
    expect(report).toMatchObject({ outcome: 'REJECTED', rowsRejected: 1, errors: [{ line: 3, reason }] });
    expect(await valueCount()).toBe(values);
  });

  it('refuses a line that repeats an earlier one', async () => {
    const report = await importValues([`${RTT},RR8,2019-06-01,8100,10000`, `${RTT},RW3,2019-06-01,8100,10000`, `${RTT},RR8,2019-06-01,8200,10000`]);
    expect(report).toMatchObject({ outcome: 'REJECTED', errors: [{ line: 4, reason: 'repeats line 2 (same indicator_code, org_code, period_start)' }] });
  });

  it('imports through importData with the INDICATOR_VALUES kind, for an analyst', async () => {
    const analyst = { userId: '00000000-0000-4000-8000-000000000001', username: 'analyst', displayName: 'Analyst', roles: [{ role: Role.ANALYST, organisationCode: 'RR8' }] };
    const content = [HEADER, `${RTT},RW3,2019-07-01,9100,10000`].join('\n') + '\n';
    const result = await gql<{ importData: { kind: string; outcome: string; inserted: number } }>(
      `mutation($input: ImportDataInput!) { importData(input: $input) { kind outcome inserted } }`,
      { input: { kind: 'INDICATOR_VALUES', fileName: 'illustrative-july.csv', content } },
      analyst,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.importData).toEqual({ kind: 'INDICATOR_VALUES', outcome: 'SUCCEEDED', inserted: 1 });
  });

  it('takes a count above its denominator, and a quarterly indicator’s quarters labelled as the NHS writes them', async () => {
    const report = await importValues([`TEST_COUNT_Q,RR8,2019-04-01,12,1`, `TEST_COUNT_Q,RR8,2019-07-01,9,1`]);
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', counts: { inserted: 2 } });
    const rows = await db.dataSource.query(
      `SELECT v.value::text AS value, p.label, p.end_date::text AS "end" FROM indicator_value v JOIN period p ON p.id = v.period_id WHERE v.indicator_code = 'TEST_COUNT_Q' ORDER BY p.start_date`,
    );
    expect(rows).toEqual([
      { value: '12.0000000000', label: '2019/20 Q1', end: '2019-06-30' },
      { value: '9.0000000000', label: '2019/20 Q2', end: '2019-09-30' },
    ]);
  });
});
