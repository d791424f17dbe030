import path from 'node:path';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Role } from '../auth/role';
import { loadBundledData } from '../imports/bundled-data';
import { dataOf } from '../scorecards/scorecards.fixtures';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo-accounts';
import { seedDemoContracts } from '../seed/demo-contracts';
import { seedDemoEscalation } from '../seed/demo-escalation';
import { createLogger } from '../server/logger';
import { insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server';

// The attention view over GraphQL on the real A&E data with the demo's illustrative contracts and escalation items
// (issue 18 point 5, decision 0032): stored verdicts as stored, funnel positions as providerComparison gives them,
// filters combined (AND across kinds, OR within), the severity order and paging, scopes by role, links only for those
// who may read them, typed refusals, and a fixed number of statements.

const sharedDataDir = path.resolve(__dirname, '../../../../../shared/data');

const ATTENTION = `query($filter: AttentionFilterInput, $asOf: Date, $sort: AttentionSort, $first: Int, $after: String) {
  attention(filter: $filter, asOf: $asOf, sort: $sort, first: $first, after: $after) {
    asOf totalCount scope { kind organisationCode basis isDefault } pageInfo { hasNextPage endCursor }
    edges { cursor node { provider { code name } indicator { code unit } period { startDate label } value target targetSource rag improvementDirection
      variationType assuranceType funnelPosition funnelFavourable trend severity { score level reasons } links { contractId escalationItemIds } } } } }`;
const COMPARISON = `query($indicator: String!, $period: Date!) { providerComparison(indicator: $indicator, period: $period) { providers { provider { code } position favourable } } }`;

interface Row {
  provider: { code: string; name: string };
  indicator: { code: string; unit: string };
  period: { startDate: string; label: string };
  value: number;
  target: number | null;
  rag: string | null;
  variationType: string;
  assuranceType: string | null;
  funnelPosition: string | null;
  funnelFavourable: boolean | null;
  trend: string | null;
  severity: { score: number; level: string; reasons: string[] };
  links: { contractId: string | null; escalationItemIds: string[] } | null;
}
interface Attention {
  asOf: string;
  totalCount: number;
  scope: { kind: string; organisationCode: string | null; basis: string | null; isDefault: boolean };
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Row }[];
}

