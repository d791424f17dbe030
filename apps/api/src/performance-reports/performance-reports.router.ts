import { todayInEngland } from '@ccg-assure/domain';
import express, { type Request } from 'express';
import { readSessionToken } from '../auth/session-cookie';
import type { Viewer } from '../auth/viewer';
import { sendFile } from '../server/file-response';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import { renderPerformanceReport } from './performance-report.pdf';

/** A published report is public, but a draft is not: no shared cache may keep any of them (a draft changes; a correction supersedes). */
const REPORT_FILES = { failure: 'performance report PDF failed', cacheControl: 'private, no-store' };

/**
 * GET /reports/performance-reports/<id>.pdf: a version of a monthly performance report with its sign-off record. Anyone
 * for a published version (and a published one since superseded); the report's readers (its CCG's staff, NHS England's
 * administrators, the higher board once the CCG has signed) for the others, by the session cookie. 404 otherwise, in
 * JSON with the API's codes as the other report routes answer: a report's existence is not told.
 */
export function performanceReportsRouter(services: Pick<Services, 'auth' | 'performanceReports'>, logger: Logger): express.Router {
  const router = express.Router();

  const viewerOf = async (req: Request): Promise<Viewer | null> => {
    const token = readSessionToken(req);
    const viewer = token ? await services.auth.viewerForToken(token) : null;
    // One who must change a one-time password first gets what the public gets.
    return viewer?.mustChangePassword ? null : viewer;
  };

  router.get('/performance-reports/:id.pdf', (req, res) =>
    sendFile(req, res, logger, REPORT_FILES, async () => {
      const viewer = await viewerOf(req);
      const found = await services.performanceReports.reportForPdf(viewer, String(req.params.id));
      const fileName = `performance-report-${found.report.ccgCode}-${found.report.month.slice(0, 7)}-v${found.report.version}.pdf`;
      return { bytes: await renderPerformanceReport(found, todayInEngland(new Date())), type: 'application/pdf', fileName };
    }),
  );

  return router;
}
