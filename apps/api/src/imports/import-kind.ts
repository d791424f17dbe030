import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';

/** Why a row was refused; reported with its line number. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ImportCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

/**
 * One kind of national data file. Rows are validated one by one and staged in a temporary
 * table; `apply` then merges the staged rows into the real tables with set-based SQL, inside the
 * import's single transaction, and audits what changed.
 */
export interface ImportKind<T> {
  /** Stable name used by the CLI and the API, for example `ae`. */
  name: string;
  description: string;
  /** Columns that must be present in the header (others are ignored). */
  requiredColumns: string[];
  /** Staging table columns, in the order `stage` returns values. */
  stagingColumns: { name: string; type: string }[];
  parseRow(row: Record<string, string>): RowResult<T>;
  stage(value: T): unknown[];
  /** Key columns that must be unique within one file (duplicates are row errors). */
  uniqueKey: string[];
  apply(manager: EntityManager, context: ApplyContext): Promise<ImportCounts>;
}

export interface ApplyContext {
  batchId: string;
  staging: string;
  fileName: string;
  actor: AuditActor;
}

export const ok = <T>(value: T): RowResult<T> => ({ ok: true, value });
export const refuse = <T>(reason: string): RowResult<T> => ({ ok: false, reason });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in ISO form, or null. */
export function parseIsoDate(text: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : null;
}

/** A whole count from 0 to 2^31-1, written in plain digits. */
export function parseCount(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : null;
}

export const ODS_CODE = /^[A-Z0-9]{3,6}$/;
