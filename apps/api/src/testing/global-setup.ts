import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { ensureAppLogin } from '../database/app-role';
import { startEmbeddedDatabase } from '../database/embedded-database';
import { createLogger } from '../server/logger';

/** The login role the suites' application DataSources use: a member of ccg_assure_app, like the API's. */
const TEST_APP_LOGIN = 'ccg_assure_test_api';

/**
 * Starts one real PostgreSQL for the test run: the embedded one in a temporary folder, or the
 * server named by TEST_DATABASE_URL (a role allowed to create databases and roles). Suites create their
 * own databases in it (see test-database.ts), migrated as that role and used as TEST_APP_LOGIN.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.CCG_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
  } else {
    // /tmp is traversable by the `postgres` user that runs the cluster when tests run as root.
    const dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-test-'));
    const database = await startEmbeddedDatabase(dataDir, await freePort(), createLogger('silent'), 'postgres');
    process.env.CCG_TEST_ADMIN_URL = database.url;
    (globalThis as { __ccgTestDatabase?: unknown }).__ccgTestDatabase = { stop: database.stop, dataDir };
  }
  const password = randomBytes(24).toString('base64url');
  const admin = new Client({ connectionString: process.env.CCG_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await ensureAppLogin(admin, TEST_APP_LOGIN, password);
  } finally {
    await admin.end();
  }
  process.env.CCG_TEST_APP_USER = TEST_APP_LOGIN;
  process.env.CCG_TEST_APP_PASSWORD = password;
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
