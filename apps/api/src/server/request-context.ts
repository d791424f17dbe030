import type { EntityManager } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import type { Viewer } from '../auth/viewer';
import type { SessionCookie } from '../auth/session-cookie';

/** Everything a resolver may use for one request. Created per request (see `app.ts`). */
export interface RequestContext {
  requestId: string;
  viewer: Viewer | null;
  /** The raw session token from the cookie, if any (to revoke on sign-out). */
  sessionToken: string | null;
  sessionCookie: SessionCookie;
  dataSource: DataSource;
  logger: Logger;
}

export type TransactionManager = EntityManager;
