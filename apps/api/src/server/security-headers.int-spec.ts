import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createAppServer, type AppServer } from './app';
import { createLogger } from './logger';

/** The browser security headers (issue 13, point 4) on the app, the API, the health check and a report. */
describe('browser security headers', () => {
  let db: TestDatabase;
  let webDistDir: string;
  const servers: AppServer[] = [];

  /** The production server (SPA included) on a random port, with COOKIE_SECURE as given. */
  async function start(cookieSecure: boolean): Promise<string> {
    const server = await createAppServer(db.dataSource, { production: true, webDistDir, corsOrigins: [], cookieSecure, sessionTtlHours: 1 }, createLogger('silent'));
    servers.push(server);
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    webDistDir = mkdtempSync(path.join(tmpdir(), 'ccg-web-'));
    mkdirSync(path.join(webDistDir, 'assets'));
    writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>CCG Assure</title><script type="module" src="/assets/index.js"></script>');
    writeFileSync(path.join(webDistDir, 'assets/index.js'), 'export {};');
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await db.drop();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  const graphql = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  const routes: [string, (url: string) => Promise<Response>][] = [
    ['the app at /', (url) => fetch(`${url}/`)],
    ['a client-side route of the app', (url) => fetch(`${url}/providers/RR8`)],
    ['a built script under /assets', (url) => fetch(`${url}/assets/index.js`)],
    ['/graphql', graphql],
    ['/healthz', (url) => fetch(`${url}/healthz`)],
    ['a report PDF', (url) => fetch(`${url}/reports/assurance/england/2015-16.pdf`)],
  ];

  it.each(routes)('sends CSP (self only, no inline script, no framing), nosniff, DENY and same-origin referrers on %s', async (_name, request) => {
    const response = await request(await start(false));
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the app itself under that policy (the index and its script answer 200)', async () => {
    const url = await start(false);
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect((await fetch(`${url}/assets/index.js`)).status).toBe(200);
    expect((await graphql(url)).status).toBe(200);
  });

  it('has every GraphQL answer, data or error, kept by no cache on the way (cache-control: no-store)', async () => {
    const url = await start(false);
    const failing = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
    for (const response of [await graphql(url), failing]) expect(response.headers.get('cache-control')).toBe('no-store');
    expect(failing.status).toBe(400);
  });

  it.each(routes)('adds HSTS (one year, subdomains) and upgrade-insecure-requests on %s only when COOKIE_SECURE is on', async (_name, request) => {
    const response = await request(await start(true));
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
