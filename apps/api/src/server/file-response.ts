import { DomainError } from '@ccg-assure/domain';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import type { Logger } from './logger';

/** A file a report route answers with. */
export interface FileAnswer {
  bytes: Buffer;
  /** Its content type, for example application/pdf. */
  type: string;
  /** The name the browser saves it under. */
  fileName: string;
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Answers a report route with the file `make` produces, as an attachment; a typed refusal as JSON with its status
 * (`code`, `reason`, `message`, `details`), a domain refusal as BAD_USER_INPUT, anything else as a 500 that quotes
 * the request id (the error itself only in the log, as `failure`). The one way the report routes send files.
 */
export async function sendFile(
  req: Request,
  res: Response,
  logger: Logger,
  options: { failure: string; cacheControl: string },
  make: () => Promise<FileAnswer>,
): Promise<void> {
  try {
    const { bytes, type, fileName } = await make();
    res.status(200);
    res.setHeader('content-type', type);
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('content-length', String(bytes.length));
    res.setHeader('cache-control', options.cacheControl);
    res.end(bytes);
  } catch (error) {
    if (error instanceof AppError) {
      res.status(STATUS[error.code] ?? 400).json({ code: error.code, reason: error.reason, message: error.message, ...(error.details ? { details: error.details } : {}) });
    } else if (error instanceof DomainError) {
      res.status(400).json({ code: 'BAD_USER_INPUT', reason: error.code, message: error.message });
    } else {
      const requestId = res.locals.requestId as string | undefined;
      logger.error(options.failure, { requestId, path: req.originalUrl, error });
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side. Quote reference ${requestId ?? 'unknown'} if you report it.` });
    }
  }
}
