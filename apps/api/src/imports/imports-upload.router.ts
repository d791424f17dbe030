import { pipeline, Transform, type TransformCallback } from 'node:stream';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { readSessionToken } from '../auth/session-cookie';
import { Role } from '../auth/role';
import { passwordChangeRequired } from '../auth/access';
import { hasAnyRole } from '../auth/viewer';
import { AppError, forbidden, unauthenticated } from '../server/app-error';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import { importKinds } from './kinds';
import { toImportBatch } from './imports.resolver';

/** Largest file one upload may carry: 200 MB, far above the /graphql body limit (the 2015-19 A&E file is under 10 MB). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** The header a browser form cannot send and a cross-site page cannot send without a CORS preflight this API refuses. */
export const UPLOAD_HEADER = 'x-ccg-upload';

/** The optional header naming the upload with a UUID the client chose, to watch its progress (importProgress). */
export const UPLOAD_ID_HEADER = 'x-ccg-upload-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file name as kept in the import history: 1 to 255 characters, no path and no control characters. */
const isFileName = (name: string) => name.length >= 1 && name.length <= 255 && !/[/\\]/.test(name) && ![...name].some((char) => char < ' ');

/**
 * POST /imports/<kind>?fileName=<name>: one national data file streamed straight into the import service (as
 * `npm run import` does), all or nothing, answering the import batch as JSON, as importData does. Analysts and
 * administrators, by the session cookie; the `x-ccg-upload: 1` header and a `text/csv` body are required, so no
 * form on another site can post a file with the user's cookie (docs/decisions/0016-graphql-limits.md).
 */
export function importsUploadRouter(services: Services, logger: Logger): Router {
  const router = express.Router();
  router.post('/:kind', async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (req.header(UPLOAD_HEADER) !== '1') throw new AppError('FORBIDDEN', 'UPLOAD_HEADER_REQUIRED', `An upload must carry the header ${UPLOAD_HEADER}: 1.`);
      const token = readSessionToken(req);
      const viewer = token ? await services.auth.viewerForToken(token) : null;
      if (!viewer) throw unauthenticated();
      if (viewer.mustChangePassword) throw passwordChangeRequired();
      if (!hasAnyRole(viewer, [Role.ANALYST, Role.ADMIN])) throw forbidden();
      const kind = importKinds[String(req.params.kind)];
      if (!kind) throw new AppError('NOT_FOUND', 'IMPORT_KIND_UNKNOWN', `There is no import kind "${String(req.params.kind)}".`, { field: 'kind' });
      if (!/^text\/csv\b/i.test(req.header('content-type') ?? '')) throw new AppError('BAD_USER_INPUT', 'UPLOAD_NOT_CSV', 'Send the file as text/csv.', { field: 'content-type' });
      const fileName = typeof req.query.fileName === 'string' ? req.query.fileName : '';
      if (!isFileName(fileName)) throw new AppError('BAD_USER_INPUT', 'FILE_NAME_INVALID', 'Give the file name (1 to 255 characters, no path) as ?fileName=.', { field: 'fileName' });
      if (Number(req.header('content-length') ?? 0) > MAX_UPLOAD_BYTES) throw uploadTooLarge();
      const uploadId = req.header(UPLOAD_ID_HEADER) ?? null;
      if (uploadId !== null && !UUID.test(uploadId)) throw new AppError('BAD_USER_INPUT', 'UPLOAD_ID_INVALID', `${UPLOAD_ID_HEADER} must be a UUID.`, { field: UPLOAD_ID_HEADER });

      const stream = limitBytes(MAX_UPLOAD_BYTES);
      // A client that goes away mid-file fails the import (nothing kept), like a file too large.
      pipeline(req, stream, () => undefined);
      const report = await services.imports.run({
        kind,
        fileName,
        stream,
        uploadId: uploadId?.toLowerCase() ?? null,
        actor: { userId: viewer.userId, username: viewer.username, requestId: res.locals.requestId as string },
      });
      res.json(toImportBatch(await services.imports.batch(report.batchId)));
    } catch (error) {
      next(error);
    }
  });
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof AppError)) {
      logger.error('upload failed', { requestId: res.locals.requestId, error });
      return next(error);
    }
    // A refused upload is answered before its body is read: stop reading it.
    if (!req.complete) res.setHeader('connection', 'close');
    res.status(statusOf(error)).json({ errors: [{ message: error.message, extensions: { code: error.code, reason: error.reason, ...(error.details ? { details: error.details } : {}) } }] });
  });
  return router;
}

const uploadTooLarge = () => new AppError('BAD_USER_INPUT', 'UPLOAD_TOO_LARGE', `A file may be at most ${MAX_UPLOAD_BYTES} bytes.`, { max: MAX_UPLOAD_BYTES });

function statusOf(error: AppError): number {
  if (error.reason === 'UPLOAD_TOO_LARGE') return 413;
  return { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 }[error.code];
}

/** Passes bytes through until `max`, then fails the stream with UPLOAD_TOO_LARGE (a lying Content-Length included). */
function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      callback(seen > max ? uploadTooLarge() : null, seen > max ? undefined : chunk);
    },
  });
}
