import compression from 'compression';
import type { Express } from 'express';

/**
 * Compresses what the server makes as it answers (GraphQL answers, the app's index page, CSV reports) with brotli or
 * gzip, as the client accepts (issue 19 point 5). Responses that already carry a Content-Encoding (the precompressed
 * static files of single-page-app.ts) pass through untouched; small answers (under 1 kB) are not worth it.
 * Decision 0028.
 */
export function installCompression(app: Express): void {
  app.use(compression({ threshold: 1024 }));
}