describe('the attention view (issue 18 point 5)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let manager: TestClient; // demo-commissioning-manager: 02V
  let sheffield: TestClient; // demo-sheffield-director: a board member at 03N, not a contract reader

  beforeAll(async () => {
    db = await createTestDatabase();
    const logger = createLogger('silent');
    await seedDemoAccounts(db.dataSource, sharedDataDir, logger);
    await loadBundledData(db.dataSource, sharedDataDir, logger);
    await seedDemoContracts(db.dataSource, logger);
    await seedDemoEscalation(db.dataSource, logger);
    await insertUser(db.dataSource, 'attention-no-ccg', [{ role: Role.ASSESSOR, organisationCode: 'X24' }]);
    server = await startTestServer(db.dataSource);
    manager = server.client();
    expect((await manager.signIn('demo-commissioning-manager', DEMO_PASSWORD)).errors).toBeUndefined();
    sheffield = server.client();
    expect((await sheffield.signIn('demo-sheffield-director', DEMO_PASSWORD)).errors).toBeUndefined();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const attention = async (client: TestClient, variables: Record<string, unknown>) => dataOf(await client.graphql<{ attention: Attention }>(ATTENTION, variables)).attention;
  const refusal = async (client: TestClient, variables: Record<string, unknown>) => {
    const response = await client.graphql(ATTENTION, variables);
    expect(response.errors?.length).toBeGreaterThan(0);
    return response.errors?.[0].extensions as { code: string; reason?: string; details?: { fields?: string[] } };
  };
  /** Every page for these arguments, following the cursors. */
  const whole = async (client: TestClient, variables: Record<string, unknown>) => {
    const rows: Row[] = [];
    let after: string | null = null;
    let last: Attention | undefined;
    for (let page = 0; page < 50; page++) {
      last = await attention(client, { ...variables, first: 200, after });
      rows.push(...last.edges.map((edge) => edge.node));
      if (!last.pageInfo.hasNextPage) break;
      after = last.pageInfo.endCursor;
    }
    if (!last) throw new Error('no page');
    return { rows, last };
  };

  describe('for the public', () => {
    it('covers England by default, shows the stored verdicts as stored, and no links', async () => {
      const { rows, last } = await whole(server.client(), {});
      expect(last.scope).toEqual({ kind: 'ENGLAND', organisationCode: null, basis: null, isDefault: true });
      expect(last.asOf).toBe('2019-03-01');
      expect(rows.length).toBe(last.totalCount);
      expect(rows.every((row) => row.links === null)).toBe(true);
      const stored: { organisation_code: string; indicator_code: string; rag: string | null; variation_type: string; assurance_type: string | null; target: number | null; value: number }[] =
        await db.dataSource.query(`SELECT DISTINCT ON (organisation_code, indicator_code) organisation_code, indicator_code, rag, variation_type, assurance_type, target, value
           FROM series_score WHERE as_of <= '2019-03-01' ORDER BY organisation_code, indicator_code, as_of DESC`);
      const trusts = new Set(rows.map((row) => row.provider.code));
      const expected = stored.filter((s) => trusts.has(s.organisation_code));
      expect(rows).toHaveLength(expected.length);
      const byKey = new Map(rows.map((row) => [`${row.provider.code}|${row.indicator.code}`, row]));
      for (const s of expected) {
        expect(byKey.get(`${s.organisation_code}|${s.indicator_code}`)).toMatchObject({ rag: s.rag, variationType: s.variation_type, assuranceType: s.assurance_type, target: s.target, value: s.value });
      }
    });

    it('places each row in the funnel exactly as the adjusted comparison of its indicator and period does', async () => {
      const { rows } = await whole(server.client(), { filter: { indicators: ['AE_4HR_ALL'] } });
      const periods = [...new Set(rows.map((row) => row.period.startDate))];
      for (const period of periods) {
        const comparison = dataOf(await server.client().graphql<{ providerComparison: { providers: { provider: { code: string }; position: string; favourable: boolean | null }[] } }>(COMPARISON, { indicator: 'AE_4HR_ALL', period }));
        const positions = new Map(comparison.providerComparison.providers.map((p) => [p.provider.code, [p.position, p.favourable]]));
        for (const row of rows.filter((r) => r.period.startDate === period)) expect([row.funnelPosition, row.funnelFavourable]).toEqual(positions.get(row.provider.code));
      }
      // With over-dispersion allowed for, far fewer than the 143 of 158 unadjusted outliers of March 2019 stand out.
      const outliers = rows.filter((row) => row.period.startDate === '2019-03-01' && row.funnelPosition !== 'WITHIN');
      expect(outliers.length).toBeLessThan(60);
    });

    it('combines kinds with AND and values within a kind with OR', async () => {
      const all = (await whole(server.client(), {})).rows;
      const filter = { variation: ['SPECIAL_CAUSE_CONCERN'], rag: ['RED'], funnelPosition: ['BELOW_95', 'BELOW_998'] };
      const combined = (await whole(server.client(), { filter })).rows;
      const expected = all.filter((r) => r.variationType === 'SPECIAL_CAUSE_CONCERN' && r.rag === 'RED' && ['BELOW_95', 'BELOW_998'].includes(r.funnelPosition ?? ''));
      expect(combined.length).toBeGreaterThan(0);
      expect(combined.map((r) => `${r.provider.code}|${r.indicator.code}`).sort()).toEqual(expected.map((r) => `${r.provider.code}|${r.indicator.code}`).sort());
      const eitherRag = await attention(server.client(), { filter: { rag: ['RED', 'GREEN'] }, first: 1 });
      expect(eitherRag.totalCount).toBe(all.filter((r) => r.rag !== null).length);
      const worsening = (await whole(server.client(), { filter: { trend: ['WORSENING'], assurance: ['CONSISTENT_FAIL', 'HIT_AND_MISS'] } })).rows;
      expect(worsening.every((r) => r.trend === 'WORSENING' && ['CONSISTENT_FAIL', 'HIT_AND_MISS'].includes(r.assuranceType ?? ''))).toBe(true);
      expect(worsening.length).toBe(all.filter((r) => r.trend === 'WORSENING' && ['CONSISTENT_FAIL', 'HIT_AND_MISS'].includes(r.assuranceType ?? '')).length);
    });

    it('sorts most severe first and pages without losing or repeating a row', async () => {
      const { rows, last } = await whole(server.client(), { filter: { region: 'Y54' } });
      expect(last.scope).toMatchObject({ kind: 'REGION', organisationCode: 'Y54', isDefault: false });
      const scores = rows.map((row) => row.severity.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(rows[0].severity.level).not.toBe('NONE');
      const small: Row[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const page = await attention(server.client(), { filter: { region: 'Y54' }, first: 25, after });
        small.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(small.map((r) => `${r.provider.code}|${r.indicator.code}`)).toEqual(rows.map((r) => `${r.provider.code}|${r.indicator.code}`));
      const byName = (await whole(server.client(), { filter: { region: 'Y54' }, sort: 'PROVIDER' })).rows.map((r) => r.provider.name);
      expect(byName).toEqual([...byName].sort((a, b) => new Intl.Collator('en-GB').compare(a, b)));
    });

    it('asks the database the same few statements for one row and for every row of England', async () => {
      const count = async (variables: Record<string, unknown>) => {
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          const data = await attention(server.client(), variables);
          return { statements: spy.mock.calls.length, rows: data.edges.length };
        } finally {
          spy.mockRestore();
        }
      };
      const one = await count({ first: 1 });
      const many = await count({ first: 200 });
      expect(many.rows).toBe(200);
      // asOf, the providers, the stored scores, the peers of every funnel, then the page's organisations and indicators.
      expect(many.statements).toBe(one.statements);
      expect(many.statements).toBeLessThanOrEqual(6);
    });
  });

  describe('for a commissioning manager', () => {
    it("defaults to the manager's CCG: its region's providers where it holds no contract that year", async () => {
      const page = await attention(manager, { first: 5 });
      expect(page.scope).toEqual({ kind: 'CCG', organisationCode: '02V', basis: 'REGION', isDefault: true });
    });

    it("filters to RR8's A&E row and links the contract 02V holds for that year", async () => {
      const page = await attention(manager, { asOf: '2018-03-01', filter: { indicators: ['AE_4HR_ALL'] } });
      expect(page.scope).toEqual({ kind: 'CCG', organisationCode: '02V', basis: 'CONTRACTS', isDefault: true });
      expect(page.edges.map((edge) => edge.node.provider.code)).toEqual(['RR8']);
      const [{ id }] = await db.dataSource.query(`SELECT id FROM contract WHERE provider_code = 'RR8' AND financial_year = '2017/18' AND lead_commissioner_code = '02V'`);
      expect(page.edges[0].node).toMatchObject({ indicator: { code: 'AE_4HR_ALL' }, period: { startDate: '2018-03-01' }, links: { contractId: id, escalationItemIds: [] } });
      // The latest year: 02V holds no contract for 2018/19, so there is nothing to link.
      const latest = await attention(manager, { filter: { providers: ['RR8'], indicators: ['AE_4HR_ALL'] } });
      expect(latest.edges[0].node.links).toEqual({ contractId: null, escalationItemIds: [] });
    });
  });

  describe('links', () => {
    it("shows a CCG's open escalation items about the provider to its staff, and no contract to a role that may not read contracts", async () => {
      const items: { id: string; indicator_code: string | null }[] = await db.dataSource.query(
        `SELECT id, indicator_code FROM escalation_item WHERE ccg_code = '03N' AND provider_code = 'RHQ' AND status = 'OPEN' ORDER BY raised_at, id`,
      );
      expect(items.length).toBeGreaterThan(0);
      const page = await attention(sheffield, { filter: { providers: ['RHQ'], indicators: ['AE_4HR_ALL'] } });
      expect(page.scope).toEqual({ kind: 'PROVIDERS', organisationCode: null, basis: null, isDefault: false });
      expect(page.edges[0].node.links).toEqual({ contractId: null, escalationItemIds: items.filter((i) => i.indicator_code === null || i.indicator_code === 'AE_4HR_ALL').map((i) => i.id) });
      // The same row for the Leeds manager (no role at 03N) and the public: no items.
      expect((await attention(manager, { filter: { providers: ['RHQ'], indicators: ['AE_4HR_ALL'] } })).edges[0].node.links).toEqual({ contractId: null, escalationItemIds: [] });
      expect((await attention(server.client(), { filter: { providers: ['RHQ'], indicators: ['AE_4HR_ALL'] } })).edges[0].node.links).toBeNull();
    });

    it('gives no links to a signed-in viewer without a role at a CCG, whose default scope is England', async () => {
      const assessor = await server.signedInClient('attention-no-ccg');
      const page = await attention(assessor, { first: 3 });
      expect(page.scope).toEqual({ kind: 'ENGLAND', organisationCode: null, basis: null, isDefault: true });
      expect(page.edges.every((edge) => edge.node.links === null)).toBe(true);
    });
  });

  describe('refusals', () => {
    it.each([
      [{ filter: { indicators: ['NO_SUCH'] } }, 'NOT_FOUND', 'INDICATOR_NOT_FOUND', ['filter.indicators']],
      [{ filter: { providers: ['02V'] } }, 'NOT_FOUND', 'PROVIDER_NOT_FOUND', ['filter.providers']],
      [{ filter: { ccg: '02V', region: 'Y54' } }, 'BAD_USER_INPUT', 'SCOPE_AMBIGUOUS', ['filter.ccg', 'filter.region']],
      [{ filter: { region: 'RR8' } }, 'BAD_USER_INPUT', 'NOT_A_REGION', ['filter.region']],
      [{ filter: { region: 'ZZZ' } }, 'NOT_FOUND', 'ORGANISATION_NOT_FOUND', ['filter.region']],
      [{ after: 'bm90LWEta2V5' }, 'BAD_USER_INPUT', 'CURSOR_INVALID', ['after']],
    ])('refuses %j with %s (%s), naming the fields', async (variables, code, reason, fields) => {
      expect(await refusal(server.client(), variables)).toMatchObject({ code, reason, details: { fields } });
    });

    it('refuses a CCG that is not one, a page size out of range, too many providers and an unknown enum value', async () => {
      expect(await refusal(server.client(), { filter: { ccg: 'RR8' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CCG' });
      expect(await refusal(server.client(), { first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_INVALID' });
      expect(await refusal(server.client(), { filter: { providers: Array.from({ length: 201 }, (_, i) => `R${i}`) } })).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await refusal(server.client(), { filter: { rag: ['AMBER'] } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });
});
