import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { startEmbeddedDatabase } from '../database/embedded-database';
import { createLogger } from '../server/logger';

/**
 * Starts one real PostgreSQL for the test run: the embedded one in a temporary folder, or the
 * server named by TEST_DATABASE_URL (a role allowed to create databases). Suites create their
 * own databases in it (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.CCG_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  // /tmp is traversable by the `postgres` user that runs the cluster when tests run as root.
  const dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-test-'));
  const database = await startEmbeddedDatabase(dataDir, await freePort(), createLogger('silent'), 'postgres');
  process.env.CCG_TEST_ADMIN_URL = database.url;
  (globalThis as { __ccgTestDatabase?: unknown }).__ccgTestDatabase = { stop: database.stop, dataDir };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
