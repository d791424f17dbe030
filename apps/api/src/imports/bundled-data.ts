import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Logger } from '../server/logger';
import { hasImported, runImport, type ImportReport } from './import.service';
import { importKinds } from './kinds';

/**
 * The real NHS data loaded on first start, in this order: the 2025 trust list and then the 2016
 * one (so trusts carry their 2016-19 names, as the A&E data does), the commissioners list, the
 * CCG hierarchy (period-correct CCG names), then the A&E return.
 */
export const BUNDLED_FILES: { kind: string; file: string }[] = [
  { kind: 'etr', file: 'ods_trusts_etr_2025.csv' },
  { kind: 'etr', file: 'ods_trusts_etr_2016.csv' },
  { kind: 'eccg', file: 'ods_ccgs_eccg_2025.csv' },
  { kind: 'ccg-hierarchy', file: 'ccg_hierarchy_qof_2016_2019.csv' },
  { kind: 'ae', file: 'ae_attendances.csv' },
];

/** Loads the bundled data unless a previous start already did (any A&E import on record). */
export async function loadBundledDataOnFirstStart(dataSource: DataSource, sharedDataDir: string, logger: Logger): Promise<ImportReport[]> {
  if (await hasImported(dataSource, 'ae')) return [];
  if (!existsSync(sharedDataDir)) {
    logger.warn('the bundled NHS data folder was not found; starting without data', { sharedDataDir });
    return [];
  }
  return loadBundledData(dataSource, sharedDataDir, logger);
}

export async function loadBundledData(dataSource: DataSource, sharedDataDir: string, logger: Logger): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const { kind, file } of BUNDLED_FILES) {
    const filePath = path.join(sharedDataDir, file);
    if (!existsSync(filePath)) {
      logger.warn('bundled data file missing; skipped', { file: filePath });
      continue;
    }
    const started = Date.now();
    const report = await runImport(dataSource, {
      kind: importKinds[kind],
      fileName: file,
      stream: createReadStream(filePath),
      actor: { userId: null, username: 'system', requestId: `first-start:${file}` },
    });
    logger.info('loaded bundled data', { file, kind, outcome: report.outcome, rowsRead: report.rowsRead, ...report.counts, durationMs: Date.now() - started });
    if (report.outcome === 'REJECTED') logger.error('bundled data file refused', { file, errors: report.errors.slice(0, 10) });
    reports.push(report);
  }
  return reports;
}
