import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import { databaseAnswers } from './health-check.queries';

/** GET /healthz: 200 `{ status: 'ok' }` while the database answers, else 503 `{ status: 'unavailable' }`. */
export function installHealthCheck(app: Express, dataSource: DataSource, logger: Logger): void {
  app.get('/healthz', async (_req, res) => {
    try {
      await databaseAnswers.one(dataSource.manager, []);
      res.json({ status: 'ok' });
    } catch (error) {
      logger.warn('health check failed', { requestId: res.locals.requestId, error });
      res.status(503).json({ status: 'unavailable' });
    }
  });
}
