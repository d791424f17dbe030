import type { Express } from 'express';
import { assuranceReportRouter } from '../assurance-reports/assurance-report.router';
import { escalationReportRouter } from '../escalation/escalation-reports.router';
import { performanceReportsRouter } from '../performance-reports/performance-reports.router';
import { sanctionsReportRouter } from '../sanctions/sanctions-reports.router';
import type { Logger } from './logger';
import type { Services } from './services';

/**
 * The annual assurance reports as PDF: public, from published data only (/reports/assurance/...); a contract notice
 * as a letter (/reports/contract-notices/<id>.pdf) and a contract's sanctions ledger as CSV and xlsx
 * (/reports/contracts/<id>/sanctions.csv|.xlsx), for the contract's readers only; a held board meeting's frozen pack,
 * decisions and minutes (/reports/board-meetings/<id>.pdf), for the board's members only; a monthly performance report with its
 * sign-off record (/reports/performance-reports/<id>.pdf), public once published, its readers' only before.
 */
export function installReports(app: Express, services: Services, logger: Logger): void {
  app.use('/reports/assurance', assuranceReportRouter(services, logger));
  app.use('/reports', sanctionsReportRouter(services, logger));
  app.use('/reports', escalationReportRouter(services, logger));
  app.use('/reports', performanceReportsRouter(services, logger));
}
