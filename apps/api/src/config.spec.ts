import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to the embedded database on port 4000 with data under .data', () => {
    const config = readConfig({ CCG_ROOT: '/srv/app' });
    expect(config).toMatchObject({ databaseUrl: null, port: 4000, production: false, dataDir: '/srv/app/.data', embeddedPostgresPort: 54329, logLevel: 'info' });
    expect(config.sharedDataDir).toBe(path.resolve('/srv/shared/data'));
  });

  it('reads DATABASE_URL, PORT, NODE_ENV and CORS origins', () => {
    const config = readConfig({ CCG_ROOT: '/a', DATABASE_URL: 'postgres://x/y', PORT: '8080', NODE_ENV: 'production', CORS_ORIGINS: 'http://a, http://b' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://x/y', port: 8080, production: true, corsOrigins: ['http://a', 'http://b'] });
  });

  it('migrates with MIGRATION_DATABASE_URL (the owner) when set, else with DATABASE_URL', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://app@x/y', MIGRATION_DATABASE_URL: 'postgres://owner@x/y' })).toMatchObject({
      databaseUrl: 'postgres://app@x/y',
      migrationDatabaseUrl: 'postgres://owner@x/y',
    });
    expect(readConfig({ DATABASE_URL: 'postgres://app@x/y' }).migrationDatabaseUrl).toBe('postgres://app@x/y');
    expect(readConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@x/y' }).migrationDatabaseUrl).toBeNull();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ API_WORKERS: '0' }, /API_WORKERS must be auto or a whole number from 1 to 64/],
    [{ API_WORKERS: 'many' }, /API_WORKERS must be auto or a whole number from 1 to 64/],
    [{ API_WORKERS: '2.5' }, /API_WORKERS must be auto/],
    [{ RESPONSE_CACHE: 'yes' }, /RESPONSE_CACHE must be on or off/],
  ])('refuses a bad setting with a clear message: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('serves from one process unless API_WORKERS asks for more; auto is one per core', () => {
    expect(readConfig({}).apiWorkers).toBe(1);
    expect(readConfig({ API_WORKERS: '3' }).apiWorkers).toBe(3);
    expect(readConfig({ API_WORKERS: 'auto' }).apiWorkers).toBe(availableParallelism());
  });

  it('keeps answers in the response cache unless RESPONSE_CACHE is off', () => {
    expect(readConfig({}).responseCache).toBe(true);
    expect(readConfig({ RESPONSE_CACHE: 'on' }).responseCache).toBe(true);
    expect(readConfig({ RESPONSE_CACHE: 'off' }).responseCache).toBe(false);
  });
});
