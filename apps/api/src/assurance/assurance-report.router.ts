import { DomainError } from '@ccg-assure/domain';
import express, { type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { OrganisationsService } from '../organisations/organisations.service';
import { AppError } from '../server/app-error';
import type { Logger } from '../server/logger';
import { renderCcgAssuranceReport, renderEnglandAssuranceReport } from './assurance-report.pdf';
import { AssuranceReportsService } from './assurance-reports.service';
import { parseFinancialYear } from './quarters';
import { today } from './today';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * The annual assurance reports as PDF downloads, public like the published data they print:
 * GET /reports/assurance/england/2015-16.pdf and GET /reports/assurance/<CCG code>/2015-16.pdf. Errors
 * answer in JSON with the API's codes (404 NO_PUBLISHED_ASSESSMENTS when nothing was published).
 */
export function assuranceReportRouter(dataSource: DataSource, logger: Logger): express.Router {
  const router = express.Router();
  const reports = () => new AssuranceReportsService(dataSource);

  router.get('/england/:year.pdf', (req, res) =>
    send(req, res, logger, async () => {
      const report = await reports().englandReport(parseFinancialYear(String(req.params.year)).label, today());
      const names = new Map((await new OrganisationsService(dataSource).byCodes(report.ccgs.map((entry) => entry.ccgCode))).map((row) => [row.code, row.name]));
      return { bytes: await renderEnglandAssuranceReport(report, names), fileName: `ccg-assurance-england-${report.financialYear.replace('/', '-')}.pdf` };
    }),
  );

  router.get('/:ccg/:year.pdf', (req, res) =>
    send(req, res, logger, async () => {
      const report = await reports().ccgReport(String(req.params.ccg), parseFinancialYear(String(req.params.year)).label, today());
      const [ccg] = await new OrganisationsService(dataSource).byCodes([report.ccgCode]);
      return { bytes: await renderCcgAssuranceReport(report, ccg?.name ?? report.ccgCode), fileName: `ccg-assurance-${report.ccgCode}-${report.financialYear.replace('/', '-')}.pdf` };
    }),
  );

  // Anything else under /reports/assurance falls through: the web app's printable report pages live there too.
  return router;
}

async function send(req: Request, res: Response, logger: Logger, make: () => Promise<{ bytes: Buffer; fileName: string }>): Promise<void> {
  try {
    const { bytes, fileName } = await make();
    res.status(200);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('content-length', String(bytes.length));
    res.setHeader('cache-control', 'no-cache');
    res.end(bytes);
  } catch (error) {
    if (error instanceof AppError) {
      res.status(STATUS[error.code] ?? 400).json({ code: error.code, reason: error.reason, message: error.message });
    } else if (error instanceof DomainError) {
      res.status(400).json({ code: 'BAD_USER_INPUT', reason: error.code, message: error.message });
    } else {
      const requestId = res.locals.requestId as string | undefined;
      logger.error('assurance report failed', { requestId, path: req.originalUrl, error });
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side. Quote reference ${requestId ?? 'unknown'} if you report it.` });
    }
  }
}
