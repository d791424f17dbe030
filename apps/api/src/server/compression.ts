import { constants } from 'node:zlib';
import compression from 'compression';
import type { Express } from 'express';

/**
 * Compresses what the server makes as it answers (GraphQL answers, the app's index page, CSV reports) with brotli or
 * gzip, as the client accepts (issue 19 point 5). Responses that already carry a Content-Encoding (the precompressed
 * static files of single-page-app.ts) pass through untouched; small answers (under 1 kB) are not worth it.
 * gzip at its fastest level (1): at zlib's default (6) it cost more CPU than some queries, for a few per cent of
 * bytes; brotli, which browsers ask for, at the middleware's default quality (4). Decision 0028.
 */
export function installCompression(app: Express): void {
  app.use(compression({ threshold: 1024, level: constants.Z_BEST_SPEED }));
}
