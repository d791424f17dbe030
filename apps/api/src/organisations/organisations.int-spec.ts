import path from 'node:path';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Role } from '../auth/role';
import { loadBundledData } from '../imports/bundled-data';
import { createLogger } from '../server/logger';
import { insertOrganisation, insertUser, TEST_PASSWORD } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

const sharedDataDir = path.resolve(__dirname, '../../../../../shared/data');

type Page = { organisations: { totalCount: number; edges: { cursor: string; node: { code: string; name: string; type: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

describe('organisations over GraphQL on the real data', () => {
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

  it('lists NHS trusts matching a search, anonymously, as a Relay connection', async () => {
    const response = await query<Page>(`{ organisations(filter: {type: NHS_TRUST, search: "leeds"}, first: 10) { totalCount edges { cursor node { code name type } } pageInfo { hasNextPage endCursor } } }`);
    expect(response.errors).toBeUndefined();
    const codes = response.data?.organisations.edges.map((edge) => edge.node.code);
    expect(codes).toContain('RR8');
    expect(response.data?.organisations.edges.every((edge) => edge.node.type === 'NHS_TRUST' && /leeds/i.test(edge.node.name))).toBe(true);
  });

  it('pages through every CCG with cursors, each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const response: { data?: Page | null } = await query<Page>(`query($after: String) { organisations(filter: {type: CCG}, first: 100, after: $after) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`, { after });
      const connection = response.data?.organisations;
      if (!connection) throw new Error('no page');
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node.code));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(200);
  });

  it('filters by region through area teams, with period-correct membership', async () => {
    const response = await query<Page>(`{ organisations(filter: {region: "Y54", type: CCG}, first: 200) { totalCount edges { node { code } } } }`);
    const codes = response.data?.organisations.edges.map((edge) => edge.node.code) ?? [];
    expect(codes).toContain('02V'); // Leeds North, North of England in 2016/17
    expect(codes).not.toContain('07L'); // Barking and Dagenham is in London
  });

  it('shows an organisation with what it belongs to, by year, and its population', async () => {
    const response = await query<{ organisation: { name: string; type: string; closeDate: string; memberOf: { kind: string; organisation: { code: string }; validFrom: string; validTo: string }[]; populations: { financialYear: string; registeredPatients: number }[] } }>(
      `{ organisation(code: "02V") { name type closeDate memberOf { kind organisation { code name } validFrom validTo } populations { financialYear registeredPatients } } }`,
    );
    expect(response.errors).toBeUndefined();
    const ccg = response.data?.organisation;
    expect(ccg).toMatchObject({ name: 'NHS LEEDS NORTH CCG', type: 'CCG', closeDate: '2018-03-31' });
    expect(ccg?.memberOf).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'IN_REGION', organisation: expect.objectContaining({ code: 'Y54' }), validFrom: '2016-04-01', validTo: '2017-03-31' })]));
    expect(ccg?.populations.map((p) => p.financialYear)).toEqual(['2016/17']);
  });

  it('answers an unknown code with NOT_FOUND', async () => {
    const response = await query(`{ organisation(code: "ZZZ99") { name } }`);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
  });

  it('costs the same number of SQL statements for 10 organisations with relationships as for 200 (DataLoader)', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const statementsFor = async (first: number) => {
      spy.mockClear();
      const response = await query(`query($first: Int) { organisations(filter: {type: CCG}, first: $first) { edges { node { code memberOf { kind organisation { name } } members { kind } populations { registeredPatients } } } } }`, { first });
      expect(response.errors).toBeUndefined();
      return spy.mock.calls.length;
    };
    const small = await statementsFor(10);
    const large = await statementsFor(200);
    spy.mockRestore();
    expect(small).toBeGreaterThanOrEqual(4); // page, relationships, related organisations, populations
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(8);
  });

  it('answers a page of 100 organisations in one statement, and counts them all only when totalCount is selected', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const statementsFor = async (selection: string, variables: Record<string, unknown> = {}) => {
      spy.mockClear();
      const declared = selection.includes('$withCount') ? ', $withCount: Boolean!' : '';
      const response = await query<Page>(`query($after: String${declared}) { organisations(first: 100, after: $after) { ${selection} } }`, variables);
      expect(response.errors).toBeUndefined();
      return { statements: spy.mock.calls.length, data: response.data?.organisations };
    };
    try {
      const plain = await statementsFor('edges { cursor node { code name type } } pageInfo { hasNextPage endCursor }');
      expect(plain.data?.edges).toHaveLength(100);
      expect(plain.statements).toBe(1);
      const next = await statementsFor('edges { node { code } } pageInfo { hasNextPage }', { after: plain.data?.pageInfo.endCursor });
      expect(next.statements).toBe(1);
      const counted = await statementsFor('totalCount edges { node { code } }');
      expect(counted.statements).toBe(2);
      expect(counted.data?.totalCount).toBeGreaterThan(100);
      expect(counted.data?.totalCount).toBe(Number((await db.dataSource.query(`SELECT count(*)::int AS n FROM organisation`))[0].n));
      expect((await statementsFor('totalCount @include(if: $withCount) edges { node { code } }', { withCount: false })).statements).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('importing through the API', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
    await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
    await insertUser(db.dataSource, 'analyst', [{ role: Role.ANALYST, organisationCode: '02V' }]);
    await insertUser(db.dataSource, 'finance', [{ role: Role.FINANCE_OFFICER, organisationCode: '02V' }]);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const IMPORT = `mutation($input: ImportDataInput!) { importData(input: $input) { outcome rowsRead rowsRejected inserted errors { line reason } actorUsername } }`;
  const file = 'period,org_code,type,attendances,breaches,admissions\n2016-04-01,RR8,1,100,10,20\n2016-04-01,RR8,other,50,0,0\n';

  it('lets an analyst import a file, then reports the same file as UNCHANGED', async () => {
    const client = server.client();
    await client.signIn('analyst', TEST_PASSWORD);
    const first = await client.graphql<{ importData: { outcome: string; inserted: number; actorUsername: string } }>(IMPORT, { input: { kind: 'AE', fileName: 'ae.csv', content: file } });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importData).toMatchObject({ outcome: 'SUCCEEDED', rowsRead: 2, inserted: 2, actorUsername: 'analyst' });
    const again = await client.graphql<{ importData: { outcome: string } }>(IMPORT, { input: { kind: 'AE', fileName: 'ae.csv', content: file } });
    expect(again.data?.importData.outcome).toBe('UNCHANGED');
    const history = await client.graphql<{ importBatches: { outcome: string }[] }>(`{ importBatches(first: 5) { outcome fileName } }`);
    expect(history.data?.importBatches.map((batch) => batch.outcome)).toEqual(['UNCHANGED', 'SUCCEEDED']);
  });

  it('returns every bad row with its line and saves nothing', async () => {
    const client = server.client();
    await client.signIn('analyst', TEST_PASSWORD);
    const response = await client.graphql<{ importData: { outcome: string; rowsRejected: number; errors: { line: number; reason: string }[] } }>(IMPORT, {
      input: { kind: 'AE', fileName: 'bad.csv', content: 'period,org_code,type,attendances,breaches,admissions\n2016-05-01,RR8,1,100,200,0\n2016-05-15,RR8,1,1,0,0\n' },
    });
    expect(response.data?.importData).toEqual({
      outcome: 'REJECTED',
      rowsRead: 2,
      rowsRejected: 2,
      inserted: 0,
      actorUsername: 'analyst',
      errors: [
        { line: 2, reason: 'breaches (200) exceed attendances (100)' },
        { line: 3, reason: 'period "2016-05-15" is not the first day of a month' },
      ],
    });
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ae_attendance WHERE period_start = '2016-05-01'`);
    expect(n).toBe(0);
  });

  it('refuses a finance officer (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const finance = server.client();
    await finance.signIn('finance', TEST_PASSWORD);
    expect((await finance.graphql(IMPORT, { input: { kind: 'AE', fileName: 'x.csv', content: file } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await server.client().graphql(IMPORT, { input: { kind: 'AE', fileName: 'x.csv', content: file } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
