import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { assuranceReportRouter } from '../assurance/assurance-report.router';
import type { Logger } from './logger';

/** The annual assurance reports as PDF: public, from published data only (/reports/assurance/...). */
export function installReports(app: Express, dataSource: DataSource, logger: Logger): void {
  app.use('/reports/assurance', assuranceReportRouter(dataSource, logger));
}
