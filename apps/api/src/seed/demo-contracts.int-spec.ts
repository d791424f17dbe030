import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { succeed } from '../assessments/assurance.fixtures';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { createLogger } from '../server/logger';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { DEMO_CONTRACTS, ILLUSTRATIVE_CONTRACT_NOTE, seedDemoContracts } from './demo-contracts';
import { DEMO_PLAN_CCGS } from './demo-financial-plans';

// The illustrative contracts (issue 15 point 8). main.ts makes them on the embedded database only; the fresh
// deployment browser test checks that a DATABASE_URL run makes none.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const TRUSTS = ['RR8', 'RHQ', 'RVV', 'RPA', 'RWF', 'RN7'];

describe('the illustrative demo contracts (embedded database only)', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const ccg of DEMO_PLAN_CCGS) await insertOrganisation(db.dataSource, ccg.code, ccg.name);
    for (const code of TRUSTS) await insertOrganisation(db.dataSource, code, `TRUST ${code}`, OrganisationType.NHS_TRUST);
    const [header, ...lines] = readFileSync(aeFile, 'utf8').trim().split('\n');
    const rows = lines.filter((line) => TRUSTS.includes(line.split(',')[1]));
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'ae.csv',
      stream: Readable.from([Buffer.from([header, ...rows].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'demo-contracts' },
    });
    expect(report.outcome).toBe('SUCCEEDED');
    await insertUser(db.dataSource, 'leeds-west-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '03C' }]);
    server = await startTestServer(db.dataSource);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('makes the Leeds, Sheffield and Kent and Medway contracts for the years of the data, every one labelled illustrative, and only once', async () => {
    const expected = DEMO_CONTRACTS.reduce((sum, demo) => sum + demo.years.length, 0);
    expect(await seedDemoContracts(db.dataSource, createLogger('silent'))).toBe(expected);
    expect(await seedDemoContracts(db.dataSource, createLogger('silent'))).toBe(0);
    const contracts = await db.dataSource.query(`SELECT provider_code, lead_commissioner_code, financial_year, illustrative, illustrative_note FROM contract ORDER BY 1, 3`);
    expect(contracts).toHaveLength(expected);
    expect(contracts.every((row: { illustrative: boolean; illustrative_note: string }) => row.illustrative && row.illustrative_note === ILLUSTRATIVE_CONTRACT_NOTE)).toBe(true);
    expect(contracts.filter((row: { provider_code: string }) => row.provider_code === 'RR8').map((row: { lead_commissioner_code: string; financial_year: string }) => [row.lead_commissioner_code, row.financial_year])).toEqual([
      ['02V', '2016/17'],
      ['02V', '2017/18'],
    ]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'CREATE_CONTRACT'`)).toEqual([{ n: expected }]);
  });

  it('proposes the breaches the stored scores show, and an associate Leeds CCG reads the RR8 contract', async () => {
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM contract_breach_proposal b JOIN contract c ON c.id = b.contract_id WHERE c.provider_code = 'RR8' AND b.status = 'OPEN'`);
    expect(n).toBeGreaterThan(0);
    const client = await server.signedInClient('leeds-west-manager');
    const contracts = await succeed<{ provider: { code: string }; illustrative: boolean; illustrativeNote: string; leadCommissioner: { code: string }; viewerMayAct: boolean; monitoredIndicators: { indicator: { code: string } }[] }[]>(
      client,
      `query { contracts(ccg: "03C", financialYear: "2017/18") { provider { code } illustrative illustrativeNote leadCommissioner { code } viewerMayAct monitoredIndicators { indicator { code } } } }`,
      {},
    );
    expect(contracts).toEqual([
      {
        provider: { code: 'RR8' },
        illustrative: true,
        illustrativeNote: ILLUSTRATIVE_CONTRACT_NOTE,
        leadCommissioner: { code: '02V' },
        viewerMayAct: false,
        monitoredIndicators: [{ indicator: { code: 'AE_4HR_ALL' } }, { indicator: { code: 'AE_4HR_TYPE1' } }],
      },
    ]);
  });
});
