import { availableParallelism } from 'node:os';
import path from 'node:path';

/** Runtime configuration, read once from the environment (documented in the README). */
export interface AppConfig {
  /** Connection string of an external PostgreSQL; absent means the embedded database. */
  databaseUrl: string | null;
  /** Connection string of the tables' owner, for migrations (MIGRATION_DATABASE_URL, else DATABASE_URL). */
  migrationDatabaseUrl: string | null;
  port: number;
  production: boolean;
  /** Workspace root: where `.data/`, `dist/` and the bundled data are found. */
  rootDir: string;
  /** Folder of the embedded PostgreSQL cluster and other local state. */
  dataDir: string;
  embeddedPostgresPort: number;
  /** Built SPA served at `/` in production mode. */
  webDistDir: string;
  /** Folder of the real NHS data files loaded on first start. */
  sharedDataDir: string;
  corsOrigins: string[];
  cookieSecure: boolean;
  sessionTtlHours: number;
  logLevel: LogLevel;
  /** How many processes serve requests (API_WORKERS: a number, or `auto` for one per core); 1 serves in-process. */
  apiWorkers: number;
  /** Whether queries' answers are kept in memory, keyed by data version (RESPONSE_CACHE: on, the default, or off; decision 0036). */
  responseCache: boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const rootDir = path.resolve(env.CCG_ROOT ?? process.cwd());
  const dataDir = path.resolve(rootDir, env.CCG_DATA_DIR ?? '.data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  return {
    databaseUrl,
    migrationDatabaseUrl: databaseUrl ? env.MIGRATION_DATABASE_URL?.trim() || databaseUrl : null,
    port: readInteger(env, 'PORT', 4000),
    production: env.NODE_ENV === 'production',
    rootDir,
    dataDir,
    embeddedPostgresPort: readInteger(env, 'EMBEDDED_PG_PORT', 54329),
    webDistDir: path.resolve(rootDir, env.WEB_DIST_DIR ?? 'dist/apps/web'),
    sharedDataDir: path.resolve(rootDir, env.SHARED_DATA_DIR ?? '../shared/data'),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    cookieSecure: env.COOKIE_SECURE === 'true',
    sessionTtlHours: readInteger(env, 'SESSION_TTL_HOURS', 12),
    logLevel: readLogLevel(env.LOG_LEVEL),
    apiWorkers: readWorkers(env.API_WORKERS),
    responseCache: readSwitch(env, 'RESPONSE_CACHE', true),
  };
}

/** API_WORKERS: unset means 1; `auto` means one per core the machine offers to this process. */
function readWorkers(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  if (raw.trim() === 'auto') return availableParallelism();
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`API_WORKERS must be auto or a whole number from 1 to 64, got "${raw}"`);
  return value;
}

function readSwitch(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

function readLogLevel(raw: string | undefined): LogLevel {
  const levels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
  if (raw === undefined || raw === '') return 'info';
  if (!levels.includes(raw as LogLevel)) throw new Error(`LOG_LEVEL must be one of ${levels.join(', ')}`);
  return raw as LogLevel;
}
