import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createAppServer, type AppServer } from './app';
import { createLogger } from './logger';

/** Issue 19 point 5: answers and static files travel compressed; hashed assets are cached for a year. */
describe('compression and caching', () => {
  let db: TestDatabase;
  let webDistDir: string;
  let server: AppServer;
  let url: string;
  // A script large enough to be worth compressing, with precompressed copies beside it as the build writes them.
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDistDir = mkdtempSync(path.join(tmpdir(), 'ccg-web-'));
    mkdirSync(path.join(webDistDir, 'assets'));
    writeFileSync(path.join(webDistDir, 'index.html'), `<!doctype html><title>CCG Assure</title><script type="module" src="/assets/index-abc123.js"></script>${'<!-- padding -->'.repeat(100)}`);
    writeFileSync(path.join(webDistDir, 'assets/index-abc123.js'), script);
    writeFileSync(path.join(webDistDir, 'assets/index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(webDistDir, 'assets/index-abc123.js.gz'), gzipSync(script));
    writeFileSync(path.join(webDistDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await createAppServer(db.dataSource, { production: true, webDistDir, corsOrigins: [], cookieSecure: false, sessionTtlHours: 1 }, createLogger('silent'));
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  /** Raw bytes and headers, without fetch's transparent decoding. */
  function get(pathname: string, acceptEncoding: string, init: { method?: string; body?: string } = {}) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request(`${url}${pathname}`, { method: init.method ?? 'GET', headers: { 'accept-encoding': acceptEncoding, 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
  }

  it('sends a hashed script as its brotli copy when brotli is accepted, cacheable for a year', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('falls back to the gzip copy, and to the file itself when nothing is accepted', async () => {
    expect((await get('/assets/index-abc123.js', 'gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-abc123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('has the app page and unhashed files checked with the server before each use', async () => {
    const page = await get('/providers/RR8', 'br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('<title>CCG Assure</title>');
    expect((await get('/favicon.svg', 'br')).headers['cache-control']).toBe('no-cache');
  });

  it('compresses a GraphQL answer over 1 kB, and leaves a small one as it is', async () => {
    const big = await get('/graphql', 'br', { method: 'POST', body: JSON.stringify({ query: '{ __schema { types { name description } } }' }) });
    expect(big.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(big.body).toString()).data.__schema.types.length).toBeGreaterThan(10);
    const small = await get('/graphql', 'br', { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });
});
