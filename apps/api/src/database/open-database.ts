import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { Logger } from '../server/logger';
import { createDataSource, migrate } from './data-source';
import { prepareEmbeddedAppLogin, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

export interface OpenDatabase {
  /** Connected as the least-privilege login (docs/security.md, "Database roles"). */
  dataSource: DataSource;
  /** The embedded cluster when no DATABASE_URL is set; its owner stops it. */
  embedded: EmbeddedDatabase | null;
  migrationsApplied: string[];
  /** The least-privilege login's connection string, for other processes serving the same database (API_WORKERS). */
  appUrl: string;
}

/**
 * The database as the API and the command-line importer use it: the embedded cluster started when no
 * DATABASE_URL is set, migrated as the tables' owner (`postgres`, or MIGRATION_DATABASE_URL), and a pool
 * connected as the least-privilege login (`ccg_assure_api`, or DATABASE_URL).
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl' | 'dataDir' | 'embeddedPostgresPort'>,
  logger: Logger,
  options: { applicationName?: string } = {},
): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    logger.info('no DATABASE_URL: starting the embedded PostgreSQL', { dataDir: config.dataDir, port: config.embeddedPostgresPort });
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPostgresPort, logger);
  }
  const migrator = createDataSource(config.migrationDatabaseUrl ?? (embedded as EmbeddedDatabase).url, { poolSize: 1, applicationName: 'ccg-assure-migrate' });
  let appUrl: string;
  let migrationsApplied: string[];
  try {
    await migrator.initialize();
    migrationsApplied = await migrate(migrator);
    appUrl = config.databaseUrl ?? (await prepareEmbeddedAppLogin(migrator, (embedded as EmbeddedDatabase).url, config.dataDir));
  } catch (error) {
    if (embedded) await embedded.stop();
    throw error;
  } finally {
    if (migrator.isInitialized) await migrator.destroy();
  }
  const dataSource = createDataSource(appUrl, options);
  await dataSource.initialize();
  return { dataSource, embedded, migrationsApplied, appUrl };
}
