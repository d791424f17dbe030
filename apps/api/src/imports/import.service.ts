import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { AppError } from '../server/app-error';
import { pageSize } from '../server/pagination';
import { readCsv } from './csv-reader';
import type { ImportCounts, ImportKind } from './import-kind';

export type ImportOutcome = 'SUCCEEDED' | 'UNCHANGED' | 'REJECTED';

export interface RowError {
  line: number;
  reason: string;
}

export interface ImportReport {
  batchId: string;
  kind: string;
  fileName: string;
  outcome: ImportOutcome;
  rowsRead: number;
  rowsRejected: number;
  counts: ImportCounts;
  /** The first MAX_REPORTED_ERRORS bad rows, in file order. */
  errors: RowError[];
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
}

export interface ImportRequest {
  kind: ImportKind<unknown>;
  fileName: string;
  stream: Readable;
  actor: AuditActor;
  onProgress?: (progress: ImportProgress) => void;
}

export const MAX_REPORTED_ERRORS = 1000;
const STAGE_BATCH_ROWS = 2000;

/**
 * Imports one file, all or nothing, in one transaction: streams and validates every row into a
 * temporary staging table (bounded memory), refuses the whole file if any row is bad (reporting
 * each bad row's line and reason), otherwise merges it with set-based SQL. The same file again
 * changes nothing. Every import, refused or not, is kept in `import_batch`.
 */
export async function runImport(dataSource: DataSource, request: ImportRequest): Promise<ImportReport> {
  const { kind, fileName, actor } = request;
  const hash = createHash('sha256');
  let bytesRead = 0;
  const hashed = new PassThrough();
  request.stream.on('data', (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    hash.update(buffer);
    bytesRead += buffer.length;
  });
  request.stream.on('error', (error) => hashed.destroy(error));
  request.stream.pipe(hashed);

  const errors: RowError[] = [];
  let rowsRejected = 0;
  let rowsRead = 0;
  let sha256: string | null = null;
  const fileHash = () => (sha256 ??= hash.digest('hex'));
  const reject = (line: number, reason: string) => {
    rowsRejected++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line, reason });
  };

  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.startTransaction();
    const manager = queryRunner.manager;
    // A large file legitimately runs longer than the API's 30-second statement limit.
    await manager.query(`SET LOCAL statement_timeout = '30min'`);
    // One import of a kind at a time: a second waits rather than interleaving.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${kind.name}`]);
    const [{ id: batchId }] = await manager.query(
      `INSERT INTO import_batch (kind, file_name, file_sha256, outcome, actor_user_id, actor_username)
       VALUES ($1, $2, repeat('0', 64), 'SUCCEEDED', $3, $4) RETURNING id`,
      [kind.name, fileName, actor.userId, actor.username],
    );
    const staging = `staging_${kind.name.replace(/[^a-z0-9]/g, '_')}`;
    await manager.query(
      `CREATE TEMP TABLE ${staging} (line integer NOT NULL, ${kind.stagingColumns.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`,
    );

    let header: string[] | null = null;
    let buffered: unknown[][] = [];
    const flush = async () => {
      if (buffered.length === 0) return;
      await stageRows(manager, staging, kind, buffered);
      buffered = [];
    };
    for await (const row of readCsv(hashed)) {
      if (!header) {
        header = row.cells.map((cell) => cell.trim());
        const missing = kind.requiredColumns.filter((column) => !header?.includes(column));
        if (missing.length) {
          throw new AppError('BAD_USER_INPUT', 'IMPORT_HEADER_INVALID', `Line 1: the header lacks the column(s) ${missing.join(', ')} needed for a ${kind.description}.`, {
            line: 1,
            missing,
          });
        }
        continue;
      }
      if (row.cells.length === 1 && row.cells[0].trim() === '') continue;
      rowsRead++;
      if (row.cells.length !== header.length) {
        reject(row.line, `has ${row.cells.length} fields; the header has ${header.length}`);
        continue;
      }
      const record: Record<string, string> = {};
      header.forEach((column, index) => (record[column] = row.cells[index].trim()));
      const parsed = kind.parseRow(record);
      if (!parsed.ok) {
        reject(row.line, parsed.reason);
        continue;
      }
      if (rowsRejected === 0) buffered.push([row.line, ...kind.stage(parsed.value)]);
      if (buffered.length >= STAGE_BATCH_ROWS) await flush();
      if (rowsRead % 10_000 === 0) request.onProgress?.({ rowsRead, bytesRead });
    }
    if (!header) throw new AppError('BAD_USER_INPUT', 'IMPORT_FILE_EMPTY', 'The file is empty: it has no header row.');
    await flush();
    await manager.query(`ANALYZE ${staging}`);
    request.onProgress?.({ rowsRead, bytesRead });

    if (rowsRejected === 0 && kind.uniqueKey.length) {
      const keys = kind.uniqueKey.join(', ');
      const duplicates: { line: number; first: number }[] = await manager.query(
        `SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY ${keys}) AS first FROM ${staging}) d WHERE line <> first ORDER BY line LIMIT ${MAX_REPORTED_ERRORS + 1}`,
      );
      for (const duplicate of duplicates) reject(duplicate.line, `repeats line ${duplicate.first} (same ${kind.uniqueKey.join(', ')})`);
    }
    fileHash();

    if (rowsRejected > 0) {
      await queryRunner.rollbackTransaction();
      const id = await recordRejected(dataSource, { kind: kind.name, fileName, sha256: fileHash(), rowsRead, rowsRejected, errors, actor });
      return { batchId: id, kind: kind.name, fileName, outcome: 'REJECTED', rowsRead, rowsRejected, counts: { inserted: 0, updated: 0, deleted: 0 }, errors };
    }

    const counts = await kind.apply(manager, { batchId, staging, fileName, actor });
    const outcome: ImportOutcome = counts.inserted + counts.updated + counts.deleted === 0 ? 'UNCHANGED' : 'SUCCEEDED';
    await manager.query(
      `UPDATE import_batch SET file_sha256 = $2, outcome = $3, finished_at = clock_timestamp(), rows_read = $4, inserted = $5, updated = $6, deleted = $7 WHERE id = $1`,
      [batchId, fileHash(), outcome, rowsRead, counts.inserted, counts.updated, counts.deleted],
    );
    await recordAudit(manager, actor, {
      action: `IMPORT_${kind.name.toUpperCase().replace(/-/g, '_')}`,
      entityType: 'import_batch',
      entityId: String(batchId),
      after: { fileName, sha256: fileHash(), outcome, rowsRead, ...counts },
    });
    await queryRunner.commitTransaction();
    return { batchId: String(batchId), kind: kind.name, fileName, outcome, rowsRead, rowsRejected: 0, counts, errors: [] };
  } catch (error) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    if (error instanceof AppError) {
      await recordRejected(dataSource, { kind: kind.name, fileName, sha256: fileHash(), rowsRead, rowsRejected, errors: [{ line: Number(error.details?.line ?? 0), reason: error.message }], actor });
    }
    throw error;
  } finally {
    await queryRunner.release();
    request.stream.unpipe(hashed);
  }
}

