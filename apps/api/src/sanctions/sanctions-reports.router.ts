import { DomainError, todayInEngland } from '@ccg-assure/domain';
import express, { type Request, type Response } from 'express';
import { passwordChangeRequired } from '../auth/access';
import { readSessionToken } from '../auth/session-cookie';
import { AppError, unauthenticated } from '../server/app-error';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import type { Viewer } from '../auth/viewer';
import { renderContractNoticeLetter } from './contract-notice-letter.pdf';
import { sanctionLedgerCsv, sanctionLedgerXlsx, XLSX_TYPE } from './sanction-ledger-files';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Contract files, by the session cookie (contracts are not public):
 * GET /reports/contract-notices/<id>.pdf, the notice as a printable letter, and
 * GET /reports/contracts/<id>/sanctions.csv and .xlsx, the sanctions ledger. Readable by the contract's lead and
 * associate commissioning managers and finance officers, analysts and NHS England assessors; errors answer in JSON with
 * the API's codes, as the assurance report routes do (401 signed out, 403 anyone else, 404 no such record).
 */
export function sanctionsReportRouter(services: Pick<Services, 'auth' | 'sanctions'>, logger: Logger): express.Router {
  const router = express.Router();

  const viewerOf = async (req: Request): Promise<Viewer> => {
    const token = readSessionToken(req);
    const viewer = token ? await services.auth.viewerForToken(token) : null;
    if (!viewer) throw unauthenticated();
    if (viewer.mustChangePassword) throw passwordChangeRequired();
    return viewer;
  };

  router.get('/contract-notices/:id.pdf', (req, res) =>
    send(req, res, logger, async () => {
      const letter = await services.sanctions.noticeLetter(await viewerOf(req), String(req.params.id));
      return { bytes: await renderContractNoticeLetter(letter, todayInEngland(new Date())), type: 'application/pdf', fileName: `contract-notice-${letter.notice.id}.pdf` };
    }),
  );

  router.get('/contracts/:id/sanctions.csv', (req, res) =>
    send(req, res, logger, async () => {
      const { ledger } = await services.sanctions.ledgerExport(await viewerOf(req), String(req.params.id));
      return { bytes: Buffer.from(sanctionLedgerCsv(ledger), 'utf8'), type: 'text/csv; charset=utf-8', fileName: `sanctions-ledger-${ledger.contract.providerCode}-${ledger.contract.financialYear.replace('/', '-')}.csv` };
    }),
  );

  router.get('/contracts/:id/sanctions.xlsx', (req, res) =>
    send(req, res, logger, async () => {
      const { ledger, names } = await services.sanctions.ledgerExport(await viewerOf(req), String(req.params.id));
      return {
        bytes: await sanctionLedgerXlsx(ledger, names, todayInEngland(new Date())),
        type: XLSX_TYPE,
        fileName: `sanctions-ledger-${ledger.contract.providerCode}-${ledger.contract.financialYear.replace('/', '-')}.xlsx`,
      };
    }),
  );

  return router;
}

async function send(req: Request, res: Response, logger: Logger, make: () => Promise<{ bytes: Buffer; type: string; fileName: string }>): Promise<void> {
  try {
    const { bytes, type, fileName } = await make();
    res.status(200);
    res.setHeader('content-type', type);
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('content-length', String(bytes.length));
    // Contracts are not public: no shared cache may keep them.
    res.setHeader('cache-control', 'private, no-store');
    res.end(bytes);
  } catch (error) {
    if (error instanceof AppError) {
      res.status(STATUS[error.code] ?? 400).json({ code: error.code, reason: error.reason, message: error.message, ...(error.details ? { details: error.details } : {}) });
    } else if (error instanceof DomainError) {
      res.status(400).json({ code: 'BAD_USER_INPUT', reason: error.code, message: error.message });
    } else {
      const requestId = res.locals.requestId as string | undefined;
      logger.error('contract file failed', { requestId, path: req.originalUrl, error });
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side. Quote reference ${requestId ?? 'unknown'} if you report it.` });
    }
  }
}
