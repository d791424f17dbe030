import { DomainError, organisationName, parseFinancialYear, todayInEngland } from '@ccg-assure/domain';
import express, { type Request, type Response } from 'express';
import { AppError } from '../server/app-error';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import { renderCcgAssuranceReport, renderEnglandAssuranceReport } from './assurance-report.pdf';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * The annual assurance reports as PDF downloads, public like the published data they print:
 * GET /reports/assurance/england/2015-16.pdf and GET /reports/assurance/<CCG code>/2015-16.pdf. Errors
 * answer in JSON with the API's codes (404 NO_PUBLISHED_ASSESSMENTS when nothing was published).
 */
export function assuranceReportRouter(services: Pick<Services, 'assuranceReports' | 'organisations'>, logger: Logger): express.Router {
  const router = express.Router();

  router.get('/england/:year.pdf', (req, res) =>
    send(req, res, logger, async () => {
      const report = await services.assuranceReports.englandReport(String(req.params.year), todayInEngland(new Date()));
      const names = new Map((await services.organisations.byCodes(report.ccgs.map((entry) => entry.ccgCode))).map((row) => [row.code, row.name]));
      return { bytes: await renderEnglandAssuranceReport(report, names), fileName: `ccg-assurance-england-${urlSegmentOf(report.financialYear)}.pdf` };
    }),
  );

  router.get('/:ccg/:year.pdf', (req, res) =>
    send(req, res, logger, async () => {
      const report = await services.assuranceReports.ccgReport(String(req.params.ccg), String(req.params.year), todayInEngland(new Date()));
      const [ccg] = await services.organisations.byCodes([report.ccgCode]);
      return { bytes: await renderCcgAssuranceReport(report, ccg ? organisationName(ccg.name) : report.ccgCode), fileName: `ccg-assurance-${report.ccgCode}-${urlSegmentOf(report.financialYear)}.pdf` };
    }),
  );

  // Anything else under /reports/assurance falls through: the web app's printable report pages live there too.
  return router;
}

/** '2015/16' -> '2015-16', as an address and a file name write it. */
const urlSegmentOf = (financialYear: string) => parseFinancialYear(financialYear).urlSegment;

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
      res.status(STATUS[error.code] ?? 400).json({ code: error.code, reason: error.reason, message: error.message, ...(error.details ? { details: error.details } : {}) });
    } else if (error instanceof DomainError) {
      res.status(400).json({ code: 'BAD_USER_INPUT', reason: error.code, message: error.message });
    } else {
      const requestId = res.locals.requestId as string | undefined;
      logger.error('assurance report failed', { requestId, path: req.originalUrl, error });
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side. Quote reference ${requestId ?? 'unknown'} if you report it.` });
    }
  }
}
