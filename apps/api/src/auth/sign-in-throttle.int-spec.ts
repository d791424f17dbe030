import { Role } from './role';
import { AuthService } from './auth.service';
import { ARGON2_CONCURRENCY } from './password';
import { DEFAULT_SIGN_IN_THROTTLE } from './sign-in-throttle';
import { AppError } from '../server/app-error';
import { insertOrganisation, insertUser, TEST_PASSWORD } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

// Issue 13, point 1: fifty wrong passwords on one account and thirty across accounts from one client were
// neither throttled nor locked, and failed sign-ins were not audited (decision 0015).

const { account, client } = DEFAULT_SIGN_IN_THROTTLE;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
  for (const username of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']) {
    await insertUser(db.dataSource, username, [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '02V' }]);
  }
});
afterAll(() => db.drop());

const clearThrottle = () => db.dataSource.query(`DELETE FROM sign_in_throttle`);
const auditRows = async (action: string, username: string) =>
  (await db.dataSource.query(`SELECT actor_user_id, actor_username, entity_type, entity_id, after FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY id`, [action, username])) as {
    actor_user_id: string | null;
    actor_username: string | null;
    entity_type: string;
    entity_id: string;
    after: Record<string, unknown>;
  }[];
const sessionsOf = async (username: string) =>
  Number((await db.dataSource.query(`SELECT count(*) AS n FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = $1`, [username]))[0].n);

describe('sign-in throttling over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db.dataSource);
  });
  afterAll(() => server.close());
  beforeEach(clearThrottle);

  const reasonsOf = (responses: { errors?: { extensions?: { reason?: string } }[] }[]) => responses.map((response) => response.errors?.[0].extensions?.reason);

  it(`locks an account after ${account.maxFailures} wrong passwords in a row: of 50, the rest are TOO_MANY_ATTEMPTS with the time to wait`, async () => {
    const http = server.client();
    const responses = [];
    for (let attempt = 0; attempt < 50; attempt++) responses.push(await http.signIn('alice', `wrong-${attempt}`));
    expect(reasonsOf(responses)).toEqual([...Array(account.maxFailures).fill('INVALID_CREDENTIALS'), ...Array(50 - account.maxFailures).fill('TOO_MANY_ATTEMPTS')]);
    const locked = responses[49].errors?.[0].extensions;
    expect(locked).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' });
    const retryAfterSeconds = (locked?.details as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfterSeconds).toBeGreaterThan(account.lockoutSeconds - 60);
    expect(retryAfterSeconds).toBeLessThanOrEqual(account.lockoutSeconds);

    const right = await http.signIn('ALICE', TEST_PASSWORD);
    expect(right.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' });
    expect(http.lastSetCookie).toBeNull();
    expect(await sessionsOf('alice')).toBe(0);
  });

  it(`lets at most ${account.maxFailures + ARGON2_CONCURRENCY - 1} of 50 parallel wrong passwords on one account reach the password check`, async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, attempt) => server.client().signIn('bob', `wrong-${attempt}`)));
    const reasons = reasonsOf(responses);
    expect(reasons.every((reason) => reason === 'INVALID_CREDENTIALS' || reason === 'TOO_MANY_ATTEMPTS')).toBe(true);
    const checked = reasons.filter((reason) => reason === 'INVALID_CREDENTIALS').length;
    expect(checked).toBeGreaterThanOrEqual(account.maxFailures);
    expect(checked).toBeLessThanOrEqual(account.maxFailures + ARGON2_CONCURRENCY - 1);
    expect(await auditRows('SIGN_IN_FAILED', 'bob')).toHaveLength(checked);
    expect(await auditRows('SIGN_IN_LOCKED', 'bob')).toHaveLength(50 - checked);
  });

  it(`locks a client after ${client.maxFailures} failures across accounts, known or not: of 30, the last 10 are TOO_MANY_ATTEMPTS`, async () => {
    const http = server.client();
    const responses = [];
    for (let attempt = 0; attempt < 30; attempt++) responses.push(await http.signIn(`guess-${attempt}`, 'wrong'));
    expect(reasonsOf(responses)).toEqual([...Array(client.maxFailures).fill('INVALID_CREDENTIALS'), ...Array(30 - client.maxFailures).fill('TOO_MANY_ATTEMPTS')]);
    // The locked client is refused even for an account with no failures, with the right password.
    const right = await http.signIn('carol', TEST_PASSWORD);
    expect(right.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' });
  });

  it('answers an unknown username exactly as a wrong password, and locks it alike (no account enumeration)', async () => {
    const known = [];
    const unknown = [];
    for (let attempt = 0; attempt <= account.maxFailures; attempt++) {
      known.push((await server.client().signIn('dave', 'wrong')).errors?.[0]);
      unknown.push((await server.client().signIn('nobody-at-all', 'wrong')).errors?.[0]);
    }
    expect(unknown).toEqual(known);
  });

  it('audits every failed and every locked sign-in with no actor, the username tried, the client and the reason', async () => {
    const http = server.client();
    for (let attempt = 0; attempt <= account.maxFailures; attempt++) await http.signIn('  Erin ', 'wrong');
    const failed = await auditRows('SIGN_IN_FAILED', 'erin');
    expect(failed).toHaveLength(account.maxFailures);
    expect(failed[0]).toMatchObject({ actor_user_id: null, actor_username: null, entity_type: 'sign_in', entity_id: 'erin' });
    expect(failed[0].after).toMatchObject({ username: 'erin', reason: 'INVALID_CREDENTIALS', accountFailures: 1, clientFailures: 1, lockedUntil: null });
    expect(failed[0].after.client).toMatch(/127\.0\.0\.1$/);
    expect(failed[account.maxFailures - 1].after).toMatchObject({ accountFailures: account.maxFailures, lockedUntil: expect.any(String) });
    const locked = await auditRows('SIGN_IN_LOCKED', 'erin');
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ actor_user_id: null, actor_username: null, entity_id: 'erin' });
    expect(locked[0].after).toMatchObject({ username: 'erin', reason: 'TOO_MANY_ATTEMPTS', lockedUntil: failed[account.maxFailures - 1].after.lockedUntil });
  });
});

