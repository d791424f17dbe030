import path from 'node:path';
import { createLogger } from '../server/logger';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer } from '../testing/test-server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './demo-accounts';

const sharedDataDir = path.resolve(__dirname, '../../../../../shared/data');

describe('demo accounts (embedded database only)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the nine documented accounts once, audited, with the Leeds North CCG name from the ODS list', async () => {
    expect(await seedDemoAccounts(db.dataSource, sharedDataDir, createLogger('silent'))).toBe(9);
    expect(await seedDemoAccounts(db.dataSource, sharedDataDir, createLogger('silent'))).toBe(0);
    const users = await db.dataSource.query(
      `SELECT u.username, r.role, r.organisation_code, u.home_organisation_code FROM app_user u JOIN role_assignment r ON r.user_id = u.id ORDER BY u.username`,
    );
    // Each account's home is the organisation of its role, so that organisation's administrators administer it (docs/security.md, "Accounts").
    expect(users).toEqual(
      DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role, organisation_code: a.organisationCode, home_organisation_code: a.organisationCode })).sort((a, b) =>
        a.username.localeCompare(b.username),
      ),
    );
    const [ccg] = await db.dataSource.query(`SELECT name, type FROM organisation WHERE code = '02V'`);
    expect(ccg).toEqual({ name: 'NHS LEEDS NORTH CCG', type: 'CCG' });
    const audited = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'CREATE_DEMO_ACCOUNT'`);
    expect(audited[0].n).toBe(9);
    // The boards' demo directors (issue 16): a board member of Leeds North, and one of Sheffield, whose CCG is made too.
    expect(users.filter((u: { role: string }) => u.role === 'BOARD_MEMBER').map((u: { username: string; organisation_code: string }) => [u.username, u.organisation_code])).toEqual([
      ['demo-board-member', '02V'],
      ['demo-director', '02V'],
      ['demo-higher-board-member', 'Q72'],
      ['demo-sheffield-director', '03N'],
    ]);
    expect((await db.dataSource.query(`SELECT type FROM organisation WHERE code = '03N'`))[0]).toEqual({ type: 'CCG' });
    // The higher board of Leeds North's reports (issue 17): NHS England's Yorkshire and the Humber office, named as the hierarchy file names it.
    expect((await db.dataSource.query(`SELECT name, type FROM organisation WHERE code = 'Q72'`))[0]).toEqual({ name: 'NHS ENGLAND YORKSHIRE AND HUMBER', type: 'AREA_TEAM' });
  });

  it('adds an account missing from a database made before it was listed, and only that one', async () => {
    await db.ownerDataSource.query(`DELETE FROM role_assignment WHERE user_id = (SELECT id FROM app_user WHERE username = 'demo-director')`);
    await db.ownerDataSource.query(`DELETE FROM app_user WHERE username = 'demo-director'`);
    expect(await seedDemoAccounts(db.dataSource, sharedDataDir, createLogger('silent'))).toBe(1);
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM app_user`))[0].n).toBe(9);
  });

  it('lets demo-commissioning-manager sign in with the documented password', async () => {
    const server = await startTestServer(db.dataSource);
    try {
      const client = server.client();
      expect((await client.signIn('demo-commissioning-manager', DEMO_PASSWORD)).errors).toBeUndefined();
      const me = await client.graphql<{ me: { displayName: string } }>(`{ me { displayName } }`);
      expect(me.data?.me.displayName).toBe('Demo Commissioning Manager');
    } finally {
      await server.close();
    }
  });
});
