import { todayInEngland } from '@ccg-assure/domain';
import express, { type Request } from 'express';
import { passwordChangeRequired } from '../auth/access';
import { readSessionToken } from '../auth/session-cookie';
import { unauthenticated } from '../server/app-error';
import { sendFile } from '../server/file-response';
import type { Logger } from '../server/logger';
import type { Services } from '../server/services';
import type { Viewer } from '../auth/viewer';
import { renderContractNoticeLetter } from './contract-notice-letter.pdf';
import { sanctionLedgerCsv, sanctionLedgerXlsx, XLSX_TYPE } from './sanction-ledger-files';

/** Contracts are not public: no shared cache may keep them. */
const CONTRACT_FILES = { failure: 'contract file failed', cacheControl: 'private, no-store' };

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
    sendFile(req, res, logger, CONTRACT_FILES, async () => {
      const letter = await services.sanctions.noticeLetter(await viewerOf(req), String(req.params.id));
      return { bytes: await renderContractNoticeLetter(letter, todayInEngland(new Date())), type: 'application/pdf', fileName: `contract-notice-${letter.notice.id}.pdf` };
    }),
  );

  router.get('/contracts/:id/sanctions.csv', (req, res) =>
    sendFile(req, res, logger, CONTRACT_FILES, async () => {
      const { ledger } = await services.sanctions.ledgerExport(await viewerOf(req), String(req.params.id));
      return { bytes: Buffer.from(sanctionLedgerCsv(ledger), 'utf8'), type: 'text/csv; charset=utf-8', fileName: `sanctions-ledger-${ledger.contract.providerCode}-${ledger.contract.financialYear.replace('/', '-')}.csv` };
    }),
  );

  router.get('/contracts/:id/sanctions.xlsx', (req, res) =>
    sendFile(req, res, logger, CONTRACT_FILES, async () => {
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
