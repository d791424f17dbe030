import { Readable } from 'node:stream';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation } from '../testing/fixtures';
import { graphqlExecutor } from '../testing/graphql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// A CCG's GP practices in the scorecard grid and the attention view (issue 19 point 4). The practices and their CCGs
// are real (qof_practice_ccg_hierarchy_2016_17.csv); DYNELEY HOUSE SURGERY's move to Bradford City in October 2018,
// the indicator, its standard and every value are illustrative test data, not NHS figures.

const actor = { userId: null, username: 'test', requestId: 'practice-grid-test' };
const INDICATOR = 'TEST_PRACTICE_PCT';
const CCGS = [
  ['02N', 'NHS AIREDALE, WHARFEDALE AND CRAVEN CCG'],
  ['02W', 'NHS BRADFORD CITY CCG'],
];
const PRACTICES = [
  ['B82007', 'TOWNHEAD SURGERY'],
  ['B82020', 'CROSS HILLS GROUP PRACTICE'],
  ['B82028', 'FISHER MEDICAL CENTRE'],
  ['B82053', 'DYNELEY HOUSE SURGERY'],
  ['B83016', 'FARROW MEDICAL CENTRE'],
];
const MONTHS = Array.from({ length: 12 }, (_, index) => `${2018 + Math.floor((index + 3) / 12)}-${String(((index + 3) % 12) + 1).padStart(2, '0')}-01`);
/** Percent within the standard (75%, higher is better) each month: FISHER falls below it; CROSS HILLS climbs steadily. */
const PERCENT: Record<string, (month: number) => number> = {
  B82007: (m) => 80 + (m % 3),
  B82020: (m) => 76 + m,
  B82028: (m) => (m < 9 ? 78 : 60),
  B82053: (m) => 85 - (m % 2),
  B83016: (m) => 79 + (m % 2),
};

const GRID = `query($filter: ScorecardFilter, $asOf: Date, $orderBy: ScorecardOrder) {
  scorecardSummary(first: 50, filter: $filter, asOf: $asOf, orderBy: $orderBy) {
    asOf totalCount edges { node { provider { code name type } cells { indicator { code } value rag variationType } } } } }`;
/** The data of an answer that must have no errors. */
function dataOf<T>(result: { data?: T | null; errors?: readonly unknown[] }): T {
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data;
}
const ATTENTION = `query($filter: AttentionFilterInput, $asOf: Date) { attention(filter: $filter, asOf: $asOf, first: 50) {
  totalCount scope { kind organisationCode basis } edges { node { provider { code } indicator { code } value rag funnelPosition } } } }`;

interface Grid {
  scorecardSummary: { asOf: string; totalCount: number; edges: { node: { provider: { code: string; name: string; type: string }; cells: { indicator: { code: string }; value: number; rag: string | null; variationType: string }[] } }[] };
}

