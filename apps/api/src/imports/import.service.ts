import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { In, type DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { AppError } from '../server/app-error';
import { pageSize } from '../server/pagination';
import { readCsv } from './csv-reader';
import { ImportBatchEntity, type RowError } from './import-batch.entity';
import { ImportProgressWriter } from './import-progress';
import type { ImportCounts, ImportKind } from './import-kind';
import { allowLongImport, lockImportKind, markInterrupted } from './import.queries';
import { CopyWriter } from '../scores/copy-writer';
import { analyseTemporaryTable, createTemporaryTable, MAX_REPORTED_ERRORS, startStagingCopy } from './staging.queries';

export type ImportOutcome = 'SUCCEEDED' | 'UNCHANGED' | 'REJECTED';

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
  /** Where the time went: each step's milliseconds, in the order the steps ran (the benchmark prints them). */
  timings: ImportTimings;
}

/** Milliseconds by step of an import, in the order the steps first ran. */
export type ImportTimings = Record<string, number>;

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
  /** The id the uploading client chose to watch the import's progress (importProgress); unique among imports. */
  uploadId?: string | null;
}

/** Rows between two looks at the clock for the progress writer. */
const PROGRESS_EVERY_ROWS = 200;

/** The system, as the actor of what it does on its own (marking interrupted imports). */
const SYSTEM: AuditActor = { userId: null, username: null, requestId: null };

/**
 * Imports one file, all or nothing, in one transaction: streams and validates every row into a
 * temporary staging table (bounded memory), refuses the whole file if any row is bad (reporting
 * each bad row's line and reason), otherwise merges it with set-based SQL. The same file again
 * changes nothing. Every import, refused or not, is kept in `import_batch`: its row is written as RUNNING
 * in its own transaction once the kind's lock is held, then set to the outcome, so an import cut short by a
 * crash stays visible (markInterruptedImports shows it as INTERRUPTED) while its data rolls back.
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

  const timings: ImportTimings = {};
  let stepStarted = performance.now();
  /** Ends the step under way: its time is added to `step`'s. */
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = (timings[step] ?? 0) + Math.round(now - stepStarted);
    stepStarted = now;
  };
  const time = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    lap('other');
    const result = await work();
    lap(step);
    return result;
  };

  let batchId: string | null = null;
  let progress: ImportProgressWriter | null = null;
  let staging: CopyWriter | null = null;
  const queryRunner = dataSource.createQueryRunner();
  // The import's own connection: its rows are staged on it with COPY, inside its transaction (decision 0033).
  const client = (await queryRunner.connect()) as PoolClient;
  try {
    await queryRunner.startTransaction();
    const manager = queryRunner.manager;
    await allowLongImport.one(manager, []);
    await lockImportKind.one(manager, [`import:${kind.name}`]);
    // Committed at once, on another connection: it outlives a crash of this transaction.
    const runningBatchId = await dataSource.transaction((other) =>
      insertBatch(other, {
        kind: kind.name,
        fileName,
        fileSha256: '0'.repeat(64),
        outcome: 'RUNNING',
        phase: 'READING',
        actorUserId: actor.userId,
        actorUsername: actor.username,
        requestId: actor.requestId,
        uploadId: request.uploadId ?? null,
      }),
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? uploadIdInUse() : error;
    });
    batchId = runningBatchId;
    progress = new ImportProgressWriter(dataSource, runningBatchId);
    await createTemporaryTable(manager, kind.staging);
    lap('start');
    staging = new CopyWriter(startStagingCopy(client, kind.staging));

    let header: string[] | null = null;
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
      if (rowsRejected === 0 && staging.add([row.line, ...kind.stage(parsed.value)])) await staging.write();
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) progress.report(rowsRead, bytesRead);
      if (rowsRead % 10_000 === 0) request.onProgress?.({ rowsRead, bytesRead });
    }
    if (!header) throw new AppError('BAD_USER_INPUT', 'IMPORT_FILE_EMPTY', 'The file is empty: it has no header row.');
    progress.phase('CHECKING', rowsRead, bytesRead);
    await staging.end();
    staging = null;
    lap('read, validate and stage');
    await time('analyse staging', () => analyseTemporaryTable(manager, kind.staging));
    request.onProgress?.({ rowsRead, bytesRead });

    if (rowsRejected === 0) {
      const duplicates = await time('repeated rows', () => kind.staging.duplicates.rows(manager, []));
      for (const duplicate of duplicates) reject(duplicate.line, `repeats line ${duplicate.first} (same ${kind.staging.uniqueKey.join(', ')})`);
    }
    const checkStaged = kind.checkStaged;
    if (rowsRejected === 0 && checkStaged) {
      for (const error of await time('checks in the database', () => checkStaged(manager))) reject(error.line, error.reason);
    }
    fileHash();

    if (rowsRejected > 0) {
      await queryRunner.rollbackTransaction();
      await progress.close();
      const id = await recordRejected(dataSource, { batchId, kind: kind.name, fileName, sha256: fileHash(), bytesRead, rowsRead, rowsRejected, errors, actor, uploadId: null });
      lap('other');
      return { batchId: id, kind: kind.name, fileName, outcome: 'REJECTED', rowsRead, rowsRejected, counts: { inserted: 0, updated: 0, deleted: 0 }, errors, timings };
    }

    progress.phase('SAVING', rowsRead, bytesRead);
    lap('other');
    const counts = await kind.apply(manager, { batchId: runningBatchId, fileName, actor, time });
    const outcome: ImportOutcome = counts.inserted + counts.updated + counts.deleted === 0 ? 'UNCHANGED' : 'SUCCEEDED';
    // The last progress write ends before this transaction locks the row (it would wait for the commit otherwise).
    await progress.close();
    await manager.update(ImportBatchEntity, { id: batchId }, { fileSha256: fileHash(), outcome, phase: null, finishedAt: () => 'clock_timestamp()', rowsRead, bytesRead: String(bytesRead), ...counts });
    await recordAudit(manager, actor, {
      action: `IMPORT_${kind.name.toUpperCase().replace(/-/g, '_')}`,
      entityType: 'import_batch',
      entityId: String(batchId),
      after: { fileName, sha256: fileHash(), outcome, rowsRead, ...counts },
    });
    lap('other');
    await time('commit', () => queryRunner.commitTransaction());
    return { batchId: runningBatchId, kind: kind.name, fileName, outcome, rowsRead, rowsRejected: 0, counts, errors: [], timings };
  } catch (error) {
    // A COPY cut short (a bad file, a failed stream) is cancelled first: the connection runs nothing else until then.
    await staging?.abort();
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    await progress?.close();
    if (error instanceof AppError && error.reason === 'UPLOAD_ID_IN_USE') {
      // Not this import's to record: the id belongs to another upload.
    } else if (error instanceof AppError) {
      await recordRejected(dataSource, {
        batchId,
        kind: kind.name,
        fileName,
        sha256: fileHash(),
        bytesRead,
        rowsRead,
        rowsRejected,
        errors: [{ line: Number(error.details?.line ?? 0), reason: error.message }],
        actor,
        uploadId: batchId ? null : (request.uploadId ?? null),
      });
    } else if (batchId) {
      // Neither a bad file nor a crash (a lost connection, a failed stream): the lock is free now, so it shows as interrupted.
      await markInterruptedImports(dataSource).catch(() => undefined);
    }
    throw error;
  } finally {
    await queryRunner.release();
    request.stream.unpipe(hashed);
  }
}

