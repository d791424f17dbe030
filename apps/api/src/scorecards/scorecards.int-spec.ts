import path from 'node:path';
import {
  analyseFunnelPlot,
  analyseSpc,
  calculateFunnelLimits,
  evaluateRagFromCounts,
  findStandard,
  rankValues,
} from '@ccg-assure/domain';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { loadBundledData } from '../imports/bundled-data';
import { createLogger } from '../server/logger';
import { createServices } from '../server/services';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { asApi, dataOf, POINT_FIELDS, type Point } from './scorecards.fixtures';

const sharedDataDir = path.resolve(__dirname, '../../../../../shared/data');

type Cell = { indicator: { code: string }; period: string | null; value: number | null; threshold: number | null; rag: string | null; variationType: string | null; assuranceType: string | null };
type Row = { cursor: string; node: { provider: { code: string; name: string }; cells: Cell[] } };
type Summary = { asOf: string; totalCount: number; indicators: { code: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Row[] };

const SUMMARY = `query($filter: ScorecardFilter, $asOf: Date, $first: Int, $after: String, $orderBy: ScorecardOrder) {
  scorecardSummary(filter: $filter, asOf: $asOf, first: $first, after: $after, orderBy: $orderBy) {
    asOf totalCount indicators { code } pageInfo { hasNextPage endCursor }
    edges { cursor node { provider { code name } cells { indicator { code } period value threshold rag variationType assuranceType } } } } }`;

describe('provider scorecards over GraphQL on the real data', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadBundledData(db.dataSource, sharedDataDir, createLogger('silent'));
    server = await startTestServer(db.dataSource);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const query = <T>(q: string, variables?: Record<string, unknown>) => server.client().graphql<T>(q, variables);
  const summary = async (variables: Record<string, unknown>) => {
    return dataOf(await query<{ scorecardSummary: Summary }>(SUMMARY, variables)).scorecardSummary;
  };
  /** Every page of the grid for these arguments, following the cursors. */
  const wholeGrid = async (variables: Record<string, unknown>) => {
    const rows: Row[] = [];
    let after: string | null = null;
    let last: Summary | undefined;
    for (let page = 0; page < 20; page++) {
      last = await summary({ ...variables, first: 50, after });
      rows.push(...last.edges);
      if (!last.pageInfo.hasNextPage) break;
      after = last.pageInfo.endCursor;
    }
    return { rows, totalCount: last?.totalCount ?? 0 };
  };

  describe('providerScorecard', () => {
    const SCORECARD = `query($code: String!, $asOf: Date) { providerScorecard(code: $code, asOf: $asOf) {
      asOf provider { code name type }
      indicators { indicator { code unit } latestPeriod { startDate label } latestValue latestNumerator latestDenominator
        standard { code name threshold polarity unit validFrom } rag improvementDirection target
        series { ${POINT_FIELDS} } variationType assuranceType shortGroupWarning } } }`;
    type Scorecard = {
      asOf: string | null;
      provider: { code: string; name: string };
      indicators: {
        indicator: { code: string };
        latestPeriod: { startDate: string; label: string };
        latestValue: number;
        latestNumerator: number;
        latestDenominator: number;
        standard: { code: string; threshold: number; polarity: string } | null;
        rag: string | null;
        improvementDirection: string;
        target: number | null;
        series: Point[];
        variationType: string;
        assuranceType: string | null;
        shortGroupWarning: boolean;
      }[];
    };
    const scorecard = async (code: string, asOf?: string) => {
      return dataOf(await query<{ providerScorecard: Scorecard }>(SCORECARD, { code, asOf })).providerScorecard;
    };
    const storedSeries = async (code: string, indicator: string, asOf = '9999-12-31') =>
      (await db.dataSource.query(
        `SELECT p.start_date AS period, v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
         FROM indicator_value v JOIN period p ON p.id = v.period_id WHERE v.organisation_code = $1 AND v.indicator_code = $2 AND p.start_date <= $3 ORDER BY p.start_date`,
        [code, indicator, asOf],
      )) as { period: string; numerator: number; denominator: number; value: number }[];

    it('shows RR8 with 36 monthly AE_4HR_ALL points from April 2016 to March 2019, verdicts as the domain computes them', async () => {
      const card = await scorecard('RR8');
      expect(card.provider).toMatchObject({ code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' });
      expect(card.asOf).toBe('2019-03-01');
      expect(card.indicators.map((i) => i.indicator.code)).toEqual(['AE_4HR_ALL', 'AE_4HR_TYPE1']);
      const all = card.indicators[0];
      expect(all.series).toHaveLength(36);
      expect(all.series.map((p) => p.period)).toEqual(Array.from({ length: 36 }, (_, i) => `${2016 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`));

      const stored = await storedSeries('RR8', 'AE_4HR_ALL');
      const latest = stored[stored.length - 1];
      const standard = findStandard('AE_4HR_ALL', '2019-03-01');
      if (!standard) throw new Error('AE_4HR_ALL has no standard');
      const domain = analyseSpc({ points: stored.map((row) => ({ period: row.period, value: row.value })), target: standard.threshold, improvementDirection: 'INCREASE' });
      expect(all).toMatchObject({
        latestPeriod: { startDate: '2019-03-01', label: 'March 2019' },
        latestValue: latest.value,
        latestNumerator: latest.numerator,
        latestDenominator: latest.denominator,
        standard: { code: 'AE_4HR_ALL', threshold: 95, polarity: 'HIGHER_IS_BETTER' },
        rag: evaluateRagFromCounts(latest.numerator, latest.denominator, standard),
        improvementDirection: 'INCREASE',
        target: 95,
        variationType: domain.variationType,
        assuranceType: domain.assuranceType,
        shortGroupWarning: false,
      });
      expect(all.series).toEqual(asApi(domain).points);
      expect(all.latestValue).toBeCloseTo((latest.numerator * 100) / latest.denominator, 8);
      expect(all.rag).toBe('RED'); // 89.4% in March 2019 against 95%
    });

    it('cuts every series at asOf: twelve points to March 2017, with a short group warning', async () => {
      const card = await scorecard('RR8', '2017-03-01');
      expect(card.asOf).toBe('2017-03-01');
      for (const indicator of card.indicators) {
        expect(indicator.series).toHaveLength(12);
        expect(indicator.latestPeriod.startDate).toBe('2017-03-01');
        expect(indicator.shortGroupWarning).toBe(true);
        const stored = await storedSeries('RR8', indicator.indicator.code, '2017-03-01');
        expect(indicator.series).toEqual(asApi(analyseSpc({ points: stored.map((r) => ({ period: r.period, value: r.value })), target: 95, improvementDirection: 'INCREASE' })).points);
      }
    });

    it('shows a provider whose series stopped with its own latest period (RW3 merged in 2017)', async () => {
      const card = await scorecard('RW3');
      expect(card.indicators[0].latestPeriod.startDate).toBe('2017-09-01');
      expect(card.asOf).toBe('2017-09-01');
    });

    it('has no indicators before the data starts, and NOT_FOUND for an unknown code', async () => {
      expect(await scorecard('RR8', '2015-01-01')).toMatchObject({ asOf: '2015-01-01', indicators: [] });
      const response = await query(SCORECARD, { code: 'ZZZ99' });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
      const badDate = await query(SCORECARD, { code: 'RR8', asOf: '2019-02-30' });
      expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('scorecardSummary', () => {
    let trustCount: number;
    beforeAll(async () => {
      [{ n: trustCount }] = await db.dataSource.query(
        `SELECT count(DISTINCT v.organisation_code)::int AS n FROM indicator_value v JOIN organisation o ON o.code = v.organisation_code WHERE o.type = 'NHS_TRUST'`,
      );
    });

    it('shows every NHS trust with values by every indicator, as at the latest month, sorted by name', async () => {
      const grid = await summary({ first: 200 });
      expect(grid.asOf).toBe('2019-03-01');
      expect(grid.indicators.map((i) => i.code)).toEqual(['AE_4HR_ALL', 'AE_4HR_TYPE1']);
      expect(trustCount).toBe(170);
      expect(grid.totalCount).toBe(trustCount);
      expect(grid.edges).toHaveLength(trustCount);
      const names = grid.edges.map((e) => e.node.provider.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
      expect(grid.edges.every((e) => e.node.cells.map((c) => c.indicator.code).join() === 'AE_4HR_ALL,AE_4HR_TYPE1')).toBe(true);
    });

    it("shows in each cell what the provider's scorecard shows", async () => {
      const grid = await summary({ first: 200, filter: { search: 'RR8' } });
      const card = dataOf(
        await query<{ providerScorecard: { indicators: { latestPeriod: { startDate: string }; latestValue: number; rag: string; variationType: string; assuranceType: string }[] } }>(
          `{ providerScorecard(code: "RR8", asOf: "2019-03-01") { indicators { latestPeriod { startDate } latestValue rag variationType assuranceType } } }`,
        ),
      ).providerScorecard;
      expect(grid.edges.map((e) => e.node.provider.code)).toEqual(['RR8']);
      expect(grid.edges[0].node.cells).toEqual(
        card.indicators.map((i, k) => ({
          indicator: { code: ['AE_4HR_ALL', 'AE_4HR_TYPE1'][k] },
          period: i.latestPeriod.startDate,
          value: i.latestValue,
          threshold: 95,
          rag: i.rag,
          variationType: i.variationType,
          assuranceType: i.assuranceType,
        })),
      );
    });

    it('pages through every provider with cursors, each exactly once, in order', async () => {
      const { rows, totalCount } = await wholeGrid({ orderBy: { field: 'CODE' } });
      const codes = rows.map((r) => r.node.provider.code);
      expect(codes).toHaveLength(totalCount);
      expect(new Set(codes).size).toBe(totalCount);
      expect(codes).toEqual([...codes].sort());
      const descending = await summary({ first: 3, orderBy: { field: 'CODE', direction: 'DESC' } });
      expect(descending.edges.map((e) => e.node.provider.code)).toEqual([...codes].reverse().slice(0, 3));
    });

    it('sorts by an indicator value, highest first, providers without a value last', async () => {
      const { rows } = await wholeGrid({ asOf: '2017-10-01', orderBy: { field: 'VALUE', indicator: 'AE_4HR_TYPE1', direction: 'DESC' } });
      const values = rows.map((r) => r.node.cells[1].value);
      const present = values.filter((v): v is number => v !== null);
      expect(present.length).toBeGreaterThan(100);
      expect(values.slice(0, present.length)).toEqual(present);
      expect(present).toEqual([...present].sort((a, b) => b - a));
      expect(values.slice(present.length).every((v) => v === null)).toBe(true); // trusts without type 1 departments
    });

    it('filters by region, directly or through an area team', async () => {
      const { rows } = await wholeGrid({ filter: { region: 'Y54' } });
      const codes = rows.map((r) => r.node.provider.code);
      const inRegion: { code: string }[] = await db.dataSource.query(
        `SELECT DISTINCT r.organisation_code AS code FROM organisation_relationship r JOIN organisation o ON o.code = r.organisation_code
         WHERE o.type = 'NHS_TRUST' AND ((r.kind = 'IN_REGION' AND r.related_code = 'Y54') OR (r.kind = 'IN_AREA_TEAM' AND r.related_code IN (SELECT organisation_code FROM organisation_relationship WHERE kind = 'IN_REGION' AND related_code = 'Y54')))`,
      );
      const allowed = new Set(inRegion.map((r) => r.code));
      expect(codes).toContain('RR8');
      expect(codes).not.toContain('RJ1'); // Guy's and St Thomas', London
      expect(codes.every((code) => allowed.has(code))).toBe(true);
    });

    it("filters by CCG through the CCG's region as at asOf (no provider-to-CCG relationship exists in the data)", async () => {
      const byCcg = (await wholeGrid({ filter: { ccg: '02V' }, asOf: '2017-03-01' })).rows.map((r) => r.node.provider.code);
      const byRegion = (await wholeGrid({ filter: { region: 'Y54' }, asOf: '2017-03-01' })).rows.map((r) => r.node.provider.code);
      expect(byCcg).toEqual(byRegion);
      // 02V closed on 2018-03-31: its latest region still applies.
      expect((await wholeGrid({ filter: { ccg: '02V' } })).rows.map((r) => r.node.provider.code)).toContain('RR8');
      const london = (await wholeGrid({ filter: { ccg: '07L' } })).rows.map((r) => r.node.provider.code);
      expect(london).toContain('RJ1');
      expect(london).not.toContain('RR8');
    });

    it('gives the providers the grid relates to a CCG, in its order, as at asOf or the latest period with data (providersOfCcg)', async () => {
      const scorecards = createServices(db.dataSource).scorecards;
      const byCcg = (await wholeGrid({ filter: { ccg: '02V' }, asOf: '2017-03-01' })).rows.map((r) => r.node.provider.code);
      expect(await scorecards.providersOfCcg('02V', '2017-03-01')).toEqual({ asOf: '2017-03-01', providerCodes: byCcg, basis: 'REGION' });
      const latest = await summary({ filter: { ccg: '07L' }, first: 1 });
      const london = (await wholeGrid({ filter: { ccg: '07L' } })).rows.map((r) => r.node.provider.code);
      expect(await scorecards.providersOfCcg('07L', null)).toEqual({ asOf: latest.asOf, providerCodes: london, basis: 'REGION' });
      expect(await scorecards.providersOfCcg('07L', '2015-01-01')).toEqual({ asOf: '2015-01-01', providerCodes: [], basis: 'REGION' });
      // Issue 15: once the CCG holds contracts for the year, its providers are its contracted ones, in the grid as here.
      const [{ id }] = await db.dataSource.query(`INSERT INTO contract (provider_code, financial_year, lead_commissioner_code, contract_value, title) VALUES ('RHQ', '2016/17', '02V', 1, 'test') RETURNING id`);
      try {
        expect(await scorecards.providersOfCcg('02V', '2017-03-01')).toEqual({ asOf: '2017-03-01', providerCodes: ['RHQ'], basis: 'CONTRACTS' });
        expect((await wholeGrid({ filter: { ccg: '02V' }, asOf: '2017-03-01' })).rows.map((r) => r.node.provider.code)).toEqual(['RHQ']);
        expect(await scorecards.providersOfCcg('02V', '2017-04-01')).toMatchObject({ basis: 'REGION', providerCodes: byCcg });
      } finally {
        await db.dataSource.query(`DELETE FROM contract WHERE id = $1`, [id]);
      }
      await expect(scorecards.providersOfCcg('ZZZ', null)).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
      await expect(scorecards.providersOfCcg('RR8', null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CCG' });
    });

    it('filters FAILING, IMPROVING and DETERIORATING providers by their latest RAG and variation verdicts', async () => {
      const everyone = (await wholeGrid({})).rows;
      const expectStatus = async (status: string, holds: (cell: Cell) => boolean, indicator?: string) => {
        const { rows } = await wholeGrid({ filter: { status, indicator } });
        const considered = (row: Row) => row.node.cells.filter((c) => !indicator || c.indicator.code === indicator);
        const expected = everyone.filter((row) => considered(row).some(holds)).map((row) => row.node.provider.code);
        expect(rows.map((r) => r.node.provider.code)).toEqual(expected);
        return expected;
      };
      const failing = await expectStatus('FAILING', (c) => c.rag === 'RED');
      expect(failing.length).toBeGreaterThan(100);
      const improving = await expectStatus('IMPROVING', (c) => c.variationType === 'SPECIAL_CAUSE_IMPROVEMENT');
      const deteriorating = await expectStatus('DETERIORATING', (c) => c.variationType === 'SPECIAL_CAUSE_CONCERN');
      expect(improving.length + deteriorating.length).toBeGreaterThan(0);
      await expectStatus('FAILING', (c) => c.rag === 'RED', 'AE_4HR_TYPE1');
      // As at a past month every series has later months: each is judged on its row as at then, as its cell shows.
      const past = (await wholeGrid({ asOf: '2017-10-01' })).rows;
      const holdsFor = { FAILING: (c: Cell) => c.rag === 'RED', DETERIORATING: (c: Cell) => c.variationType === 'SPECIAL_CAUSE_CONCERN' };
      for (const [status, holds] of Object.entries(holdsFor)) {
        const expected = past.filter((row) => row.node.cells.some(holds)).map((row) => row.node.provider.code);
        expect((await wholeGrid({ filter: { status }, asOf: '2017-10-01' })).rows.map((r) => r.node.provider.code)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
      }
    });

    it('refuses bad page sizes, cursors and orders with BAD_USER_INPUT, and unknown codes with NOT_FOUND', async () => {
      const reasonOf = async (variables: Record<string, unknown>) => (await query(SUMMARY, variables)).errors?.[0].extensions;
      expect(await reasonOf({ first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_INVALID' });
      expect(await reasonOf({ first: 201 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_INVALID' });
      expect(await reasonOf({ after: 'bm9ib2R5' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' });
      expect(await reasonOf({ orderBy: { field: 'VALUE' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ORDER_INDICATOR_REQUIRED' });
      expect(await reasonOf({ orderBy: { field: 'VALUE', indicator: 'NOPE' } })).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
      expect(await reasonOf({ filter: { ccg: 'ZZZ' } })).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
      expect(await reasonOf({ filter: { ccg: 'RR8' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CCG' });
      expect(await reasonOf({ filter: { search: 'x'.repeat(101) } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
    });

    it('gives the same rows, cursors and pages whether or not totalCount is asked for (it is counted only when asked)', async () => {
      const WITHOUT_TOTAL = `query($filter: ScorecardFilter, $asOf: Date, $first: Int, $after: String, $orderBy: ScorecardOrder) {
        scorecardSummary(filter: $filter, asOf: $asOf, first: $first, after: $after, orderBy: $orderBy) {
          pageInfo { hasNextPage endCursor } edges { cursor node { provider { code } cells { indicator { code } value rag } } } } }`;
      type Page = Pick<Summary, 'pageInfo' | 'edges'>;
      const cases: Record<string, unknown>[] = [
        {},
        { orderBy: { field: 'NAME', direction: 'DESC' } },
        { orderBy: { field: 'CODE', direction: 'DESC' } },
        { orderBy: { field: 'VALUE', indicator: 'AE_4HR_ALL' } },
        { filter: { status: 'FAILING' } },
        { filter: { status: 'IMPROVING' }, orderBy: { field: 'CODE' } },
        { filter: { region: 'Y54' } },
        { asOf: '2017-10-01', filter: { status: 'DETERIORATING' } },
      ];
      for (const variables of cases) {
        let after: string | null = null;
        for (let page = 0; page < 3; page++) {
          const counted = await summary({ ...variables, first: 40, after });
          const uncounted = dataOf(await query<{ scorecardSummary: Page }>(WITHOUT_TOTAL, { ...variables, first: 40, after })).scorecardSummary;
          const shape = (p: Page) => ({ pageInfo: p.pageInfo, edges: p.edges.map((e) => ({ cursor: e.cursor, code: e.node.provider.code, cells: e.node.cells.map((c) => [c.indicator.code, c.value, c.rag]) })) });
          expect(shape(uncounted)).toEqual(shape(counted));
          expect(counted.totalCount).toBeGreaterThanOrEqual(counted.edges.length);
          if (!counted.pageInfo.hasNextPage) break;
          after = counted.pageInfo.endCursor;
        }
      }
    });

    it('is empty before the data starts', async () => {
      expect(await summary({ asOf: '2015-01-01' })).toMatchObject({ asOf: '2015-01-01', totalCount: 0, indicators: [], edges: [] });
    });
  });

  describe('providerComparison', () => {
    const COMPARISON = `query($indicator: String!, $period: Date!, $adjustment: FunnelAdjustment) { providerComparison(indicator: $indicator, period: $period, adjustment: $adjustment) {
      indicator { code } period { startDate label } standard { threshold } target totalNumerator totalDenominator adjustment adjusted overdispersionFactor tau2
      providers { provider { code name } value numerator denominator rank position favourable zScore limits { denominator lower95 upper95 lower998 upper998 } }
      funnel { denominator lower95 upper95 lower998 upper998 } } }`;
    type Comparison = {
      target: number;
      totalNumerator: number;
      totalDenominator: number;
      adjustment: string;
      adjusted: boolean;
      overdispersionFactor: number;
      tau2: number;
      period: { startDate: string; label: string };
      providers: {
        provider: { code: string };
        value: number;
        numerator: number;
        denominator: number;
        rank: number;
        position: string;
        favourable: boolean | null;
        zScore: number;
        limits: Record<string, number>;
      }[];
      funnel: { denominator: number }[];
    };
    const compare = async (variables: Record<string, unknown>) => dataOf(await query<{ providerComparison: Comparison }>(COMPARISON, variables)).providerComparison;
    const march2019 = { indicator: 'AE_4HR_ALL', period: '2019-03-01' };
    const outside998 = (comparison: Comparison) => comparison.providers.filter((p) => p.position.endsWith('998')).length;

    it('ranks every trust and places it in the funnel exactly as the domain functions do, adjusted for over-dispersion by default', async () => {
      const comparison = await compare(march2019);
      const stored: { code: string; numerator: number; denominator: number; value: number }[] = await db.dataSource.query(
        `SELECT v.organisation_code AS code, v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
         FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN organisation o ON o.code = v.organisation_code
         WHERE v.indicator_code = 'AE_4HR_ALL' AND p.start_date = '2019-03-01' AND o.type = 'NHS_TRUST'
         ORDER BY v.organisation_code`,
      );
      // In the comparison's order (by code): phi and tau-squared are sums, so another order differs in the last bit.
      expect(comparison.period).toEqual({ startDate: '2019-03-01', label: 'March 2019' });
      expect(comparison.providers).toHaveLength(stored.length);
      const totalNumerator = stored.reduce((s, r) => s + r.numerator, 0);
      const totalDenominator = stored.reduce((s, r) => s + r.denominator, 0);
      expect(comparison.totalNumerator).toBe(totalNumerator);
      expect(comparison.totalDenominator).toBe(totalDenominator);
      expect(comparison.target).toBeCloseTo((100 * totalNumerator) / totalDenominator, 10);

      const ranked = rankValues(stored.map((r) => ({ key: r.code, value: r.value })), 'HIGHER_IS_BETTER');
      expect(comparison.providers.map((p) => [p.provider.code, p.rank])).toEqual(ranked.map((r) => [r.key, r.rank]));
      const funnel = analyseFunnelPlot({ units: stored.map((r) => ({ key: r.code, numerator: r.numerator, denominator: r.denominator })), polarity: 'HIGHER_IS_BETTER' });
      expect(comparison).toMatchObject({ adjustment: 'ADDITIVE_RANDOM_EFFECTS', adjusted: true, overdispersionFactor: funnel.overdispersion.phi, tau2: funnel.overdispersion.tau2 });
      const byKey = new Map(funnel.points.map((p) => [p.key, p]));
      for (const provider of comparison.providers) {
        const point = byKey.get(provider.provider.code);
        if (!point) throw new Error(`${provider.provider.code} is not in the domain's funnel`);
        expect(provider).toMatchObject({ numerator: point.numerator, denominator: point.denominator, position: point.position, favourable: point.favourable, limits: point.limits, zScore: point.zScore });
        expect(provider.limits).toEqual(calculateFunnelLimits(totalNumerator / totalDenominator, provider.denominator, 'PERCENTAGE', funnel.overdispersion.tau2));
      }
      expect(comparison.funnel).toEqual(funnel.curve);
      expect(comparison.funnel).toHaveLength(50);
      expect(comparison.funnel[0].denominator).toBe(Math.min(...stored.map((r) => r.denominator)));

      // Best first; equal values share a rank; a value beyond the upper limits is favourable when higher is better.
      const ranks = comparison.providers.map((p) => p.rank);
      expect(ranks[0]).toBe(1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(comparison.providers.filter((p) => p.value === comparison.providers[0].value).every((p) => p.rank === 1)).toBe(true);
      expect(comparison.providers.filter((p) => p.position.startsWith('ABOVE')).every((p) => p.favourable === true)).toBe(true);
      expect(comparison.providers.filter((p) => p.position.startsWith('BELOW')).every((p) => p.favourable === false)).toBe(true);
      expect(comparison.providers.filter((p) => p.position === 'WITHIN').every((p) => p.favourable === null)).toBe(true);
    });

    it('on the real March 2019 data: phi 602.19 and tau-squared 0.01204 (FunnelPlotR 0.6.0), 143 of 158 trusts beyond the unadjusted 99.8% limits and 8 beyond the adjusted', async () => {
      const adjusted = await compare({ ...march2019, adjustment: 'ADDITIVE_RANDOM_EFFECTS' });
      const none = await compare({ ...march2019, adjustment: 'NONE' });
      expect(adjusted.providers).toHaveLength(158);
      // FunnelPlotR's own functions in R gave phi 602.18990158484701 and tau2 0.012038722055864065
      // (libs/domain/src/comparison/funnelplotr-reference/march-2019.csv).
      expect(adjusted.overdispersionFactor).toBeCloseTo(602.189901584847, 9);
      expect(adjusted.tau2).toBeCloseTo(0.012038722055864065, 14);
      expect([adjusted.adjustment, adjusted.adjusted, none.adjustment, none.adjusted]).toEqual(['ADDITIVE_RANDOM_EFFECTS', true, 'NONE', false]);
      expect([none.overdispersionFactor, none.tau2]).toEqual([adjusted.overdispersionFactor, adjusted.tau2]);
      expect([outside998(none), outside998(adjusted)]).toEqual([143, 8]);
      // The views differ only by tau-squared: the same target, values, ranks and z-scores; wider limits when adjusted.
      expect(none.target).toBe(adjusted.target);
      expect(none.providers.map((p) => [p.provider.code, p.rank, p.zScore])).toEqual(adjusted.providers.map((p) => [p.provider.code, p.rank, p.zScore]));
      const rr8 = (c: Comparison) => c.providers.find((p) => p.provider.code === 'RR8');
      expect(rr8(none)?.limits).toEqual(calculateFunnelLimits(none.totalNumerator / none.totalDenominator, rr8(none)?.denominator ?? 0));
      expect(rr8(adjusted)?.limits.lower998).toBeLessThan(rr8(none)?.limits.lower998 ?? 0);
      expect(none.funnel.every((limit, i) => limit.denominator === adjusted.funnel[i].denominator)).toBe(true);
    });

    it('refuses an adjustment it does not know (BAD_USER_INPUT)', async () => {
      const errors = (await query(COMPARISON, { ...march2019, adjustment: 'MULTIPLICATIVE' })).errors;
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('answers NOT_FOUND for an unknown indicator or a month without values, BAD_USER_INPUT for an indicator that is not a proportion', async () => {
      const errorOf = async (indicator: string, period: string) => (await query(COMPARISON, { indicator, period })).errors?.[0].extensions;
      expect(await errorOf('NOPE', '2019-03-01')).toMatchObject({ code: 'NOT_FOUND', reason: 'INDICATOR_NOT_FOUND' });
      expect(await errorOf('AE_4HR_ALL', '2010-01-01')).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_VALUES_FOR_PERIOD' });
      await db.dataSource.query(
        `INSERT INTO indicator (code, name, description, unit, polarity, period_type, source) VALUES ('TEST_COUNT', 'A count', 'Test only', 'COUNT', 'LOWER_IS_BETTER', 'MONTH', 'test') ON CONFLICT DO NOTHING`,
      );
      expect(await errorOf('TEST_COUNT', '2019-03-01')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FUNNEL_NOT_A_PROPORTION' });
      expect(await errorOf('AE_4HR_ALL', 'March 2019')).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  // Last: it adds synthetic providers to this suite's database.
  describe('SQL statements (DataLoader)', () => {
    const GRID = `query($first: Int, $filter: ScorecardFilter) { scorecardSummary(first: $first, filter: $filter) {
      totalCount indicators { code name } edges { node { provider { code name type } cells { indicator { code } period value rag variationType assuranceType } } } } }`;

    async function statementsFor(variables: Record<string, unknown>): Promise<{ statements: number; rows: number }> {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const data = dataOf(await query<{ scorecardSummary: { edges: unknown[] } }>(GRID, variables));
        return { statements: spy.mock.calls.length, rows: data.scorecardSummary.edges.length };
      } finally {
        spy.mockRestore();
      }
    }

    it("reads the page's verdicts in one statement only when rows are asked for", async () => {
      const rows = await statementsFor({ first: 200 });
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        // The comparison page's question: the date and the columns, no rows.
        const data = dataOf(await query<{ scorecardSummary: { asOf: string; indicators: unknown[] } }>(`{ scorecardSummary(first: 1) { asOf indicators { code } } }`));
        expect(data.scorecardSummary).toMatchObject({ asOf: '2019-03-01', indicators: [{ code: 'AE_4HR_ALL' }, { code: 'AE_4HR_TYPE1' }] });
        expect(spy.mock.calls.length).toBe(rows.statements - 1);
      } finally {
        spy.mockRestore();
      }
    });

    it('costs the England grid the same few statements for 10 providers, 200, and after 300 more providers join', async () => {
      const small = await statementsFor({ first: 10 });
      const england = await statementsFor({ first: 200 });
      const failing = await statementsFor({ first: 200, filter: { status: 'FAILING' } });
      const improving = await statementsFor({ first: 200, filter: { status: 'IMPROVING' } });
      expect(small.rows).toBe(10);
      expect(england.rows).toBe(170);
      // asOf, the columns, the providers, then the page's stored verdicts in one batch (decision 0021).
      expect(england.statements).toBe(small.statements);
      expect(england.statements).toBeLessThanOrEqual(4);
      // FAILING and IMPROVING read every candidate's stored verdicts in that one batch, which the cells then reuse.
      expect(failing.statements).toBe(england.statements);
      expect(improving.statements).toBe(england.statements);

      // 300 synthetic trusts (codes Z...), 36 months each: the cost does not grow with them.
      const [{ id }] = await db.dataSource.query(
        `INSERT INTO import_batch (kind, file_name, file_sha256, outcome, finished_at) VALUES ('synthetic', 'test', repeat('0', 64), 'SUCCEEDED', now()) RETURNING id`,
      );
      await db.dataSource.query(`INSERT INTO organisation (code, name, type) SELECT 'Z' || lpad(i::text, 4, '0'), 'SYNTHETIC TRUST ' || i, 'NHS_TRUST' FROM generate_series(1, 300) i`);
      await db.dataSource.query(
        `INSERT INTO indicator_value (indicator_code, organisation_code, period_id, numerator, denominator, value, import_batch_id)
         SELECT 'AE_4HR_ALL', 'Z' || lpad(i::text, 4, '0'), p.id, 900 + (i * 7 + p.id * 13) % 100, 1000, (900 + (i * 7 + p.id * 13) % 100) / 10.0, $1
         FROM generate_series(1, 300) i CROSS JOIN period p WHERE p.type = 'MONTH' AND p.start_date BETWEEN '2016-04-01' AND '2019-03-01'`,
        [id],
      );
      // Written behind the import's back, so scored as start-up scores values out of step with their scores.
      expect((await createServices(db.dataSource).scores.refreshOutOfStep()).series).toBe(300);
      const grown = await statementsFor({ first: 200 });
      const grownFailing = await statementsFor({ first: 200, filter: { status: 'FAILING' } });
      const grownImproving = await statementsFor({ first: 200, filter: { status: 'IMPROVING' } });
      expect(grown.rows).toBe(200);
      expect(grown.statements).toBe(england.statements);
      expect(grownFailing.statements).toBe(failing.statements);
      expect(grownImproving.statements).toBe(improving.statements);
    });
  });
});
