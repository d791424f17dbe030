import { requireIsoDate, tryParseFinancialYear, type FinancialYear } from '@ccg-assure/domain';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';
import type { RowError } from './import-batch.entity';
import type { CopyValue } from '../scores/copy-writer';
import type { StagingTable } from './staging.queries';

/** Why a row was refused; reported with its line number. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ImportCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

/**
 * One kind of national data file. Rows are validated one by one and staged in the kind's temporary
 * table; `apply` then merges the staged rows into the real tables with set-based typed statements, inside
 * the import's single transaction, and audits what changed.
 */
export interface ImportKind<T> {
  /** Stable name used by the CLI and the API, for example `ae`. */
  name: string;
  description: string;
  /** Columns that must be present in the header (others are ignored). */
  requiredColumns: string[];
  /** The staging table, with its columns in the order `stage` returns values and the key unique within one file. */
  staging: StagingTable;
  parseRow(row: Record<string, string>): RowResult<T>;
  stage(value: T): readonly CopyValue[];
  /**
   * Checks of the staged rows that need the database (a code must name a known indicator or organisation): the
   * bad lines, in line order, the first MAX_REPORTED_ERRORS. Run after the repeated-row check, before `apply`; any
   * line refuses the whole file, reported like a bad row.
   */
  checkStaged?(manager: EntityManager): Promise<RowError[]>;
  apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts>;
}

export interface ApplyContext {
  batchId: string;
  fileName: string;
  actor: AuditActor;
  /** Runs one step of the merge, its time counted under `step` in the import's report. */
  time<R>(step: string, work: () => Promise<R>): Promise<R>;
}

export const ok = <T>(value: T): RowResult<T> => ({ ok: true, value });
export const refuse = <T>(reason: string): RowResult<T> => ({ ok: false, reason });

/**
 * PostgreSQL cannot keep U+0000 in text: a cell holding one makes its row bad (reported with its line like any
 * other), never a failed import. Every kind's parseRow asks this first.
 */
export function refuseNulCell<T>(row: Record<string, string>): RowResult<T> | null {
  const column = Object.keys(row).find((name) => row[name].includes('\u0000') || name.includes('\u0000'));
  return column === undefined ? null : refuse(`${column.replaceAll('\u0000', '\\0')} contains the NUL character (U+0000)`);
}

/**
 * A pure function of a cell's text that remembers its results, for columns that repeat a few values over a large
 * file (its months): the calendar's checks then run once a value, not once a row. Keeps at most `limit` results.
 */
export function remembered<R>(compute: (text: string) => R, limit = 1000): (text: string) => R {
  const results = new Map<string, R>();
  return (text) => {
    if (results.has(text)) return results.get(text) as R;
    const result = compute(text);
    if (results.size >= limit) results.clear();
    results.set(text, result);
    return result;
  };
}

/** A whole count from 0 to 2^31-1, written in plain digits. */
export function parseCount(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : null;
}

export const ODS_CODE = /^[A-Z0-9]{3,6}$/;

/** A real calendar date written yyyy-mm-dd (the domain's calendar decides), or null. */
export function parseDate(text: string): string | null {
  try {
    return requireIsoDate(text, 'date');
  } catch {
    return null;
  }
}

/** A financial year written exactly as the NHS writes it, "2016/17" (the domain's calendar decides), or null. */
export function parseFinancialYearLabel(text: string): FinancialYear | null {
  const year = tryParseFinancialYear(text);
  return year?.label === text ? year : null;
}
