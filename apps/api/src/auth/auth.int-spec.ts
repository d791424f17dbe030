import { AuthService, LAST_SEEN_RESOLUTION_MS } from './auth.service';
import { Role } from './role';
import { insertOrganisation, insertUser, TEST_PASSWORD } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

const ME = `{ me { username displayName roles { role organisation { code name type } } } }`;

describe('sign-in, sessions and sign-out over HTTP on a real database', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
    await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
    await insertUser(db.dataSource, 'manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '02V' }]);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const auditCount = async (action: string) =>
    Number((await db.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE action = $1`, [action]))[0].n);

  it('answers me with null when nobody is signed in', async () => {
    const response = await server.client().graphql(ME);
    expect(response).toEqual({ data: { me: null } });
  });

  it('signs in with the right password, sets an httpOnly SameSite cookie, and me shows roles with organisations', async () => {
    const client = server.client();
    const before = await auditCount('SIGN_IN');
    const signIn = await client.signIn('Manager', TEST_PASSWORD);
    expect(signIn.errors).toBeUndefined();
    expect(client.lastSetCookie).toMatch(/^ccg_session=[A-Za-z0-9_-]{43};/);
    expect(client.lastSetCookie).toMatch(/HttpOnly/);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/);
    const me = await client.graphql(ME);
    expect(me.data).toEqual({
      me: {
        username: 'manager',
        displayName: 'Test manager',
        roles: [{ role: 'COMMISSIONING_MANAGER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG', type: 'CCG' } }],
      },
    });
    expect(await auditCount('SIGN_IN')).toBe(before + 1);
  });

  it.each([
    ['a wrong password', 'manager', 'not the password'],
    ['an unknown user', 'nobody', TEST_PASSWORD],
  ])('refuses %s with UNAUTHENTICATED / INVALID_CREDENTIALS and sets no cookie', async (_case, username, password) => {
    const client = server.client();
    const response = await client.signIn(username, password);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    expect(client.lastSetCookie).toBeNull();
  });

  it('refuses an empty username as BAD_USER_INPUT before looking anyone up', async () => {
    const response = await server.client().signIn('', 'x');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
  });

  it('refuses signOut without a session as UNAUTHENTICATED', async () => {
    const response = await server.client().graphql(`mutation { signOut }`);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signs out: the session is revoked in the database, the cookie cleared, and the sign-out audited', async () => {
    const client = server.client();
    await client.signIn('manager', TEST_PASSWORD);
    const before = await auditCount('SIGN_OUT');
    const response = await client.graphql(`mutation { signOut }`);
    expect(response).toEqual({ data: { signOut: true } });
    expect(client.lastSetCookie).toMatch(/^ccg_session=;/);
    expect((await client.graphql(ME)).data).toEqual({ me: null });
    expect(await auditCount('SIGN_OUT')).toBe(before + 1);
  });

  it('ignores a forged or revoked session token', async () => {
    const forged = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `ccg_session=${'a'.repeat(43)}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(await forged.json()).toEqual({ data: { me: null } });
  });

  it('does not let a disabled user sign in', async () => {
    await insertUser(db.dataSource, 'gone', []);
    await db.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE username = 'gone'`);
    const response = await server.client().signIn('gone', TEST_PASSWORD);
    expect(response.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('keeps the client and its User-Agent (cut to 300 characters) with the session, and the time of sign-in', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': `Agent/${'x'.repeat(400)}` },
      body: JSON.stringify({ query: `mutation($input: SignInInput!) { signIn(input: $input) { username } }`, variables: { input: { username: 'manager', password: TEST_PASSWORD } } }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const [session] = await db.dataSource.query(
      `SELECT s.user_agent AS "userAgent", s.client_address AS "clientAddress", s.last_seen_at IS NOT NULL AS seen, u.last_sign_in_at IS NOT NULL AS "signedIn"
         FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'manager' ORDER BY s.created_at DESC LIMIT 1`,
    );
    expect(session).toEqual({ userAgent: `Agent/${'x'.repeat(294)}`, clientAddress: expect.stringMatching(/127\.0\.0\.1/), seen: true, signedIn: true });
  });
});

describe('when a session was last used', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await insertUser(db.dataSource, 'clocked', []);
  });
  afterAll(() => db.drop());

  it('is written at most once a minute, as requests come', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const auth = new AuthService(db.dataSource, 12, { now: () => now });
    const { token, viewer } = await auth.signIn('clocked', TEST_PASSWORD, { requestId: 'test', clientAddress: '10.0.0.1', userAgent: 'test' });
    const lastSeen = async () => (await db.dataSource.query(`SELECT last_seen_at AS at FROM user_session WHERE id = $1`, [viewer.sessionId]))[0].at.toISOString();
    expect(await lastSeen()).toBe('2026-01-05T09:00:00.000Z');
    now = new Date(now.getTime() + LAST_SEEN_RESOLUTION_MS - 1_000);
    expect((await auth.viewerForToken(token))?.sessionId).toBe(viewer.sessionId);
    expect(await lastSeen()).toBe('2026-01-05T09:00:00.000Z');
    now = new Date('2026-01-05T09:01:00Z');
    await auth.viewerForToken(token);
    expect(await lastSeen()).toBe('2026-01-05T09:01:00.000Z');
  });
});
