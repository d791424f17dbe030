import 'reflect-metadata';
import { readConfig } from './config';
import { openDatabase } from './database/open-database';
import { loadBundledDataOnFirstStart } from './imports/bundled-data';
import { markInterruptedImports } from './imports/import.service';
import { printAppSchema } from './schema/build-schema';
import { ScoresService } from './scores/scores.service';
import { seedDemoAccounts } from './seed/demo-accounts';
import { seedDemoAssurance } from './seed/demo-assurance';
import { seedDemoContracts } from './seed/demo-contracts';
import { seedDemoEscalation } from './seed/demo-escalation';
import { seedDemoFinancialPlans } from './seed/demo-financial-plans';
import { seedDemoLocalSanctions } from './sanctions/demo-local-sanctions';
import { createAppServer } from './server/app';
import { createLogger, type Logger } from './server/logger';
import { isWorkerProcess, serveAsWorker, superviseWorkers } from './server/workers';
import type { AppConfig } from './config';
import type { EmbeddedDatabase } from './database/embedded-database';

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel, { service: 'ccg-assure-api' });
  // A worker (API_WORKERS above 1) only serves: the primary has migrated, loaded and seeded the database already.
  if (isWorkerProcess()) return serveAsWorker(config, logger);
  // Migrations run as the tables' owner; the API runs as a least-privilege login (docs/security.md, "Database roles").
  const { dataSource, embedded, migrationsApplied, appUrl } = await openDatabase(config, logger);
  logger.info('database ready', { embedded: Boolean(embedded), migrationsApplied, separateMigrationRole: Boolean(embedded) || config.migrationDatabaseUrl !== config.databaseUrl });
  const interrupted = await markInterruptedImports(dataSource);
  if (interrupted.length) logger.warn('imports cut short by an earlier crash are marked INTERRUPTED; none of their data was kept', { batchIds: interrupted });
  if (embedded) await seedDemoAccounts(dataSource, config.sharedDataDir, logger);
  await loadBundledDataOnFirstStart(dataSource, config.sharedDataDir, logger);
  // Stored scores missing, out of step or of an older SCORING_VERSION are recomputed before serving (decision 0021).
  const rescored = await new ScoresService(dataSource).refreshOutOfStep();
  if (rescored.series) logger.info('stored scores recomputed', { ...rescored });
  // Illustrative plans need the CCGs' period names from the bundled data, so they come after it.
  if (embedded) await seedDemoFinancialPlans(dataSource, config.sharedDataDir, logger);
  if (embedded) await seedDemoAssurance(dataSource, logger);
  if (embedded) await seedDemoContracts(dataSource, logger);
  // The illustrative contracts' local A&E sanction rate, after the contracts it belongs to.
  if (embedded) await seedDemoLocalSanctions(dataSource, logger);
  // Illustrative boards and escalation items (issue 16), after the contracts whose providers get Contract Management Boards.
  if (embedded) await seedDemoEscalation(dataSource, logger);

  if (config.apiWorkers > 1) {
    // The workers open their own pools; the primary keeps only the embedded cluster, if any.
    await dataSource.destroy();
    return serveWithWorkers(config, appUrl, embedded, logger);
  }

  const server = await createAppServer(dataSource, config, logger);
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, resolve);
  });
  const url = `http://localhost:${config.port}/`;
  logger.info('listening', { url, graphql: `${url}graphql`, production: config.production });
  if (config.production) process.stdout.write(`\nCCG Assure is running at ${url}  (GraphQL API at ${url}graphql; stop with Ctrl+C)\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    try {
      await server.stop();
      await dataSource.destroy();
      if (embedded) await embedded.stop();
      logger.info('stopped cleanly');
      clearTimeout(timer);
      process.exit(0);
    } catch (error) {
      logger.error('error while shutting down', { error });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * API_WORKERS above 1 (issue 19 point 2): this process supervises that many workers sharing the port, and on SIGTERM
 * or SIGINT stops them (each finishing its requests) before stopping the embedded database.
 */
async function serveWithWorkers(config: AppConfig, appUrl: string, embedded: EmbeddedDatabase | null, logger: Logger): Promise<void> {
  let stopping = false;
  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { reason, workers: config.apiWorkers });
    try {
      await supervision.stop();
      if (embedded) await embedded.stop();
      logger.info('stopped cleanly');
      process.exit(exitCode);
    } catch (error) {
      logger.error('error while shutting down', { error });
      process.exit(1);
    }
  };
  const supervision = superviseWorkers({ count: config.apiWorkers, appUrl, logger, onGiveUp: () => void shutdown('workers keep stopping', 1) });
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  await supervision.listening;
  const url = `http://localhost:${config.port}/`;
  logger.info('listening', { url, graphql: `${url}graphql`, production: config.production, workers: config.apiWorkers });
  if (config.production) process.stdout.write(`\nCCG Assure is running at ${url} with ${config.apiWorkers} workers  (GraphQL API at ${url}graphql; stop with Ctrl+C)\n\n`);
}

// `node dist/apps/api/main.js --print-schema`: the schema exactly as the built bundle serves it, which
// apps/api/src/schema/bundle-schema.spec.ts compares with the committed schema.graphql.
if (process.argv.includes('--print-schema')) void printAppSchema().then((sdl) => process.stdout.write(sdl));
else main().catch((error: unknown) => {
  process.stderr.write(`CCG Assure could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String(error.cause)}\n`);
  process.exit(1);
});
