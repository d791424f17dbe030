import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { Logger } from './logger';

/** Hashed build outputs (their names change with their content) may be kept by browsers for a year, untouched. */
export const IMMUTABLE_ASSET = 'public, max-age=31536000, immutable';
/** Everything else the app serves (index.html, unhashed images) is checked with the server before each use. */
export const REVALIDATE = 'no-cache';

/** Files under /assets/ are named by Vite with a content hash, so a new build never reuses a name. */
function cacheControlFor(filePath: string, webDistDir: string): string {
  const relative = path.relative(webDistDir, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length === 2 ? IMMUTABLE_ASSET : REVALIDATE;
}

/**
 * Serves the built single-page app (production only), with index.html for every client-side route. Static files are
 * sent as the brotli or gzip copy made at build time (vite.config.ts) when the browser accepts it and the copy
 * exists, else as they are; hashed assets are cacheable for a year (issue 19 point 5, decision 0028).
 */
export function installSinglePageApp(app: Express, webDistDir: string, logger: Logger): void {
  const index = path.join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn('the built web app was not found; only the API is served', { webDistDir });
    return;
  }
  app.use(
    expressStaticGzip(webDistDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        cacheControl: false,
        setHeaders: (res: ServerResponse, filePath: string) => res.setHeader('Cache-Control', cacheControlFor(filePath, webDistDir)),
      },
    }),
  );
  app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.setHeader('Cache-Control', REVALIDATE).sendFile(index));
}
