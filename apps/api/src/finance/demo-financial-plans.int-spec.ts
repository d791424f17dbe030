import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Money, Percentage } from '@ccg-assure/domain';
import { Client } from 'pg';
import { loadBundledData } from '../imports/bundled-data';
import { readCsv } from '../imports/csv-reader';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo-accounts';
import { ALLOCATIONS_FILE, DEMO_PLAN_CCGS, DEMO_PLAN_YEARS, readDemoAllocations, seedDemoFinancialPlans } from '../seed/demo-financial-plans';
import { createLogger } from '../server/logger';
import { freePort } from '../testing/global-setup';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { PLAN_FIELDS, type Plan } from './financial-plans.fixtures';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const sharedDataDir = path.resolve(workspaceRoot, '../shared/data');

/** A data file's rows as records by column name. */
async function readRecords(file: string): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  let header: string[] | null = null;
  for await (const row of readCsv(createReadStream(path.join(sharedDataDir, file)))) {
    if (!header) header = row.cells;
    else records.push(Object.fromEntries(header.map((column, index) => [column, row.cells[index] ?? ''])));
  }
  return records;
}

describe('the demo CCGs are the real ones, checked against the data files', () => {
  it('names each code as the ODS list and the 2016/17 QOF hierarchy do, a CCG open since April 2013', async () => {
    const ods = await readRecords('ods_ccgs_eccg_2025.csv');
    const hierarchy = (await readRecords('ccg_hierarchy_qof_2016_2019.csv')).filter((row) => row.year === '2016/17');
    for (const ccg of DEMO_PLAN_CCGS) {
      expect({ code: ccg.code, openDate: ods.find((row) => row.org_code === ccg.code)?.open_date }).toEqual({ code: ccg.code, openDate: '2013-04-01' });
      expect({ code: ccg.code, name: hierarchy.find((row) => row.ccg_code === ccg.code)?.ccg_name }).toEqual({ code: ccg.code, name: ccg.name });
    }
    // Leeds is three CCGs, Sheffield one, and "Kent" the eight of the Kent and Medway STP (seed 004: "eight CCGs across Kent and Medway").
    const kentAndMedway = hierarchy.filter((row) => row.stp_name === 'KENT AND MEDWAY STP').map((row) => row.ccg_code).sort();
    expect(DEMO_PLAN_CCGS.map((ccg) => ccg.code).filter((code) => kentAndMedway.includes(code))).toEqual(kentAndMedway);
    expect(DEMO_PLAN_CCGS.filter((ccg) => ccg.name.includes('LEEDS')).map((ccg) => ccg.code)).toEqual(['02V', '03C', '03G']);
  });

  it('finds each CCG in the allocations file, by its name there, with an allocation of realistic size', async () => {
    const allocations = await readDemoAllocations(sharedDataDir);
    const file = await readRecords(ALLOCATIONS_FILE);
    for (const ccg of DEMO_PLAN_CCGS) {
      const row = file.find((record) => record.CCG === ccg.allocationName);
      expect({ ccg: ccg.code, thousands: row?.['Final allocation'] }).toEqual({ ccg: ccg.code, thousands: expect.stringMatching(/^\d{6}$/) });
      expect(allocations.get(ccg.allocationName)?.toString()).toBe(`${row?.['Final allocation']}000.00`);
    }
    expect(allocations.get('NHS Leeds North CCG')?.toString()).toBe('266519000.00');
    expect(allocations.get('NHS Sheffield CCG')?.toString()).toBe('776048000.00');
  });
});

