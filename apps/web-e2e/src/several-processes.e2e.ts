import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from './support/server-process';

// Issue 19 point 2: the API keeps nothing of its own between requests (sessions, sign-in throttles and stored scores
// live in PostgreSQL; the response cache is keyed by a data version read from it), so several processes on one
// database answer alike: the workers `API_WORKERS` starts on one machine, or processes on several machines behind a
// load balancer.

/** A GraphQL call with an optional session cookie; returns the body, any cookie set and the response cache's verdict. */
async function graphql(baseUrl: string, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.get('set-cookie');
  return {
    body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string; reason?: string } }[] },
    cookie: setCookie?.split(';')[0],
    cache: response.headers.get('x-response-cache'),
  };
}

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { username } }';
const ME = '{ me { username } }';
const signIn = (baseUrl: string, username: string, password: string) => graphql(baseUrl, SIGN_IN, { input: { username, password } });

describe('several API processes on one database', () => {
  let dataDirA: string;
  let dataDirB: string;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    dataDirA = await mkdtemp(path.join('/tmp', 'ccg-assure-process-a-'));
    dataDirB = await mkdtemp(path.join('/tmp', 'ccg-assure-process-b-'));
    const pgPort = String(40000 + Math.floor(Math.random() * 20000));
    a = await startServerProcess(dataDirA, { EMBEDDED_PG_PORT: pgPort });
    // B is another deployment of the product on A's database: migrating as the owner (nothing left to do), serving as
    // the least-privilege login, with no embedded database of its own.
    const secret = (name: string) => encodeURIComponent(readFileSync(path.join(dataDirA, name), 'utf8').trim());
    b = await startServerProcess(dataDirB, {
      DATABASE_URL: `postgres://ccg_assure_api:${secret('app-password')}@localhost:${pgPort}/ccg_assure`,
      MIGRATION_DATABASE_URL: `postgres://postgres:${secret('postgres-password')}@localhost:${pgPort}/ccg_assure`,
    });
  }, 240_000);
  afterAll(async () => {
    if (b) await b.stop();
    if (a) await a.stop();
    await rm(dataDirA, { recursive: true, force: true });
    await rm(dataDirB, { recursive: true, force: true });
  });

  it('shares a session: signed in on one, known on the other; signed out on the other, gone on both', async () => {
    const { cookie } = await signIn(a.baseUrl, 'demo-analyst', 'demo-password');
    expect(cookie).toMatch(/^ccg_session=/);
    expect((await graphql(b.baseUrl, ME, {}, cookie)).body.data).toEqual({ me: { username: 'demo-analyst' } });
    expect((await graphql(b.baseUrl, 'mutation { signOut }', {}, cookie)).body.data).toEqual({ signOut: true });
    expect((await graphql(a.baseUrl, ME, {}, cookie)).body.data).toEqual({ me: null });
  });

  it('shares the sign-in throttle: failures on one lock the account on the other', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const target = attempt % 2 === 0 ? a : b;
      expect((await signIn(target.baseUrl, 'demo-finance-officer', 'not the password')).body.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    const locked = await signIn(b.baseUrl, 'demo-finance-officer', 'demo-password');
    expect(locked.cookie).toBeUndefined();
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY_ATTEMPTS' });
    expect((await signIn(a.baseUrl, 'demo-finance-officer', 'demo-password')).body.errors?.[0]?.extensions?.reason).toBe('TOO_MANY_ATTEMPTS');
  });

  it('shares changes at once: an account deactivated on one has its session ended on the other', async () => {
    const admin = (await signIn(a.baseUrl, 'demo-admin', 'demo-password')).cookie;
    const manager = (await signIn(b.baseUrl, 'demo-commissioning-manager', 'demo-password')).cookie;
    expect((await graphql(a.baseUrl, ME, {}, manager)).body.data).toEqual({ me: { username: 'demo-commissioning-manager' } });
    const accounts = await graphql(b.baseUrl, '{ userAccounts(filter: { search: "demo-commissioning-manager" }) { nodes { id username } } }', {}, admin);
    const account = (accounts.body.data?.userAccounts as { nodes: { id: string; username: string }[] }).nodes.find((node) => node.username === 'demo-commissioning-manager');
    expect(account).toBeDefined();
    const deactivated = await graphql(b.baseUrl, 'mutation($input: AccountChangeInput!) { deactivateUserAccount(input: $input) { id } }', { input: { userId: account?.id, reason: 'left the CCG' } }, admin);
    expect(deactivated.body.errors).toBeUndefined();
    expect((await graphql(a.baseUrl, ME, {}, manager)).body.data).toEqual({ me: null });
  });

  it('shares cache invalidation: an answer kept by one is answered afresh after a write through the other', async () => {
    const INDICATORS = '{ indicators { code } }';
    const codes = (answer: Awaited<ReturnType<typeof graphql>>) => (answer.body.data?.indicators as { code: string }[]).map((indicator) => indicator.code);
    const first = await graphql(b.baseUrl, INDICATORS);
    const again = await graphql(b.baseUrl, INDICATORS);
    expect([first.cache, again.cache]).toEqual(['MISS', 'HIT']);
    expect(codes(again)).not.toContain('E2E_CACHE_CHECK');
    const admin = (await signIn(a.baseUrl, 'demo-admin', 'demo-password')).cookie;
    const created = await graphql(
      a.baseUrl,
      'mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { code } }',
      { input: { code: 'E2E_CACHE_CHECK', name: 'Cache check', unit: 'COUNT', polarity: 'NEUTRAL', periodType: 'MONTH', source: 'browser test' } },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    const after = await graphql(b.baseUrl, INDICATORS);
    expect(after.cache).toBe('MISS');
    expect(codes(after)).toContain('E2E_CACHE_CHECK');
  });
});

describe('API_WORKERS', () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-workers-'));
    server = await startServerProcess(dataDir, { API_WORKERS: '2' });
    // The health check answers as soon as one worker listens; the banner comes once both do.
    const deadline = Date.now() + 60_000;
    while (!/CCG Assure is running at/.test(server.output()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  }, 240_000);
  afterAll(async () => {
    // Stopped in the test; stopped here too if the test failed first, so no process outlives the suite.
    if (server) await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves from two worker processes sharing the port, and stops them all cleanly', async () => {
    expect(server.output()).toMatch(/CCG Assure is running at http:\/\/localhost:\d+\/ with 2 workers/);
    const workerPids = [...server.output().matchAll(/"msg":"worker listening"[^\n]*"pid":(\d+)/g)].map((match) => Number(match[1]));
    expect(new Set(workerPids).size).toBe(2);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.child.pid)]).toString().trim().split(/\s+/).map(Number);
    for (const pid of workerPids) expect(children).toContain(pid);
    // Many connections, each answered: whichever worker takes it, a session made on one is known to the other.
    const { cookie } = await signIn(server.baseUrl, 'demo-analyst', 'demo-password');
    const answers = await Promise.all(Array.from({ length: 12 }, () => graphql(server.baseUrl, ME, {}, cookie)));
    for (const answer of answers) expect(answer.body.data).toEqual({ me: { username: 'demo-analyst' } });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toMatch(/"msg":"stopped cleanly"/);
    for (const pid of workerPids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
