import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { withCredentials } from '../database/app-role';
import { createDataSource, migrate } from '../database/data-source';

export interface TestDatabase {
  /** Connected as the least-privilege application login, as the running API is: what services and TestServer use. */
  dataSource: DataSource;
  /** Connection string of the application login. */
  url: string;
  /** Connected as the owner that ran the migrations: only for tests that must do what the API cannot (tamper, bypass triggers). */
  ownerDataSource: DataSource;
  ownerUrl: string;
  drop(): Promise<void>;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest -c apps/api/jest.config.js`);
  return value;
}

/** A fresh database on the test cluster for one suite, migrated as the owner and used as the application login. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requiredEnv('CCG_TEST_ADMIN_URL');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const owner = new URL(adminUrl);
  owner.pathname = `/${name}`;
  const ownerUrl = owner.toString();
  const url = withCredentials(ownerUrl, requiredEnv('CCG_TEST_APP_USER'), requiredEnv('CCG_TEST_APP_PASSWORD'));
  const ownerDataSource = createDataSource(ownerUrl, { poolSize: 2, applicationName: 'ccg-assure-test-owner' });
  await ownerDataSource.initialize();
  await migrate(ownerDataSource);
  const dataSource = createDataSource(url, { poolSize: 5, applicationName: 'ccg-assure-test' });
  await dataSource.initialize();
  return {
    dataSource,
    url,
    ownerDataSource,
    ownerUrl,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (ownerDataSource.isInitialized) await ownerDataSource.destroy();
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
