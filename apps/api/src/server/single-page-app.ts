import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from './logger';

/** Serves the built single-page app, with index.html for every client-side route (production only). */
export function installSinglePageApp(app: Express, webDistDir: string, logger: Logger): void {
  const index = path.join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn('the built web app was not found; only the API is served', { webDistDir });
    return;
  }
  app.use(express.static(webDistDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(index));
}