const uploadIdInUse = () => new AppError('CONFLICT', 'UPLOAD_ID_IN_USE', 'Another upload already used this upload id: choose a new one for each upload.', { field: 'uploadId' });

/** PostgreSQL's unique_violation (the upload id is unique among imports). */
const isUniqueViolation = (error: unknown) => (error as { driverError?: { code?: string } } | null)?.driverError?.code === '23505';

/** A new entry of the import history; its id. */
async function insertBatch(manager: EntityManager, batch: QueryDeepPartialEntity<ImportBatchEntity>): Promise<string> {
  const result = await manager.insert(ImportBatchEntity, batch);
  return String(result.identifiers[0].id);
}

async function recordRejected(
  dataSource: DataSource,
  report: {
    batchId: string | null;
    kind: string;
    fileName: string;
    sha256: string;
    bytesRead: number;
    rowsRead: number;
    rowsRejected: number;
    errors: RowError[];
    actor: AuditActor;
    /** For a batch not yet recorded: the client's upload id. */
    uploadId: string | null;
  },
): Promise<string> {
  return dataSource.transaction(async (manager) => {
    const outcome = {
      fileSha256: report.sha256,
      outcome: 'REJECTED',
      phase: null,
      finishedAt: () => 'clock_timestamp()',
      bytesRead: String(report.bytesRead),
      rowsRead: report.rowsRead,
      rowsRejected: report.rowsRejected,
      errors: report.errors,
    } satisfies QueryDeepPartialEntity<ImportBatchEntity>;
    let id = report.batchId;
    if (id) await manager.update(ImportBatchEntity, { id }, outcome);
    else
      id = await insertBatch(manager, {
        kind: report.kind,
        fileName: report.fileName,
        actorUserId: report.actor.userId,
        actorUsername: report.actor.username,
        requestId: report.actor.requestId,
        uploadId: report.uploadId,
        ...outcome,
      });
    await recordAudit(manager, report.actor, {
      action: `IMPORT_REJECTED`,
      entityType: 'import_batch',
      entityId: id,
      after: { kind: report.kind, fileName: report.fileName, rowsRead: report.rowsRead, rowsRejected: report.rowsRejected },
    });
    return id;
  });
}

/** One entry of the import history. */
export type ImportBatchView = Pick<
  ImportBatchEntity,
  | 'id'
  | 'kind'
  | 'fileName'
  | 'fileSha256'
  | 'outcome'
  | 'startedAt'
  | 'finishedAt'
  | 'rowsRead'
  | 'bytesRead'
  | 'phase'
  | 'rowsRejected'
  | 'inserted'
  | 'updated'
  | 'deleted'
  | 'errors'
  | 'actorUserId'
  | 'actorUsername'
  | 'requestId'