describe("a CCG's GP practices in the scorecard grid and the attention view", () => {
  let db: TestDatabase;
  let gql: Awaited<ReturnType<typeof graphqlExecutor>>;
  const grid = async (variables: Record<string, unknown>) => dataOf(await gql<Grid>(GRID, variables)).scorecardSummary;
  const codes = (page: Grid['scorecardSummary']) => page.edges.map((edge) => edge.node.provider.code);

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = await graphqlExecutor(db.dataSource);
    for (const [code, name] of CCGS) await insertOrganisation(db.dataSource, code, name, OrganisationType.CCG);
    for (const [code, name] of PRACTICES) await insertOrganisation(db.dataSource, code, name, OrganisationType.GP_PRACTICE);
    await insertOrganisation(db.dataSource, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    const source = 'qof_practice_ccg_hierarchy_2016_17.csv (test)';
    await db.dataSource.query(
      `INSERT INTO organisation_relationship (organisation_code, kind, related_code, valid_from, valid_to, source)
       VALUES ('B82007', 'IN_CCG', '02N', NULL, NULL, $1), ('B82020', 'IN_CCG', '02N', NULL, NULL, $1), ('B82028', 'IN_CCG', '02N', NULL, NULL, $1),
              ('B82053', 'IN_CCG', '02N', NULL, '2018-09-30', $1), ('B82053', 'IN_CCG', '02W', '2018-10-01', NULL, 'illustrative move (test)'),
              ('B83016', 'IN_CCG', '02W', NULL, NULL, $1)`,
      [source],
    );
    await db.dataSource.getRepository(IndicatorEntity).insert({
      code: INDICATOR,
      name: 'Practice percentage (illustrative)',
      description: 'Illustrative test indicator',
      unit: 'PERCENTAGE',
      polarity: 'HIGHER_IS_BETTER',
      periodType: 'MONTH',
      numeratorDefinition: null,
      denominatorDefinition: null,
      source: 'Illustrative test data',
    });
    await db.dataSource.query(
      `INSERT INTO standard_version (code, valid_from, name, description, unit, polarity, threshold, zero_tolerance, period_type, numerator, denominator, source)
       VALUES ($1, '2018-04-01', 'Illustrative practice standard', 'Test only', 'PERCENTAGE', 'HIGHER_IS_BETTER', 75, false, 'MONTH', 'n', 'd',
               '{"basis": "PRODUCT", "document": "test", "text": "Illustrative threshold."}'::jsonb)`,
      [INDICATOR],
    );
    const rows = PRACTICES.flatMap(([code]) => MONTHS.map((month, m) => `${INDICATOR},${code},${month},${PERCENT[code](m) * 10},1000`));
    // A trust's value too: the practices' grid must not list it, nor the trusts' grid the practices.
    rows.push(`${INDICATOR},RR8,2019-03-01,700,1000`);
    const report = await runImport(db.dataSource, {
      kind: importKinds['indicator-values'],
      fileName: 'illustrative-practices.csv',
      stream: Readable.from([Buffer.from(['indicator_code,org_code,period,numerator,denominator', ...rows].join('\n') + '\n')]),
      actor,
    });
    expect(report).toMatchObject({ outcome: 'SUCCEEDED' });
  });
  afterAll(() => db.drop());

  it("lists the practices registered with the CCG as at the latest month, by name, with their stored verdicts", async () => {
    const page = await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02N' } });
    expect(page.asOf).toBe('2019-03-01');
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((edge) => edge.node.provider.name)).toEqual(['CROSS HILLS GROUP PRACTICE', 'FISHER MEDICAL CENTRE', 'TOWNHEAD SURGERY']);
    expect(page.edges.every((edge) => edge.node.provider.type === 'GP_PRACTICE')).toBe(true);
    const fisher = page.edges.find((edge) => edge.node.provider.code === 'B82028')?.node.cells;
    expect(fisher).toEqual([{ indicator: { code: INDICATOR }, value: 60, rag: 'RED', variationType: expect.any(String) }]);
    const [{ rag, variation }] = await db.dataSource.query(
      `SELECT rag, variation_type AS variation FROM series_score WHERE organisation_code = 'B82028' AND indicator_code = $1 ORDER BY as_of DESC LIMIT 1`,
      [INDICATOR],
    );
    expect(fisher?.[0]).toMatchObject({ rag, variationType: variation });
  });

  it('follows a practice that changed CCG: in its old CCG before the move, in its new one after', async () => {
    expect(codes(await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02N' }, asOf: '2018-06-01' }))).toEqual(['B82020', 'B82053', 'B82028', 'B82007']);
    expect(codes(await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02W' }, asOf: '2018-06-01' }))).toEqual(['B83016']);
    expect(codes(await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02W' } }))).toEqual(['B82053', 'B83016']);
  });

  it('filters and sorts a CCG’s practices as it does trusts: FAILING, and by value highest first', async () => {
    expect(codes(await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02N', status: 'FAILING' } }))).toEqual(['B82028']);
    const byValue = await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02N' }, orderBy: { field: 'VALUE', indicator: INDICATOR, direction: 'DESC' } });
    expect(codes(byValue)).toEqual(['B82020', 'B82007', 'B82028']);
  });

  it('keeps the trusts’ grid to NHS trusts, and the practices’ grid of England to practices', async () => {
    expect(codes(await grid({}))).toEqual(['RR8']);
    expect((await grid({ filter: { organisationType: 'GP_PRACTICE' } })).totalCount).toBe(5);
  });

  it("scopes the attention view to the CCG's practices, placing each in the funnel among every practice", async () => {
    const response = await gql<{ attention: { totalCount: number; scope: unknown; edges: { node: { provider: { code: string }; rag: string | null; funnelPosition: string | null } }[] } }>(
      ATTENTION,
      { filter: { organisationType: 'GP_PRACTICE', ccg: '02N' } },
    );
    const attention = dataOf(response).attention;
    expect(attention.scope).toEqual({ kind: 'CCG', organisationCode: '02N', basis: null });
    expect(attention.edges.map((edge) => edge.node.provider.code).sort()).toEqual(['B82007', 'B82020', 'B82028']);
    expect(attention.edges.find((edge) => edge.node.provider.code === 'B82028')?.node).toMatchObject({ rag: 'RED', funnelPosition: expect.any(String) });
    const narrowed = dataOf(await gql<{ attention: { totalCount: number } }>(ATTENTION, { filter: { organisationType: 'GP_PRACTICE', ccg: '02N', providers: ['B82007'] } }));
    expect(narrowed.attention.totalCount).toBe(1);
    const wrongKind = await gql(ATTENTION, { filter: { organisationType: 'GP_PRACTICE', ccg: '02N', providers: ['RR8'] } });
    // Unformatted (no HTTP): the typed error itself.
    expect(wrongKind.errors?.[0]?.originalError).toMatchObject({ code: 'NOT_FOUND', reason: 'PROVIDER_NOT_FOUND' });
  });

  it("keeps each series' latest verdicts (series_latest_score) in step with the stored scores through a correction and a removal", async () => {
    const inStep = async () => {
      const [kept, fresh] = await Promise.all([
        db.dataSource.query(`SELECT organisation_code, indicator_code, first_as_of::text, as_of::text, value, rag, variation_type FROM series_latest_score ORDER BY 1, 2`),
        db.dataSource.query(
          `SELECT DISTINCT ON (organisation_code, indicator_code) organisation_code, indicator_code, (min(as_of) OVER (PARTITION BY organisation_code, indicator_code))::text AS first_as_of,
                  as_of::text, value, rag, variation_type FROM series_score ORDER BY 1, 2, as_of DESC`,
        ),
      ]);
      expect(kept).toEqual(fresh);
      return kept as { organisation_code: string; rag: string | null }[];
    };
    expect(await inStep()).toHaveLength(6);
    // TOWNHEAD's March 2019 corrected below the standard: its latest verdict turns red, and the grid says so.
    const report = await runImport(db.dataSource, {
      kind: importKinds['indicator-values'],
      fileName: 'illustrative-correction.csv',
      stream: Readable.from([Buffer.from(`indicator_code,org_code,period,numerator,denominator\n${INDICATOR},B82007,2019-03-01,500,1000\n`)]),
      actor,
    });
    expect(report).toMatchObject({ outcome: 'SUCCEEDED', counts: { updated: 1 } });
    expect((await inStep()).find((row) => row.organisation_code === 'B82007')?.rag).toBe('RED');
    expect(codes(await grid({ filter: { organisationType: 'GP_PRACTICE', ccg: '02N', status: 'FAILING' } }))).toEqual(['B82028', 'B82007']);
    // Scores removed from a month on (as a recompute does first) leave the series' latest before it; all removed, none.
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM series_score WHERE organisation_code = 'B82007' AND as_of >= '2019-01-01'`);
      expect((await manager.query(`SELECT as_of::text AS "asOf" FROM series_latest_score WHERE organisation_code = 'B82007'`))[0]).toEqual({ asOf: '2018-12-01' });
      await manager.query(`DELETE FROM series_score WHERE organisation_code = 'B82007'`);
      expect(await manager.query(`SELECT 1 FROM series_latest_score WHERE organisation_code = 'B82007'`)).toEqual([]);
      throw new Error('roll back');
    }).catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await inStep()).toHaveLength(6);
  });
});
