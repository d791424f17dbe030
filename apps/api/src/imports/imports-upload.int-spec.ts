import http from 'node:http';
import { Role } from '../auth/role';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { GRAPHQL_LIMITS } from '../server/graphql-limits';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { ImportBatchEntity } from './import-batch.entity';
import { MAX_UPLOAD_BYTES } from './imports-upload.router';

const HEADER = 'org_code,name,national_grouping,high_level_health_geography,postcode,open_date,close_date';
const etr = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

/** POST /imports/<kind>: the streaming upload that replaces large importData calls (issue 13, point 2). */
describe('POST /imports/<kind> (streamed file upload)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let analystCookie: string;
  let financeCookie: string;

  const cookieOf = async (username: string) => {
    const client = await server.signedInClient(username);
    return (client.lastSetCookie ?? '').split(';')[0];
  };
  const upload = (kind: string, body: string, headers: Record<string, string> = {}, fileName = 'etr.csv') =>
    fetch(`${server.url}/imports/${kind}?fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-ccg-upload': '1', cookie: analystCookie, ...headers }, body });
  const batches = () => db.dataSource.getRepository(ImportBatchEntity).count();
  const organisation = (code: string) => db.dataSource.getRepository(OrganisationEntity).findOneBy({ code });

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, 'X24', 'NHS England');
    await insertUser(db.dataSource, 'analyst', [{ role: Role.ANALYST, organisationCode: 'X24' }]);
    await insertUser(db.dataSource, 'finance', [{ role: Role.FINANCE_OFFICER, organisationCode: 'X24' }]);
    server = await startTestServer(db.dataSource);
    analystCookie = await cookieOf('analyst');
    financeCookie = await cookieOf('finance');
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('imports a file for an analyst and answers the import batch as JSON, as importData does', async () => {
    const response = await upload('etr', etr('RR8,LEEDS TEACHING HOSPITALS NHS TRUST,Y63,Q72,LS9 7TF,1998-04-01,', 'RAE,BRADFORD TEACHING HOSPITALS NHS FOUNDATION TRUST,Y63,Q72,BD9 6RJ,2004-04-01,'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: 'etr', fileName: 'etr.csv', outcome: 'SUCCEEDED', rowsRead: 2, rowsRejected: 0, errors: [], actorUsername: 'analyst' });
    expect(await organisation('RR8')).toMatchObject({ name: 'LEEDS TEACHING HOSPITALS NHS TRUST' });
  });

  it('takes a file larger than the 1 MB limit of /graphql', async () => {
    const rows = Array.from({ length: 16_000 }, (_, i) => `T${i.toString(36).toUpperCase().padStart(4, '0')},A TRUST WITH A LONG ENOUGH NAME NUMBER ${i},Y63,Q72,LS1 1AA,2000-04-01,`);
    const body = etr(...rows);
    expect(body.length).toBeGreaterThan(GRAPHQL_LIMITS.maxBodyBytes);
    const response = await upload('etr', body, {}, 'big-etr.csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'SUCCEEDED', rowsRead: 16_000, rowsRejected: 0 });
  });

  it('reports a NUL character in a cell as a bad row with its line, and keeps nothing from the file', async () => {
    const response = await upload('etr', etr('RXF,MID YORKSHIRE HOSPITALS NHS TRUST,Y63,Q72,WF1 4DG,2002-04-01,', 'RCF,AIREDALE NHS FOUNDATION TRUST,Y63,Q72,BD20\u00006TD,2005-04-01,'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'REJECTED', rowsRejected: 1, errors: [{ line: 3, reason: 'postcode contains the NUL character (U+0000)' }] });
    expect(await organisation('RXF')).toBeNull();
  });

  it.each([
    ['without the x-ccg-upload header (a form on another site)', { 'x-ccg-upload': '' }, 403, 'UPLOAD_HEADER_REQUIRED'],
    ['signed out', { cookie: '' }, 401, 'SIGN_IN_REQUIRED'],
    ['with a malformed session cookie', { cookie: 'ccg_session=%ZZ' }, 401, 'SIGN_IN_REQUIRED'],
    ['for a finance officer (not an analyst or administrator)', { cookie: 'FINANCE' }, 403, 'NOT_PERMITTED'],
    ['as a form would send it (not text/csv)', { 'content-type': 'application/x-www-form-urlencoded' }, 400, 'UPLOAD_NOT_CSV'],
  ] as [string, Record<string, string>, number, string][])('refuses an upload %s, saving nothing', async (_name, headers, status, reason) => {
    const before = await batches();
    const response = await upload('etr', etr('RWY,CALDERDALE AND HUDDERSFIELD NHS FOUNDATION TRUST,Y63,Q72,HD3 3EA,2006-04-01,'), {
      ...headers,
      ...(headers.cookie === 'FINANCE' ? { cookie: financeCookie } : {}),
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ reason }) })] });
    expect(await batches()).toBe(before);
    expect(await organisation('RWY')).toBeNull();
  });

  it('refuses an unknown kind (404) and a missing file name (400)', async () => {
    expect((await upload('nope', etr())).status).toBe(404);
    const response = await upload('etr', etr(), {}, '');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ reason: 'FILE_NAME_INVALID' }) })] });
  });

  it('answers 413 to a declared size over the cap before reading the body', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port,
        path: '/imports/etr?fileName=huge.csv',
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-ccg-upload': '1', cookie: analystCookie, 'content-length': String(MAX_UPLOAD_BYTES + 1) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      request.write(`${HEADER}\n`);
    });
    expect(status).toBe(413);
  });
});
