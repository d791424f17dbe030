import { organisationName, parseFinancialYear, todayInEngland } from '@ccg-assure/domain';
import express from 'express';
import { sendFile } from '../server/file-response';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import { renderCcgAssuranceReport, renderEnglandAssuranceReport } from './assurance-report.pdf';

/** Published reports may be kept by a browser, which checks them again before use (published data can be corrected). */
const REPORT_FILES = { failure: 'assurance report failed', cacheControl: 'no-cache' };

/**
 * The annual assurance reports as PDF downloads, public like the published data they print:
 * GET /reports/assurance/england/2015-16.pdf and GET /reports/assurance/<CCG code>/2015-16.pdf. Errors
 * answer in JSON with the API's codes (404 NO_PUBLISHED_ASSESSMENTS when nothing was published).
 */
export function assuranceReportRouter(services: Pick<Services, 'assuranceReports' | 'organisations'>, logger: Logger): express.Router {
  const router = express.Router();

  router.get('/england/:year.pdf', (req, res) =>
    sendFile(req, res, logger, REPORT_FILES, async () => {
      const report = await services.assuranceReports.englandReport(String(req.params.year), todayInEngland(new Date()));
      const names = new Map((await services.organisations.byCodes(report.ccgs.map((entry) => entry.ccgCode))).map((row) => [row.code, row.name]));
      return { bytes: await renderEnglandAssuranceReport(report, names), type: 'application/pdf', fileName: `ccg-assurance-england-${urlSegmentOf(report.financialYear)}.pdf` };
    }),
  );

  router.get('/:ccg/:year.pdf', (req, res) =>
    sendFile(req, res, logger, REPORT_FILES, async () => {
      const report = await services.assuranceReports.ccgReport(String(req.params.ccg), String(req.params.year), todayInEngland(new Date()));
      const [ccg] = await services.organisations.byCodes([report.ccgCode]);
      return { bytes: await renderCcgAssuranceReport(report, ccg ? organisationName(ccg.name) : report.ccgCode), type: 'application/pdf', fileName: `ccg-assurance-${report.ccgCode}-${urlSegmentOf(report.financialYear)}.pdf` };
    }),
  );

  // Anything else under /reports/assurance falls through: the web app's printable report pages live there too.
  return router;
}

/** '2015/16' -> '2015-16', as an address and a file name write it. */
const urlSegmentOf = (financialYear: string) => parseFinancialYear(financialYear).urlSegment;
