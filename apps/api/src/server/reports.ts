import type { Express } from 'express';
import { assuranceReportRouter } from '../assurance-reports/assurance-report.router';
import type { Logger } from './logger';
import type { Services } from './services';

/** The annual assurance reports as PDF: public, from published data only (/reports/assurance/...). */
export function installReports(app: Express, services: Services, logger: Logger): void {
  app.use('/reports/assurance', assuranceReportRouter(services, logger));
}
