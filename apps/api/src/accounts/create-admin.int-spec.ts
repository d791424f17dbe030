import { execFile } from 'node:child_process';
import path from 'node:path';
import { UserEntity } from '../auth/user.entity';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { createAdmin, CreateAdminRefusal } from './create-admin';

const PASSWORD = 'first admin passphrase here';
const ME = `{ me { username mustChangePassword administersEveryone roles { role organisation { code name type } } } }`;

const never = async (): Promise<string> => {
  throw new Error('the password was read although none was needed');
};

describe('createAdmin (npm run create-admin) on a brand-new database', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const auditRows = async () => db.dataSource.query(`SELECT action, actor_user_id AS "actorId", actor_username AS actor, before, after FROM audit_event ORDER BY id`);

  it.each([
    ['too short', 'short pass', 'PASSWORD_TOO_SHORT'],
    ['containing the username', 'i am first-admin really', 'PASSWORD_CONTAINS_USERNAME'],
    ['common', 'passwordpassword', 'PASSWORD_TOO_COMMON'],
  ])('refuses a password %s, creating nothing', async (_name, password, reason) => {
    const refused = createAdmin(db.dataSource, { username: 'first-admin', readPassword: async () => password });
    await expect(refused).rejects.toBeInstanceOf(CreateAdminRefusal);
    await expect(refused).rejects.toMatchObject({ reason });
    expect(await db.dataSource.query(`SELECT id FROM app_user`)).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it('refuses a username that is not one without asking for a password', async () => {
    await expect(createAdmin(db.dataSource, { username: 'x', readPassword: never })).rejects.toMatchObject({ reason: 'USERNAME_INVALID' });
  });

  it('creates NHS England and an active administrator of it who administers everyone, audited without the password', async () => {
    const result = await createAdmin(db.dataSource, { username: 'First-Admin', displayName: 'First Administrator', email: 'admin@nhs.net', readPassword: async () => PASSWORD });
    expect(result).toMatchObject({ outcome: 'CREATED', username: 'first-admin', status: 'ACTIVE' });
    expect(await db.dataSource.query(`SELECT code, name, type FROM organisation`)).toEqual([{ code: 'X24', name: 'NHS ENGLAND', type: 'NHS_ENGLAND' }]);
    const client = server.client();
    expect((await client.signIn('first-admin', PASSWORD)).errors).toBeUndefined();
    expect((await client.graphql(ME)).data).toEqual({
      me: { username: 'first-admin', mustChangePassword: false, administersEveryone: true, roles: [{ role: 'ADMIN', organisation: { code: 'X24', name: 'NHS ENGLAND', type: 'NHS_ENGLAND' } }] },
    });
    const [created] = (await auditRows()).filter((row: { action: string }) => row.action === 'CREATE_ADMIN');
    expect(created).toMatchObject({
      actor: 'create-admin',
      actorId: null,
      after: { username: 'first-admin', homeOrganisationCode: 'X24', status: 'ACTIVE', roles: ['ADMIN@X24'], email: 'admin@nhs.net' },
    });
    expect(JSON.stringify(await auditRows())).not.toMatch(/first admin passphrase|argon2/);
  });

  it('run again, changes nothing, asks for no password and writes no audit row', async () => {
    const before = (await auditRows()).length;
    const result = await createAdmin(db.dataSource, { username: 'first-admin', readPassword: never });
    expect(result).toMatchObject({ outcome: 'UNCHANGED', changes: [], status: 'ACTIVE' });
    expect((await auditRows()).length).toBe(before);
  });

  it('run again for a deactivated account that lost ADMIN, reactivates it and gives ADMIN back, keeping the password', async () => {
    const [user] = await db.dataSource.query(`SELECT id FROM app_user WHERE username = 'first-admin'`);
    await db.dataSource.getRepository(UserEntity).update({ id: user.id }, { disabledAt: new Date() });
    await db.dataSource.query(`DELETE FROM role_assignment WHERE user_id = $1`, [user.id]);
    const result = await createAdmin(db.dataSource, { username: 'first-admin', readPassword: never });
    expect(result).toMatchObject({ outcome: 'UPDATED', changes: ['reactivated the account', 'gave ADMIN for X24'], status: 'ACTIVE' });
    expect((await server.client().signIn('first-admin', PASSWORD)).errors).toBeUndefined();
    const last = (await auditRows()).filter((row: { action: string }) => row.action === 'CREATE_ADMIN').at(-1);
    expect(last).toMatchObject({ action: 'CREATE_ADMIN', actor: 'create-admin', before: { status: 'DEACTIVATED', adminOfNhsEngland: false }, after: { status: 'ACTIVE', adminOfNhsEngland: true, passwordSet: false } });
  });

  it('with --reset-password, sets the new password and ends the sessions opened with the old one', async () => {
    const signedIn = server.client();
    expect((await signedIn.signIn('first-admin', PASSWORD)).errors).toBeUndefined();
    const result = await createAdmin(db.dataSource, { username: 'first-admin', resetPassword: true, readPassword: async () => 'a brand new passphrase' });
    expect(result).toMatchObject({ outcome: 'UPDATED', changes: ['set the password'] });
    expect((await signedIn.graphql(ME)).data).toEqual({ me: null });
    expect((await server.client().signIn('first-admin', PASSWORD)).errors?.[0].extensions).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    expect((await server.client().signIn('first-admin', 'a brand new passphrase')).errors).toBeUndefined();
    const last = (await auditRows()).filter((row: { action: string }) => row.action === 'CREATE_ADMIN').at(-1);
    expect(last).toMatchObject({ after: { passwordSet: true } });
    expect(last.after.sessionsEnded).toBeGreaterThanOrEqual(1);
  });

  describe('the command line', () => {
    const root = path.resolve(__dirname, '../../../..');
    const run = (args: string[], stdin: string) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          path.join(root, 'node_modules/.bin/tsx'),
          ['--tsconfig', 'apps/api/tsconfig.app.json', 'apps/api/src/accounts/create-admin-cli.ts', ...args],
          { cwd: root, env: { ...process.env, DATABASE_URL: db.url, MIGRATION_DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent' } },
          (error, stdout, stderr) => resolve({ status: error ? Number((error as { code?: number }).code) : 0, stdout, stderr }),
        );
        child.stdin?.end(stdin);
      });

    it('reads the password from standard input, exits 0, and exits 1 with a clear message when refused', async () => {
      const created = await run(['second-admin', '--display-name', 'Second Admin'], 'second admin passphrase\nignored second line\n');
      expect(created).toMatchObject({ status: 0, stdout: expect.stringContaining('Created second-admin on the database named by DATABASE_URL') });
      expect((await server.client().signIn('second-admin', 'second admin passphrase')).errors).toBeUndefined();
      const again = await run(['second-admin'], '');
      expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining('already an active administrator of NHS England') });
      const refused = await run(['third-admin'], 'short\n');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('create-admin refused: The password must have at least 12 characters');
    }, 60_000);

    it('never takes the password from the command line', async () => {
      const refused = await run(['third-admin', '--password', 'third admin passphrase'], '');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('never taken from the command line');
      expect(await db.dataSource.query(`SELECT id FROM app_user WHERE username = 'third-admin'`)).toEqual([]);
    }, 60_000);
  });
});
