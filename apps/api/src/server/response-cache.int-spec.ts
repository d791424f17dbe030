import { readFileSync } from 'node:fs';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import { createDataSource } from '../database/data-source';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser, TEST_PASSWORD } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { createLogger } from './logger';
import { RESPONSE_CACHE_HEADER } from './response-cache';

// The response cache keyed by data version (issue 19 points 2 and 6; decision 0036), on a real database with the real
// A&E rows of RR8 (Leeds Teaching Hospitals): answers served again until anything is written, by this server, by
// another server on the same database, or by anyone else; never shared between viewers; never for mutations or errors.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const [aeHeader, ...aeLines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const rr8Rows = (from: string, to: string) => aeLines.filter((line) => line.split(',')[1] === 'RR8' && line >= from && line < to);

const SCORECARD = `query($code: String!) { providerScorecard(code: $code) { provider { code }
  indicators { indicator { code } latestPeriod { startDate } latestValue target targetSource rag } } }`;
const SET_LOCAL = `mutation($input: SetLocalTargetInput!) { setLocalTarget(input: $input) { target } }`;
const ME = `{ me { username roles { role } } mySessions { current } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { username } }`;

interface Answer<T = Record<string, unknown>> {
  cache: string | null;
  body: { data?: T | null; errors?: { extensions?: { code?: string; reason?: string } }[] };
}
type Scorecard = { providerScorecard: { indicators: { indicator: { code: string }; latestPeriod: { startDate: string } | null; target: number | null; targetSource: string | null }[] } };

/** One request over HTTP, as a browser with the session cookie `cookie` (if any) sends it; with the cache header. */
async function ask<T>(server: TestServer, query: string, variables: Record<string, unknown> = {}, cookie: string | null = null): Promise<Answer<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: response.headers.get(RESPONSE_CACHE_HEADER), body: (await response.json()) as Answer<T>['body'] };
}

/** Signs in and returns the session cookie. */
async function signIn(server: TestServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { username, password: TEST_PASSWORD } } }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`${username} could not sign in`);
  return cookie;
}

