import type { Logger } from './logger';
import type { Viewer } from '../auth/viewer';
import type { SessionCookie } from '../auth/session-cookie';
import type { Loaders } from './loaders';
import type { Services } from './services';

/** Everything a resolver may use for one request. Created per request (see `app.ts`). */
export interface RequestContext {
  requestId: string;
  /** The client's IP address as Express sees it (`req.ip`: behind a proxy, only with `trust proxy` set); null outside HTTP. */
  clientAddress: string | null;
  /** The client's User-Agent header, if any (kept with a new session). */
  userAgent?: string | null;
  viewer: Viewer | null;
  /** The raw session token from the cookie, if any (to revoke on sign-out). */
  sessionToken: string | null;
  sessionCookie: SessionCookie;
  logger: Logger;
  /** Every area's services, shared by all requests (see `services.ts`). */
  services: Services;
  /** Per-request DataLoaders: every field resolver that reads the database goes through one. */
  loaders: Loaders;
  /** The key the response cache keeps this request's answer under (response-cache.ts); absent when it is off or cannot. */
  responseCacheKey?: string | null;
}