>;

/** Filters of the import history. */
export interface ImportHistoryFilter {
  kind?: string | null;
  outcome?: string | null;
}

/** A page of a list, with how many there are in all. */
export interface ImportPage<T> {
  rows: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** One change an import made, from the audit trail (the rows that carry the import's request id). */
export type ImportChangeView = Pick<AuditEventEntity, 'id' | 'action' | 'entityType' | 'entityId' | 'before' | 'after'>;

/** Who asks about an upload's progress. */
export interface ProgressViewer {
  userId: string;
  isAdmin: boolean;
}

/** National data imports and their history. */
export class ImportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Imports one file, all or nothing (see `runImport`). */
  run(request: ImportRequest): Promise<ImportReport> {
    return runImport(this.dataSource, request);
  }

  /** One entry of the import history (an import cut short by a crash shows as INTERRUPTED). */
  async batch(id: string): Promise<ImportBatchView> {
    await markInterruptedImports(this.dataSource);
    return this.dataSource.getRepository(ImportBatchEntity).findOneByOrFail({ id });
  }

  /** One entry of the import history, or null when there is none with this id. */
  async findBatch(id: string): Promise<ImportBatchView | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    await markInterruptedImports(this.dataSource);
    return this.dataSource.getRepository(ImportBatchEntity).findOneBy({ id });
  }

  /**
   * The import a client is uploading under `uploadId`, as far as it has gone; null when it has not started yet (or
   * waits for another import of its kind), or when the viewer may not see it: an analyst sees only their own
   * uploads, an administrator everyone's.
   */
  async progress(uploadId: string, viewer: ProgressViewer): Promise<ImportBatchView | null> {
    if (!UUID.test(uploadId)) return null;
    await markInterruptedImports(this.dataSource);
    const batch = await this.dataSource.getRepository(ImportBatchEntity).findOneBy({ uploadId: uploadId.toLowerCase() });
    if (!batch || (!viewer.isAdmin && batch.actorUserId !== viewer.userId)) return null;
    return batch;
  }

  /** The import history, newest first (imports cut short by a crash show as INTERRUPTED). */
  async history(first: number): Promise<ImportBatchView[]> {
    await markInterruptedImports(this.dataSource);
    return this.dataSource.getRepository(ImportBatchEntity).find({ order: { id: 'DESC' }, take: pageSize(first) });
  }

  /** A page of the import history, newest first, after the batch with id `afterId`; by kind and outcome. */
  async historyPage(filter: ImportHistoryFilter, first: number, afterId: string | null): Promise<ImportPage<ImportBatchView>> {
    await markInterruptedImports(this.dataSource);
    const query = this.dataSource.getRepository(ImportBatchEntity).createQueryBuilder('batch');
    if (filter.kind) query.andWhere('batch.kind = :kind', { kind: filter.kind });
    if (filter.outcome) query.andWhere('batch.outcome = :outcome', { outcome: filter.outcome });
    const totalCount = await query.clone().getCount();
    if (afterId !== null) query.andWhere('batch.id < :afterId', { afterId });
    const rows = await query.orderBy('batch.id', 'DESC').take(first + 1).getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  /**
   * A page of the changes an import made, in the order it made them: the audit rows its request wrote, its own
   * IMPORT_* row aside. Empty for a refused import (nothing was saved) and for one without a request id.
   */
  async changes(requestId: string | null, first: number, afterId: string | null): Promise<ImportPage<ImportChangeView>> {
    if (!requestId) return { rows: [], hasNextPage: false, totalCount: 0 };
    const query = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('event')
      .select(['event.id', 'event.action', 'event.entityType', 'event.entityId', 'event.before', 'event.after'])
      .where('event.requestId = :requestId', { requestId })
      .andWhere("event.entityType <> 'import_batch'");
    const totalCount = await query.clone().getCount();
    if (afterId !== null) query.andWhere('event.id > :afterId', { afterId });
    const rows = await query.orderBy('event.id', 'ASC').take(first + 1).getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a file of the kind was ever imported, refused and unfinished ones aside (the bundled data loads only on a first start). */
export function hasImported(dataSource: DataSource, kind: string): Promise<boolean> {
  return dataSource.getRepository(ImportBatchEntity).exists({ where: { kind, outcome: In(['SUCCEEDED', 'UNCHANGED']) } });
}

/** Marks imports left RUNNING by a process that is gone as INTERRUPTED (see markInterrupted), audited; their ids. */
export function markInterruptedImports(dataSource: DataSource): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    const marked = await markInterrupted.rows(manager, []);
    for (const batch of marked) {
      await recordAudit(manager, SYSTEM, {
        action: 'IMPORT_INTERRUPTED',
        entityType: 'import_batch',
        entityId: batch.id,
        after: { kind: batch.kind, fileName: batch.fileName, startedAt: batch.startedAt.toISOString() },
      });
    }
    return marked.map((batch) => batch.id);
  });
}