describe('the illustrative financial plans', () => {
  let db: TestDatabase;
  let server: TestServer;
  let plans: Plan[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const logger = createLogger('silent');
    await seedDemoAccounts(db.dataSource, sharedDataDir, logger);
    await loadBundledData(db.dataSource, sharedDataDir, logger);
    expect(await seedDemoFinancialPlans(db.dataSource, sharedDataDir, logger)).toBe(36);
    server = await startTestServer(db.dataSource);
    const assessor = server.client();
    await assessor.signIn('demo-assessor', DEMO_PASSWORD);
    // Page by page, as a client must: one page of 100 plans with every field is over the query cost limit.
    plans = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      type Page = { financialPlans: { edges: { node: Plan }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const response: { data?: Page | null; errors?: unknown } = await assessor.graphql<Page>(
        `query($after: String) { financialPlans(first: 10, after: $after) { edges { node { ${PLAN_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      plans.push(...(response.data?.financialPlans.edges.map((edge) => edge.node) ?? []));
      if (!response.data?.financialPlans.pageInfo.hasNextPage) break;
      after = response.data.financialPlans.pageInfo.endCursor;
    }
    expect(plans).toHaveLength(36);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('makes a plan for each Leeds, Sheffield and Kent CCG in each rule year, once', async () => {
    expect(plans).toHaveLength(DEMO_PLAN_CCGS.length * DEMO_PLAN_YEARS.length);
    expect(new Set(plans.map((plan) => `${plan.ccg.code} ${plan.financialYear}`)).size).toBe(36);
    expect(await seedDemoFinancialPlans(db.dataSource, sharedDataDir, createLogger('silent'))).toBe(0);
    expect(plans.find((plan) => plan.ccg.code === '03N')?.ccg.name.toUpperCase()).toBe('NHS SHEFFIELD CCG');
  });

  it('labels every plan illustrative, saying the allocation is a later year\'s real one from the allocations file', () => {
    for (const plan of plans) {
      expect(plan.illustrative).toBe(true);
      expect(plan.illustrativeNote).toContain('Illustrative');
      expect(plan.illustrativeNote).toContain(ALLOCATIONS_FILE);
      expect(plan.illustrativeNote).toContain('later year');
    }
    const leedsNorth = plans.find((plan) => plan.ccg.code === '02V' && plan.financialYear === '2015/16');
    expect(leedsNorth?.latestVersion.allocation).toBe('266519000.00');
    expect(leedsNorth?.illustrativeNote).toContain('£266,519,000.00');
  });

  it('shows compliant and non-compliant plans in every year, and every status', () => {
    for (const year of DEMO_PLAN_YEARS) {
      const ofYear = plans.filter((plan) => plan.financialYear === year);
      expect({ year, compliant: ofYear.some((plan) => plan.compliant), notCompliant: ofYear.some((plan) => !plan.compliant) }).toEqual({ year, compliant: true, notCompliant: true });
    }
    expect(new Set(plans.map((plan) => plan.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']));
    const failed = new Set(plans.flatMap((plan) => plan.latestVersion.compliance.rules.filter((rule) => !rule.met).map((rule) => rule.rule)));
    expect(failed).toEqual(new Set(['SURPLUS', 'CONTINGENCY', 'NON_RECURRENT_FUND', 'BETTER_CARE_FUND', 'RUNNING_COSTS']));
  });

  it('includes versions returned with a reason, flexes applied, and in-year forecasts with and without a warning', () => {
    expect(plans.some((plan) => plan.versions.length === 2 && plan.versions[1].status === 'RETURNED' && plan.versions[1].returnReason)).toBe(true);
    const flexed = plans.filter((plan) => plan.flexes.length > 0);
    expect(flexed.length).toBeGreaterThan(0);
    expect(flexed.every((plan) => plan.compliant && plan.latestVersion.compliance.rules.some((rule) => rule.flexApplied))).toBe(true);
    expect(plans.some((plan) => plan.financialWarning !== null)).toBe(true);
    expect(plans.some((plan) => plan.forecasts.length > 0 && plan.financialWarning === null)).toBe(true);
    expect(plans.filter((plan) => plan.forecasts.length > 0).every((plan) => plan.status === 'APPROVED')).toBe(true);
  });

  it('stores for filtering exactly what the domain computes, and plans of realistic proportions', async () => {
    const stored: { ccg_code: string; financial_year: string; compliant: boolean; financial_warning: boolean }[] = await db.dataSource.query(
      `SELECT p.ccg_code, p.financial_year, v.compliant, p.financial_warning FROM financial_plan p JOIN financial_plan_version v ON v.plan_id = p.id AND v.number = p.current_version`,
    );
    for (const row of stored) {
      const plan = plans.find((candidate) => candidate.ccg.code === row.ccg_code && candidate.financialYear === row.financial_year);
      expect({ key: `${row.ccg_code} ${row.financial_year}`, compliant: row.compliant, warning: row.financial_warning }).toEqual({
        key: `${row.ccg_code} ${row.financial_year}`,
        compliant: plan?.compliant,
        warning: plan?.financialWarning !== null,
      });
    }
    for (const plan of plans) {
      // CCG allocations of £100m to £1bn, each planning a surplus of 0.5% to 1% of it.
      const allocation = Money.parse(plan.latestVersion.allocation);
      const surplus = Money.parse(plan.latestVersion.compliance.plannedSurplus);
      expect(allocation.isGreaterThan(Money.fromPounds(100_000_000)) && allocation.isLessThan(Money.fromPounds(1_000_000_000))).toBe(true);
      expect(surplus.isGreaterThanOrEqual(allocation.multiplyByPercentage(Percentage.parse('0.5'), 'HALF_AWAY_FROM_ZERO'))).toBe(true);
      expect(surplus.isLessThanOrEqual(allocation.multiplyByPercentage(Percentage.parse('1'), 'HALF_AWAY_FROM_ZERO'))).toBe(true);
    }
  });

  it("lets the demo finance officer see Leeds North's three plans, and no other CCG's", async () => {
    const officer = server.client();
    await officer.signIn('demo-finance-officer', DEMO_PASSWORD);
    const response = await officer.graphql<{ financialPlans: { edges: { node: { ccg: { code: string }; financialYear: string; latestVersion: { createdBy: { username: string } | null } } }[] } }>(
      `{ financialPlans { edges { node { ccg { code } financialYear latestVersion { createdBy { username } } } } } }`,
    );
    expect(response.data?.financialPlans.edges.map((edge) => [edge.node.ccg.code, edge.node.financialYear, edge.node.latestVersion.createdBy?.username])).toEqual([
      ['02V', '2013/14', 'demo-finance-officer'],
      ['02V', '2014/15', 'demo-finance-officer'],
      ['02V', '2015/16', 'demo-finance-officer'],
    ]);
  });
});

describe('the API at start: illustrative plans only on the embedded database', () => {
  /** Starts the API as `npm start` would (main.ts, through tsx), waits until it listens, and stops it. */
  async function startApi(env: Record<string, string>): Promise<{ logs: string; stop(): Promise<void> }> {
    const child: ChildProcess = spawn(path.join(workspaceRoot, 'node_modules/.bin/tsx'), ['--tsconfig', 'apps/api/tsconfig.app.json', 'apps/api/src/main.ts'], {
      cwd: workspaceRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SHARED_DATA_DIR: sharedDataDir, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        logs += chunk.toString();
        if (logs.includes('"listening"')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then((code) => reject(new Error(`the API exited (${code}) before listening:\n${logs}`)));
    });
    return {
      logs,
      async stop() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  }

  it('makes none on a database named by DATABASE_URL', async () => {
    const db = await createTestDatabase();
    await db.dataSource.destroy();
    try {
      const api = await startApi({ DATABASE_URL: db.url, PORT: String(await freePort()) });
      await api.stop();
      const check = await createTestDatabaseClient(db.url);
      try {
        const { rows } = await check.query(
          `SELECT (SELECT count(*)::int FROM financial_plan) AS plans, (SELECT count(*)::int FROM app_user) AS users,
                  (SELECT count(*)::int FROM organisation WHERE code = '02V') AS organisations`,
        );
        const [{ plans, users, organisations }] = rows;
        // The bundled data loaded (so the CCGs were there to plan for), yet no demo account and no illustrative plan.
        expect({ plans, users, organisations }).toEqual({ plans: 0, users: 0, organisations: 1 });
      } finally {
        await check.end();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);

  it('makes them on the embedded database, readable by the demo assessor', async () => {
    const dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-demo-'));
    const port = await freePort();
    try {
      const api = await startApi({ CCG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(port) });
      try {
        const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `mutation { signIn(input: {username: "demo-assessor", password: "${DEMO_PASSWORD}"}) { username } }` }),
        });
        const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: `{ financialPlans(filter: {search: "leeds"}) { totalCount edges { node { illustrative } } } }` }),
        });
        const body = (await response.json()) as { data?: { financialPlans: { totalCount: number; edges: { node: { illustrative: boolean } }[] } } };
        expect(body.data?.financialPlans.totalCount).toBe(9);
        expect(body.data?.financialPlans.edges.every((edge) => edge.node.illustrative)).toBe(true);
      } finally {
        await api.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

async function createTestDatabaseClient(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
