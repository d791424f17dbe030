import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Role } from '../auth/role';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server';
import { ImportBatchEntity } from './import-batch.entity';
import { ImportProgressWriter, PROGRESS_INTERVAL_MS } from './import-progress';

const ETR_HEADER = 'org_code,name,national_grouping,high_level_health_geography,postcode,open_date,close_date';
const etrRows = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i.toString(36).toUpperCase().padStart(4, '0')},A TRUST WITH A LONG ENOUGH NAME NUMBER ${i},Y63,Q72,LS1 1AA,2000-04-01,`);
const AE_HEADER = 'period,org_code,type,attendances,breaches,admissions';

const PROGRESS = `query($uploadId: ID!) { importProgress(uploadId: $uploadId) { id outcome phase rowsRead bytesRead finishedAt durationSeconds actorUsername } }`;
interface Progress {
  id: string;
  outcome: string;
  phase: string | null;
  rowsRead: number;
  bytesRead: number;
  finishedAt: string | null;
  durationSeconds: number | null;
  actorUsername: string;
}

const PAGE = `query($first: Int, $after: String, $kind: ImportKind, $outcome: ImportOutcome) {
  importBatchPage(first: $first, after: $after, kind: $kind, outcome: $outcome) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind outcome fileName } edges { cursor node { id } } }
}`;
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; kind: string; outcome: string; fileName: string }[];
  edges: { cursor: string; node: { id: string } }[];
}

const CHANGES = `query($id: ID!, $first: Int, $after: String) {
  importBatch(id: $id) { id outcome requestId changes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { action entityType entityId before after } } }
}`;
interface Changes {
  id: string;
  outcome: string;
  requestId: string;
  changes: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { action: string; entityType: string; entityId: string; before: unknown; after: unknown }[] };
}

/** Issue 14, point 4: progress a browser can watch, kept in PostgreSQL; the paged history and what an import changed. */
describe('import progress, the paged import history and the changes of an import', () => {
  let db: TestDatabase;
  let server: TestServer;
  let analyst: TestClient;
  let otherAnalyst: TestClient;
  let admin: TestClient;
  let analystCookie: string;

  const upload = (kind: string, body: string, fileName: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/imports/${kind}?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-ccg-upload': '1', cookie: analystCookie, ...headers },
      body,
    });
  const progressOf = async (client: TestClient, uploadId: string) => {
    const response = await client.graphql<{ importProgress: Progress | null }>(PROGRESS, { uploadId });
    expect(response.errors).toBeUndefined();
    return response.data?.importProgress ?? null;
  };
  /** Asks again until `done` holds (the import runs on the server meanwhile); the suite's timeout bounds it. */
  const until = async <T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (;;) {
      const value = await ask();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, 'X24', 'NHS England');
    await insertUser(db.dataSource, 'analyst', [{ role: Role.ANALYST, organisationCode: 'X24' }]);
    await insertUser(db.dataSource, 'other-analyst', [{ role: Role.ANALYST, organisationCode: 'X24' }]);
    await insertUser(db.dataSource, 'admin', [{ role: Role.ADMIN, organisationCode: 'X24' }]);
    server = await startTestServer(db.dataSource);
    analyst = await server.signedInClient('analyst');
    analystCookie = (analyst.lastSetCookie ?? '').split(';')[0];
    otherAnalyst = await server.signedInClient('other-analyst');
    admin = await server.signedInClient('admin');
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('records rows and bytes read while the file streams, visible from other connections, then the outcome', async () => {
    const uploadId = randomUUID();
    const first = `${ETR_HEADER}\n${etrRows(2000, 'P').join('\n')}\n`;
    const rest = `${etrRows(3000, 'Q').join('\n')}\n`;
    const { port } = new URL(server.url);
    // The request stays open after the first part, so the import is RUNNING until the test sends the rest.
    const request = http.request({
      host: '127.0.0.1',
      port,
      path: '/imports/etr?fileName=streamed.csv',
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-ccg-upload': '1', 'x-ccg-upload-id': uploadId, cookie: analystCookie },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    request.write(first);

    const running = await until(
      () => progressOf(analyst, uploadId),
      (value) => (value?.rowsRead ?? 0) > 0,
    );
    expect(running).toMatchObject({ outcome: 'RUNNING', phase: 'READING', finishedAt: null, durationSeconds: null, actorUsername: 'analyst' });
    expect(running?.rowsRead).toBeLessThanOrEqual(2000);
    expect(running?.bytesRead).toBeGreaterThan(0);
    expect(running?.bytesRead).toBeLessThanOrEqual(Buffer.byteLength(first));
    // The row is committed, on its own connection: the owner's connection sees it while the import's transaction is open.
    const row = await db.ownerDataSource.getRepository(ImportBatchEntity).findOneByOrFail({ uploadId });
    expect(row).toMatchObject({ outcome: 'RUNNING', phase: 'READING' });
    expect(Number(row.bytesRead)).toBeGreaterThan(0);

    // Another analyst cannot read it (null, as if there were none); an administrator can.
    expect(await progressOf(otherAnalyst, uploadId)).toBeNull();
    expect(await progressOf(admin, uploadId)).toMatchObject({ id: running?.id, outcome: 'RUNNING' });

    request.end(rest);
    const { status, body } = await answered;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ id: running?.id, outcome: 'SUCCEEDED', rowsRead: 5000, phase: null });
    const done = await progressOf(analyst, uploadId);
    expect(done).toMatchObject({ outcome: 'SUCCEEDED', phase: null, rowsRead: 5000, bytesRead: Buffer.byteLength(first + rest) });
    expect(done?.finishedAt).not.toBeNull();
    expect(done?.durationSeconds).toBeGreaterThanOrEqual(0);
  });

  it('writes rows and bytes at most every 500 ms, a new phase at once, and nothing once the import has ended', async () => {
    const batches = db.dataSource.getRepository(ImportBatchEntity);
    const { identifiers } = await batches.insert({ kind: 'etr', fileName: 'clocked.csv', fileSha256: '0'.repeat(64), outcome: 'RUNNING', phase: 'READING' });
    const id = String(identifiers[0].id);
    let now = 1_000;
    const writer = new ImportProgressWriter(db.dataSource, id, () => now);
    const row = async () => {
      await writer.flushed();
      return batches.findOneByOrFail({ id });
    };
    writer.report(200, 2_000);
    expect(await row()).toMatchObject({ rowsRead: 200, bytesRead: '2000', phase: 'READING' });
    now += PROGRESS_INTERVAL_MS - 1;
    writer.report(400, 4_000);
    expect(await row()).toMatchObject({ rowsRead: 200 });
    now += 1;
    writer.report(600, 6_000);
    expect(await row()).toMatchObject({ rowsRead: 600, bytesRead: '6000' });
    writer.phase('CHECKING', 650, 6_500);
    expect(await row()).toMatchObject({ rowsRead: 650, phase: 'CHECKING' });
    writer.phase('SAVING', 650, 6_500);
    expect(await row()).toMatchObject({ phase: 'SAVING' });
    await writer.close();
    await batches.update({ id }, { outcome: 'SUCCEEDED', phase: null });
    writer.phase('READING', 1, 1);
    expect(await row()).toMatchObject({ outcome: 'SUCCEEDED', phase: null, rowsRead: 650 });
  });

  it('records the final rows and bytes of a refused upload, and null before an upload id is used', async () => {
    const uploadId = randomUUID();
    expect(await progressOf(analyst, uploadId)).toBeNull();
    const body = `${ETR_HEADER}\n${etrRows(3, 'R').join('\n')}\nBAD CODE,X,Y63,Q72,LS1 1AA,2000-04-01,\n`;
    const response = await upload('etr', body, 'refused.csv', { 'x-ccg-upload-id': uploadId });
    expect(await response.json()).toMatchObject({ outcome: 'REJECTED', rowsRead: 4, rowsRejected: 1 });
    expect(await progressOf(analyst, uploadId)).toMatchObject({ outcome: 'REJECTED', phase: null, rowsRead: 4, bytesRead: Buffer.byteLength(body) });
  });

  it('refuses an upload id used before (409, nothing recorded) and one that is not a UUID (400)', async () => {
    const uploadId = randomUUID();
    const body = `${ETR_HEADER}\n${etrRows(2, 'S').join('\n')}\n`;
    expect((await upload('etr', body, 'once.csv', { 'x-ccg-upload-id': uploadId })).status).toBe(200);
    const before = await db.dataSource.getRepository(ImportBatchEntity).count();
    const again = await upload('etr', body, 'twice.csv', { 'x-ccg-upload-id': uploadId.toUpperCase() });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT', reason: 'UPLOAD_ID_IN_USE' }) })] });
    expect(await db.dataSource.getRepository(ImportBatchEntity).count()).toBe(before);
    expect(await progressOf(analyst, uploadId)).toMatchObject({ outcome: 'SUCCEEDED' });

    const invalid = await upload('etr', body, 'bad-id.csv', { 'x-ccg-upload-id': 'not-a-uuid' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ reason: 'UPLOAD_ID_INVALID' }) })] });
    expect(await db.dataSource.getRepository(ImportBatchEntity).count()).toBe(before);
  });

  it('pages the import history newest first, filters by kind and outcome, and refuses a foreign cursor', async () => {
    const all = await db.dataSource.getRepository(ImportBatchEntity).find({ order: { id: 'DESC' } });
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await analyst.graphql<{ importBatchPage: Page }>(PAGE, { first: 2, after });
      expect(response.errors).toBeUndefined();
      const page = response.data?.importBatchPage as Page;
      expect(page.totalCount).toBe(all.length);
      expect(page.nodes.map((node) => node.id)).toEqual(page.edges.map((edge) => edge.node.id));
      seen.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((batch) => batch.id));

    const rejected = await analyst.graphql<{ importBatchPage: Page }>(PAGE, { kind: 'ETR', outcome: 'REJECTED' });
    expect(rejected.data?.importBatchPage.nodes.map((node) => node.fileName)).toEqual(['refused.csv']);
    expect(rejected.data?.importBatchPage.totalCount).toBe(1);
    const ae = await analyst.graphql<{ importBatchPage: Page }>(PAGE, { kind: 'AE' });
    expect(ae.data?.importBatchPage).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const foreign = await analyst.graphql(PAGE, { after: Buffer.from('RR8|2016-04-01').toString('base64url') });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' });
    const tooMany = await analyst.graphql(PAGE, { first: 201 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ reason: 'PAGE_SIZE_INVALID' });
  });

  it('lists the values a corrected file changed, before and after, page by page; a refused file changed nothing', async () => {
    const rows = ['RR8', 'RAE', 'RXF'].flatMap((code, i) => [`2016-04-01,${code},1,${1000 + i},${100 + i},50`, `2016-05-01,${code},1,${1100 + i},${110 + i},60`]);
    const original = await upload('ae', `${AE_HEADER}\n${rows.join('\n')}\n`, 'ae-original.csv');
    expect(await original.json()).toMatchObject({ outcome: 'SUCCEEDED' });
    // The correction changes RR8's April breaches, and drops RXF's May row (the file replaces the months it holds).
    const corrected = [...rows.slice(1, 5), `2016-04-01,RR8,1,1000,90,50`];
    const response = await upload('ae', `${AE_HEADER}\n${corrected.join('\n')}\n`, 'ae-corrected.csv');
    const batch = (await response.json()) as { id: string; outcome: string };
    expect(batch.outcome).toBe('SUCCEEDED');

    const changes: Changes['changes']['nodes'] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const page = await analyst.graphql<{ importBatch: Changes }>(CHANGES, { id: batch.id, first: 1, after });
      expect(page.errors).toBeUndefined();
      const connection = page.data?.importBatch.changes as Changes['changes'];
      totalCount = connection.totalCount;
      changes.push(...connection.nodes);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(changes).toHaveLength(totalCount);
    const updated = changes.filter((change) => change.action === 'UPDATE_INDICATOR_VALUE');
    const deleted = changes.filter((change) => change.action === 'DELETE_INDICATOR_VALUE');
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((change) => change.entityType === 'indicator_value' && change.entityId.includes('/RR8/'))).toBe(true);
    // Within 4 hours: 1000 - 100 before, 1000 - 90 after.
    expect(updated[0]).toMatchObject({ before: { numerator: 900, denominator: 1000 }, after: { numerator: 910, denominator: 1000 } });
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((change) => change.entityId.includes('/RXF/') && change.after === null)).toBe(true);
    expect(changes.some((change) => change.entityType === 'import_batch')).toBe(false);

    const refused = await upload('ae', `${AE_HEADER}\n2016-04-01,RR8,1,lots,90,50\n`, 'ae-refused.csv');
    const refusedBatch = (await refused.json()) as { id: string };
    const none = await analyst.graphql<{ importBatch: Changes }>(CHANGES, { id: refusedBatch.id });
    expect(none.data?.importBatch).toMatchObject({ outcome: 'REJECTED', changes: { totalCount: 0, nodes: [] } });
    expect((await analyst.graphql<{ importBatch: Changes | null }>(CHANGES, { id: '999999' })).data?.importBatch).toBeNull();
  });
});