/** One POST as raw bytes, asking for `acceptEncoding`: status, headers and the body as it travelled. */
function rawPost(server: TestServer, body: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

const aeOf = (answer: Answer<Scorecard>) => answer.body.data?.providerScorecard.indicators.find((row) => row.indicator.code === 'AE_4HR_ALL');

describe('the response cache keyed by data version', () => {
  let db: TestDatabase;
  let server: TestServer;
  let otherSource: DataSource;
  let otherServer: TestServer;
  let uncached: TestServer;
  let manager: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
    await insertOrganisation(db.dataSource, '03N', 'NHS SHEFFIELD CCG');
    await insertOrganisation(db.dataSource, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'rr8-2017-18.csv',
      stream: Readable.from([Buffer.from([aeHeader, ...rr8Rows('2017-04-01', '2018-04-01')].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'response-cache-test' },
    });
    expect(report.outcome).toBe('SUCCEEDED');
    await insertUser(db.dataSource, 'manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '02V' }]);
    await insertUser(db.dataSource, 'other-manager', [{ role: Role.COMMISSIONING_MANAGER, organisationCode: '03N' }]);
    server = await startTestServer(db.dataSource, createLogger('silent'), { responseCache: true });
    // A second server with its own pool, as a second process would have: its own cache, the same database.
    otherSource = createDataSource(db.url, { poolSize: 2, applicationName: 'ccg-assure-test-other' });
    await otherSource.initialize();
    otherServer = await startTestServer(otherSource, createLogger('silent'), { responseCache: true });
    uncached = await startTestServer(db.dataSource);
    manager = await signIn(server, 'manager');
  });

  afterAll(async () => {
    await server?.close();
    await otherServer?.close();
    await uncached?.close();
    if (otherSource?.isInitialized) await otherSource.destroy();
    await db?.drop();
  });

  it('serves a query answered once again, unchanged, while nothing is written', async () => {
    const first = await ask<Scorecard>(server, SCORECARD, { code: 'RR8' });
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('MISS');
    const second = await ask<Scorecard>(server, SCORECARD, { code: 'RR8' });
    expect(second.cache).toBe('HIT');
    expect(second.body).toEqual(first.body);
    // Other variables are another answer.
    expect((await ask(server, SCORECARD, { code: 'RR8 ' })).cache).not.toBe('HIT');
  });

  it('sends a kept answer as Apollo sent it: the same bytes and headers, compressed as the client accepts', async () => {
    // With every point of every series: an answer large enough to be compressed (over 1 kB).
    const query = `query($code: String!) { providerScorecard(code: $code) { indicators { indicator { code } series { period value mean upperProcessLimit } } } }`;
    const body = JSON.stringify({ query, variables: { code: 'RR8' } });
    const miss = await rawPost(server, body, 'identity');
    expect([miss.status, miss.headers[RESPONSE_CACHE_HEADER]]).toEqual([200, 'MISS']);
    const hit = await rawPost(server, body, 'identity');
    expect([hit.status, hit.headers[RESPONSE_CACHE_HEADER], hit.headers['content-encoding']]).toEqual([200, 'HIT', undefined]);
    expect(miss.bytes.length).toBeGreaterThan(1024);
    expect(hit.bytes.equals(miss.bytes)).toBe(true);
    const sameHeaders = (headers: http.IncomingHttpHeaders) => {
      const { date: _date, 'x-request-id': _id, [RESPONSE_CACHE_HEADER]: _cache, ...rest } = headers;
      return rest;
    };
    expect(sameHeaders(hit.headers)).toEqual(sameHeaders(miss.headers));
    const brotli = await rawPost(server, body, 'gzip, deflate, br');
    expect([brotli.headers[RESPONSE_CACHE_HEADER], brotli.headers['content-encoding'], brotli.headers.vary]).toEqual(['HIT', 'br', 'Accept-Encoding']);
    expect(brotliDecompressSync(brotli.bytes).equals(miss.bytes)).toBe(true);
    const gzip = await rawPost(server, body, 'gzip');
    expect([gzip.headers['content-encoding'], Number(gzip.headers['content-length'])]).toEqual(['gzip', gzip.bytes.length]);
    expect(gunzipSync(gzip.bytes).equals(miss.bytes)).toBe(true);
  });

  it('leaves a request it cannot read as an operation to Apollo, which refuses it as without the cache', async () => {
    for (const body of [JSON.stringify({ query: 5 }), JSON.stringify([{ query: '{ __typename }' }]), JSON.stringify({ query: '{ __typename }', operationName: 7 })]) {
      const [cached, plain] = [await rawPost(server, body, 'identity'), await rawPost(uncached, body, 'identity')];
      expect(cached.status).toBe(400);
      expect([cached.status, cached.bytes.toString()]).toEqual([plain.status, plain.bytes.toString()]);
      expect(cached.headers[RESPONSE_CACHE_HEADER]).toBeUndefined();
    }
  });

  it('answers afresh after an import, in every process', async () => {
    await ask(server, SCORECARD, { code: 'RR8' });
    await ask(otherServer, SCORECARD, { code: 'RR8' });
    const before = await ask<Scorecard>(otherServer, SCORECARD, { code: 'RR8' });
    expect(before.cache).toBe('HIT');
    expect(aeOf(before)?.latestPeriod?.startDate).toBe('2018-03-01');
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'rr8-2018-19.csv',
      stream: Readable.from([Buffer.from([aeHeader, ...rr8Rows('2018-04-01', '2019-04-01')].join('\n') + '\n')]),
      actor: { userId: null, username: 'test', requestId: 'response-cache-test' },
    });
    expect(report.outcome).toBe('SUCCEEDED');
    for (const process of [server, otherServer]) {
      const after = await ask<Scorecard>(process, SCORECARD, { code: 'RR8' });
      expect(after.cache).toBe('MISS');
      expect(aeOf(after)?.latestPeriod?.startDate).toBe('2019-03-01');
    }
  });

  it("answers afresh in another process after a target change made through this one's API", async () => {
    await ask(otherServer, SCORECARD, { code: 'RR8' });
    expect((await ask(otherServer, SCORECARD, { code: 'RR8' })).cache).toBe('HIT');
    const input = { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL', ccgCode: '02V', effectiveFrom: '2018-10-01', target: 86, reason: 'Agreed at the October contract review' };
    const set = await ask(server, SET_LOCAL, { input }, manager);
    expect(set.body.errors).toBeUndefined();
    const after = await ask<Scorecard>(otherServer, SCORECARD, { code: 'RR8' });
    expect(after.cache).toBe('MISS');
    expect([aeOf(after)?.target, aeOf(after)?.targetSource]).toEqual([86, 'LOCAL_TARGET']);
  });

  it('answers afresh after a write made outside the API altogether', async () => {
    const NAME = `{ organisation(code: "RR8") { name } }`;
    expect((await ask(server, NAME)).body.data).toEqual({ organisation: { name: 'LEEDS TEACHING HOSPITALS NHS TRUST' } });
    expect((await ask(server, NAME)).cache).toBe('HIT');
    await db.ownerDataSource.query(`UPDATE organisation SET name = 'THE LEEDS TEACHING HOSPITALS NHS TRUST' WHERE code = 'RR8'`);
    const after = await ask(server, NAME);
    expect(after.cache).toBe('MISS');
    expect(after.body.data).toEqual({ organisation: { name: 'THE LEEDS TEACHING HOSPITALS NHS TRUST' } });
  });

  it('never shares an answer between viewers: signed out, two accounts, or two sessions of one account', async () => {
    const otherManager = await signIn(server, 'other-manager');
    const secondSession = await signIn(server, 'manager');
    const mine = await ask<{ me: { username: string } | null; mySessions: { current: boolean }[] }>(server, ME, {}, manager);
    expect((await ask(server, ME, {}, manager)).cache).toBe('HIT');
    const theirs = await ask<{ me: { username: string } | null }>(server, ME, {}, otherManager);
    expect(theirs.cache).toBe('MISS');
    expect([mine.body.data?.me?.username, theirs.body.data?.me?.username]).toEqual(['manager', 'other-manager']);
    const signedOut = await ask(server, `{ me { username } }`);
    expect(signedOut.body).toEqual({ data: { me: null } });
    expect((await ask(server, `{ me { username } }`, {}, manager)).body).toEqual({ data: { me: { username: 'manager' } } });
    // The same account in another session: its own answer, where the current session is another one.
    const again = await ask<{ mySessions: { current: boolean }[] }>(server, ME, {}, secondSession);
    expect(again.cache).toBe('MISS');
    expect(again.body.data?.mySessions.filter((session) => session.current)).toHaveLength(1);
  });

  it('never looks up or keeps a mutation: each one runs', async () => {
    const sessions = async () => Number((await db.dataSource.query(`SELECT count(*)::int AS n FROM user_session`))[0].n);
    const before = await sessions();
    const first = await ask(server, SIGN_IN, { input: { username: 'manager', password: TEST_PASSWORD } });
    const second = await ask(server, SIGN_IN, { input: { username: 'manager', password: TEST_PASSWORD } });
    expect([first.cache, second.cache]).toEqual([null, null]);
    expect(second.body).toEqual(first.body);
    expect(await sessions()).toBe(before + 2);
  });

  it('never keeps an answer with an error', async () => {
    for (let i = 0; i < 2; i++) {
      const unknown = await ask(server, SCORECARD, { code: 'ZZZ99' });
      expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(unknown.cache).toBeNull();
    }
    const refused = await ask(server, `{ mySessions { current } }`);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await ask(server, `{ mySessions { current } }`)).cache).toBeNull();
  });

  describe('the data version', () => {
    const version = async () => BigInt((await db.dataSource.query(`SELECT sum(version)::text AS v FROM data_version`))[0].v);

    it('is raised by a trigger on every table of the schema (a new table without it fails here)', async () => {
      const missing: { name: string }[] = await db.ownerDataSource.query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('data_version', 'migrations')
           AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'bump_data_version')`,
      );
      expect(missing).toEqual([]);
    });

    it('rises by one for a transaction however many writes it makes, at its commit; not for a rollback or a read', async () => {
      const before = await version();
      await db.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE organisation SET postcode = 'LS1 3EX' WHERE code = 'RR8'`);
        await manager.query(`UPDATE organisation SET postcode = 'LS9 7TF' WHERE code = 'RR8'`);
        await manager.query(`DELETE FROM organisation WHERE code = 'NOPE'`);
        expect(await version()).toBe(before);
      });
      expect(await version()).toBe(before + 1n);
      await expect(
        db.dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE organisation SET postcode = NULL WHERE code = 'RR8'`);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await ask(server, SCORECARD, { code: 'RR8' });
      expect(await version()).toBe(before + 1n);
    });

    it('never makes one writer wait for another that has not committed', async () => {
      const runner = db.ownerDataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`UPDATE organisation SET postcode = 'LS1 3EX' WHERE code = 'RR8'`);
        // Were the counter one row, this would wait for the open transaction: lock_timeout turns a wait into an error.
        await db.dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = '5s'`);
          await manager.query(`UPDATE organisation SET postcode = 'S10 2JF' WHERE code = '03N'`);
        });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  it('is not there when turned off (RESPONSE_CACHE=off): every answer is made afresh', async () => {
    const answers = [await ask(uncached, SCORECARD, { code: 'RR8' }), await ask(uncached, SCORECARD, { code: 'RR8' })];
    expect(answers.map((answer) => answer.cache)).toEqual([null, null]);
    expect(answers[1].body).toEqual(answers[0].body);
  });
});