async function stageRows(manager: EntityManager, staging: string, kind: ImportKind<unknown>, rows: unknown[][]): Promise<void> {
  const width = kind.stagingColumns.length + 1;
  const placeholders = rows.map((_row, r) => `(${Array.from({ length: width }, (_c, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
  await manager.query(`INSERT INTO ${staging} (line, ${kind.stagingColumns.map((c) => c.name).join(', ')}) VALUES ${placeholders}`, rows.flat());
}

async function recordRejected(
  dataSource: DataSource,
  report: { kind: string; fileName: string; sha256: string; rowsRead: number; rowsRejected: number; errors: RowError[]; actor: AuditActor },
): Promise<string> {
  return dataSource.transaction(async (manager) => {
    const [{ id }] = await manager.query(
      `INSERT INTO import_batch (kind, file_name, file_sha256, outcome, finished_at, rows_read, rows_rejected, errors, actor_user_id, actor_username)
       VALUES ($1, $2, $3, 'REJECTED', clock_timestamp(), $4, $5, $6::jsonb, $7, $8) RETURNING id`,
      [report.kind, report.fileName, report.sha256, report.rowsRead, report.rowsRejected, JSON.stringify(report.errors), report.actor.userId, report.actor.username],
    );
    await recordAudit(manager, report.actor, {
      action: `IMPORT_REJECTED`,
      entityType: 'import_batch',
      entityId: String(id),
      after: { kind: report.kind, fileName: report.fileName, rowsRead: report.rowsRead, rowsRejected: report.rowsRejected },
    });
    return String(id);
  });
}

const BATCH_COLUMNS = `id::text, kind, file_name AS "fileName", file_sha256 AS "fileSha256", outcome, started_at AS "startedAt", rows_read AS "rowsRead",
  rows_rejected AS "rowsRejected", inserted, updated, deleted, errors, actor_username AS "actorUsername"`;

/** National data imports and their history. */
export class ImportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Imports one file, all or nothing (see `runImport`). */
  run(request: ImportRequest): Promise<ImportReport> {
    return runImport(this.dataSource, request);
  }

  /** One entry of the import history. */
  async batch(id: string): Promise<ImportBatchRow> {
    const [row] = await this.dataSource.query(`SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = $1`, [id]);
    return row;
  }

  /** The import history, newest first. */
  history(first: number): Promise<ImportBatchRow[]> {
    return this.dataSource.query(`SELECT ${BATCH_COLUMNS} FROM import_batch ORDER BY id DESC LIMIT $1`, [pageSize(first)]);
  }
}

export interface ImportBatchRow {
  id: string;
  kind: string;
  fileName: string;
  fileSha256: string;
  outcome: ImportOutcome;
  startedAt: Date;
  rowsRead: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  deleted: number;
  errors: RowError[];
  actorUsername: string | null;
}
