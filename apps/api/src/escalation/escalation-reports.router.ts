import { todayInEngland } from '@ccg-assure/domain';
import express, { type Request } from 'express';
import { passwordChangeRequired } from '../auth/access';
import { readSessionToken } from '../auth/session-cookie';
import type { Viewer } from '../auth/viewer';
import { unauthenticated } from '../server/app-error';
import { sendFile } from '../server/file-response';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import { renderBoardMeeting } from './board-meeting.pdf';

/** Board papers are not public: no shared cache may keep them. */
const BOARD_FILES = { failure: 'board meeting PDF failed', cacheControl: 'private, no-store' };

/**
 * GET /reports/board-meetings/<id>.pdf: a held meeting's frozen pack, decisions and minutes, by the session cookie.
 * The board's members only: 401 signed out; 404 for anyone else, a meeting not yet held or no such meeting (the
 * meeting's existence is not told), in JSON with the API's codes as the other report routes answer.
 */
export function escalationReportRouter(services: Pick<Services, 'auth' | 'escalation'>, logger: Logger): express.Router {
  const router = express.Router();

  const viewerOf = async (req: Request): Promise<Viewer> => {
    const token = readSessionToken(req);
    const viewer = token ? await services.auth.viewerForToken(token) : null;
    if (!viewer) throw unauthenticated();
    if (viewer.mustChangePassword) throw passwordChangeRequired();
    return viewer;
  };

  router.get('/board-meetings/:id.pdf', (req, res) =>
    sendFile(req, res, logger, BOARD_FILES, async () => {
      const viewer = await viewerOf(req);
      const held = await services.escalation.heldMeetingForPdf(viewer, String(req.params.id));
      return { bytes: await renderBoardMeeting(held, todayInEngland(new Date())), type: 'application/pdf', fileName: `board-meeting-${held.meeting.meetsOn}-${held.meeting.id}.pdf` };
    }),
  );

  return router;
}
