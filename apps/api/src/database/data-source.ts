import { types } from 'pg';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

// Calendar dates stay ISO strings: pg would otherwise make local-midnight Date objects.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** The TypeORM data source. The schema changes only through migrations, never `synchronize`. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'ccg-assure-api',
    connectTimeoutMS: 10_000,
    extra: { statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 },
  });
}

export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
