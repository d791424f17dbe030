import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { createAppServer } from './app';
import type { Logger } from './logger';

/** The environment variable through which the primary hands its workers the least-privilege connection string. */
const WORKER_DATABASE_URL = 'CCG_WORKER_DATABASE_URL';
/** More unexpected worker exits than this within a minute stop the product rather than restart forever. */
const MAX_RESTARTS_PER_MINUTE = 5;
/** How long the primary waits for its workers to finish in-flight requests when asked to stop. */
const STOP_GRACE_MS = 20_000;

export const isWorkerProcess = (): boolean => cluster.isWorker;

/**
 * A worker (issue 19 point 2): serves requests on the shared port with its own pool on the database the primary
 * prepared. It holds no state of its own: sessions, sign-in throttles and stored scores live in PostgreSQL, so any
 * worker (or any process on any machine) answers any request alike. Stops on SIGTERM or SIGINT after in-flight
 * requests finish.
 */
export async function serveAsWorker(config: AppConfig, logger: Logger): Promise<void> {
  const url = process.env[WORKER_DATABASE_URL];
  if (!url) throw new Error(`a worker needs ${WORKER_DATABASE_URL} from its primary`);
  const dataSource = createDataSource(url, { applicationName: `ccg-assure-worker-${cluster.worker?.id ?? 0}` });
  await dataSource.initialize();
  const server = await createAppServer(dataSource, config, logger);
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, resolve);
  });
  logger.info('worker listening', { pid: process.pid });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      await dataSource.destroy();
      process.exit(0);
    } catch (error) {
      logger.error('worker failed to stop cleanly', { error });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

export interface Supervision {
  /** Resolves once every worker listens. */
  listening: Promise<void>;
  /** Asks every worker to stop and resolves when all have exited (or the grace period ran out). */
  stop(): Promise<void>;
}

/**
 * The primary's side: forks `count` workers that share the listening port (Node's cluster module hands connections
 * out in turn), replaces one that dies unexpectedly, and stops them all on request. Gives up (calling `onGiveUp`)
 * when workers keep dying, so a broken deployment fails visibly instead of restarting in a loop.
 */
export function superviseWorkers(options: { count: number; appUrl: string; logger: Logger; onGiveUp: () => void }): Supervision {
  const { count, appUrl, logger, onGiveUp } = options;
  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Worker => cluster.fork({ [WORKER_DATABASE_URL]: appUrl });

  let listeningCount = 0;
  let announce: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (announce = resolve));
  cluster.on('listening', () => {
    listeningCount += 1;
    if (listeningCount === count) announce();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      logger.error('workers keep stopping; giving up', { restartsInLastMinute: restarts.length });
      onGiveUp();
      return;
    }
    logger.error('a worker stopped unexpectedly; starting another', { pid: worker.process.pid, code, signal });
    fork();
  });
  for (let i = 0; i < count; i += 1) fork();

  return {
    listening,
    stop: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker) && !worker?.isDead());
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                logger.warn('a worker did not stop in time; killing it', { pid: worker.process.pid });
                worker.process.kill('SIGKILL');
              }, STOP_GRACE_MS);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
