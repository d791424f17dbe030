import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from './logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request slower than this is logged at info level; others only at debug. */
export const SLOW_REQUEST_MS = 1000;

/** Apollo's formatError sees no context, so the request id also travels in async-local storage. */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being handled, if any. */
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;

/**
 * Gives every request an id (a well-formed incoming `x-request-id`, else a new UUID), echoes it in the
 * response header and `res.locals.requestId`, and logs each request once it finishes: at debug level, or at info
 * when slow and at warn when it failed, so the default log shows what needs attention rather than every request.
 */
export function installRequestLogging(app: Express, logger: Logger): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { requestId, method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, durationMs };
      // Quiet at the default level (issue 20): every request at debug; at info only a server error or a slow request.
      if (res.statusCode >= 500) logger.warn('request failed', line);
      else if (durationMs >= SLOW_REQUEST_MS) logger.info('slow request', line);
      else logger.debug('request', line);
    });
    requestScope.run({ requestId }, next);
  });
}
