import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServerProcess } from './support/server-process';

describe('the product process (as npm start runs it)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-lifecycle-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('creates the embedded database on first start, stops cleanly on SIGTERM, and keeps the data for the next start', async () => {
    const first = await startServerProcess(dataDir);
    expect(first.output()).toMatch(/creating the embedded PostgreSQL cluster/);
    expect(first.output()).toMatch(/CCG Assure is running at http:\/\/localhost:\d+\//);
    const spa = await fetch(`${first.baseUrl}/assurance`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toMatch(/<div id="root">/);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped cleanly"/);
    // PostgreSQL removes its pid file only when it shuts down cleanly.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startServerProcess(dataDir);
    try {
      expect(second.output()).not.toMatch(/creating the embedded PostgreSQL cluster/);
      expect(second.output()).not.toMatch(/created the demo accounts/);
      const health = await fetch(`${second.baseUrl}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