describe('sign-in lockouts on a clock the test moves', () => {
  let now = new Date('2026-12-07T09:00:00Z');
  let auth: AuthService;
  beforeAll(() => {
    auth = new AuthService(db.dataSource, 1, { now: () => now });
  });
  beforeEach(async () => {
    await clearThrottle();
    now = new Date('2026-12-07T09:00:00Z');
  });

  const advanceSeconds = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const signIn = (username: string, password: string, clientAddress: string | null = '192.0.2.1') =>
    auth.signIn(username, password, { requestId: 'test', clientAddress });
  const refusal = (attempt: Promise<unknown>) =>
    attempt.then(
      () => 'SIGNED_IN',
      (error: unknown) => (error instanceof AppError ? { reason: error.reason, ...error.details } : error),
    );

  it('refuses during the lockout with the seconds left, even the right password, and lets the user in once it ends', async () => {
    for (let attempt = 0; attempt < account.maxFailures; attempt++) {
      advanceSeconds(10);
      expect(await refusal(signIn('frank', 'wrong'))).toEqual({ reason: 'INVALID_CREDENTIALS' });
    }
    // Locked at the 5th failure, for 15 minutes from then.
    advanceSeconds(60);
    expect(await refusal(signIn('frank', TEST_PASSWORD))).toEqual({ reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: account.lockoutSeconds - 60 });
    advanceSeconds(account.lockoutSeconds - 61);
    expect(await refusal(signIn('frank', TEST_PASSWORD))).toEqual({ reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 });
    advanceSeconds(1);
    expect(await refusal(signIn('frank', TEST_PASSWORD))).toBe('SIGNED_IN');
  });

  it("clears the account's count on a successful sign-in", async () => {
    for (let attempt = 0; attempt < account.maxFailures - 1; attempt++) await refusal(signIn('alice', 'wrong'));
    expect(await refusal(signIn('alice', TEST_PASSWORD))).toBe('SIGNED_IN');
    for (let attempt = 0; attempt < account.maxFailures - 1; attempt++) {
      expect(await refusal(signIn('alice', 'wrong'))).toEqual({ reason: 'INVALID_CREDENTIALS' });
    }
    expect(await refusal(signIn('alice', TEST_PASSWORD))).toBe('SIGNED_IN');
  });

  it('forgets failures older than the window', async () => {
    for (let attempt = 0; attempt < account.maxFailures - 1; attempt++) await refusal(signIn('bob', 'wrong'));
    advanceSeconds(account.windowSeconds);
    expect(await refusal(signIn('bob', 'wrong'))).toEqual({ reason: 'INVALID_CREDENTIALS' });
    expect(await refusal(signIn('bob', 'wrong'))).toEqual({ reason: 'INVALID_CREDENTIALS' });
  });

  it('locks a client, not the accounts it tried: another client signs in to them', async () => {
    for (let attempt = 0; attempt < client.maxFailures; attempt++) await refusal(signIn(`guess-${attempt}`, 'wrong', '198.51.100.7'));
    expect(await refusal(signIn('carol', TEST_PASSWORD, '198.51.100.7'))).toEqual({ reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: client.lockoutSeconds });
    expect(await refusal(signIn('carol', TEST_PASSWORD, '203.0.113.9'))).toBe('SIGNED_IN');
    advanceSeconds(client.lockoutSeconds);
    expect(await refusal(signIn('carol', TEST_PASSWORD, '198.51.100.7'))).toBe('SIGNED_IN');
  });
});
