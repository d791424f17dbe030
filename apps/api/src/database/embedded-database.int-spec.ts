import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../testing/global-setup';
import { createLogger } from '../server/logger';
import { clusterLocation, firstFolderBarring } from './embedded-database';

const workspace = path.resolve(__dirname, '../../../..');
const moduleFile = path.join(__dirname, 'embedded-database.ts');

/**
 * A separate Node process (TypeScript through tsx) that starts the embedded database on `dataDir` and
 * `port`, prints READY and waits; with `stopAfter`, it stops the cluster again and exits 0.
 */
function startInChild(dataDir: string, port: number, options: { stopAfter: boolean }): { child: ChildProcess; ready: Promise<string>; exited: Promise<number | null> } {
  const script = `
    const loaded = await import(${JSON.stringify(moduleFile)});
    const { startEmbeddedDatabase } = loaded.default ?? loaded;
    const quiet = { debug() {}, info() {}, warn(message) { console.log('WARN ' + message) }, error() {} };
    const database = await startEmbeddedDatabase(${JSON.stringify(dataDir)}, ${port}, quiet, 'postgres');
    console.log('READY');
    if (${options.stopAfter}) { await database.stop(); process.exit(0); } else setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: workspace,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'apps/api/tsconfig.app.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) resolve(output);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before it was ready:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

const postmasterPid = (dataDir: string) => Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL after a crash', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join('/tmp', 'ccg-assure-crash-'));
  });
  afterEach(async () => {
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    if (existsSync(pidFile) && alive(postmasterPid(dataDir))) process.kill(postmasterPid(dataDir), 'SIGQUIT');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts again after the process that started it was killed (kill -9), stopping the PostgreSQL it left running', async () => {
    const port = await freePort();
    const first = startInChild(dataDir, port, { stopAfter: false });
    await first.ready;
    const orphan = postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // left running by its dead parent: the situation that used to block every start

    const second = startInChild(dataDir, port, { stopAfter: true });
    const output = await second.ready;
    expect(await second.exited).toBe(0);
    expect(output).toContain('WARN stopping the embedded PostgreSQL left running by a process that ended');
    expect(alive(orphan)).toBe(false);
  }, 90_000);

  it('starts although postmaster.pid names a process that is not PostgreSQL (a stale lock file)', async () => {
    const port = await freePort();
    const first = startInChild(dataDir, port, { stopAfter: true });
    await first.ready;
    expect(await first.exited).toBe(0);
    // A pid that is alive but not a postmaster: this very test process, the case PostgreSQL itself refuses.
    await writeFile(path.join(dataDir, 'postgres', 'postmaster.pid'), `${process.pid}\n${path.join(dataDir, 'postgres')}\n`);

    const second = startInChild(dataDir, port, { stopAfter: true });
    const output = await second.ready;
    expect(await second.exited).toBe(0);
    expect(output).toContain('WARN removing the stale postmaster.pid');
  }, 90_000);
});

describe('whether user postgres can reach a folder (clones anywhere)', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join('/tmp', 'ccg-assure-reach-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));
  const stranger = { uid: 54321, gids: [54321] };

  it('names the first folder of mode 700 on the way, as under `mktemp -d`', async () => {
    await mkdir(path.join(tmp, 'home', 'clone', '.data'), { recursive: true });
    await chmod(tmp, 0o755);
    await chmod(path.join(tmp, 'home'), 0o700);
    expect(await firstFolderBarring(path.join(tmp, 'home', 'clone', '.data'), stranger)).toBe(path.join(tmp, 'home'));
  });

  it('finds nothing barring when every folder on the way may be entered, even a folder not created yet', async () => {
    await mkdir(path.join(tmp, 'open', 'clone'), { recursive: true, mode: 0o755 });
    await chmod(path.join(tmp, 'open'), 0o711);
    expect(await firstFolderBarring(path.join(tmp, 'open', 'clone', '.data', 'postgres'), stranger)).toBeNull();
  });

  it('keeps the cluster under /var/tmp, one folder per data folder, when the data folder cannot be reached, and says so', async () => {
    const warnings: string[] = [];
    const logger = { ...createLogger('silent'), warn: (message: string) => void warnings.push(message) };
    const barred = path.join(tmp, 'home', 'clone', '.data');
    const clusterDir = await clusterLocation(barred, stranger, logger);
    try {
      expect(clusterDir).toMatch(/^\/var\/tmp\/ccg-assure-[0-9a-f]{12}\/postgres$/);
      expect(await clusterLocation(barred, stranger, logger)).toBe(clusterDir);
      expect(await firstFolderBarring(clusterDir, stranger)).toBeNull();
      expect(warnings[0]).toContain(`user postgres cannot enter ${path.join(tmp, 'home')}`);
      expect(await clusterLocation(path.join(tmp, 'open', 'clone', '.data'), stranger, logger)).toBe(path.join(tmp, 'open', 'clone', '.data', 'postgres'));
    } finally {
      await rm(path.dirname(clusterDir), { recursive: true, force: true });
    }
  });

  it('lets the owner through a folder of mode 700 that it owns', async () => {
    const own = { uid: process.getuid?.() ?? 0, gids: [] };
    await mkdir(path.join(tmp, 'mine'), { mode: 0o700 });
    expect(await firstFolderBarring(path.join(tmp, 'mine'), own)).toBeNull();
  });
});
