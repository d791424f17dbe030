import { constants } from 'node:zlib';
import compression from 'compression';
import type { Express } from 'express';

/**
 * Compresses what the server makes as it answers (GraphQL answers, the app's index page, CSV reports) with brotli or
 * gzip, as the client accepts (issue 19 point 5). Responses that already carry a Content-Encoding (the precompressed
 * static files of single-page-app.ts) pass through untouched; small answers (under 1 kB) are not worth it.
 * gzip at its fastest level (1) with an 8 kB window and less memory, brotli (which browsers ask for) at the middleware's
 * quality (4) with a 256 kB window: with zlib's defaults, setting up each stream's large window cost more CPU than
 * compressing a 10 kB answer, and gzip at level 6 more than running some queries, for a few per cent of bytes.
 * Decision 0028.
 */
export function installCompression(app: Express): void {
  app.use(
    compression({
      threshold: 1024,
      level: constants.Z_BEST_SPEED,
      windowBits: 13,
      memLevel: 6,
      brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 } },
    }),
  );
}
