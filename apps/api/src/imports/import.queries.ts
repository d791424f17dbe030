import { sqlStatement } from '../database/typed-sql';

/** A large file legitimately runs longer than the API's 30-second statement limit: 30 minutes, for this transaction only. */
export const allowLongImport = sqlStatement({
  name: 'import-allow-long-transaction',
  params: [],
  columns: { statementTimeout: 'text' },
  text: `SELECT set_config('statement_timeout', '30min', true) AS "statementTimeout"`,
});

/** One import of a kind at a time ($1 names the kind): a second waits for the first's transaction to end. */
export const lockImportKind = sqlStatement({
  name: 'import-lock-kind',
  params: ['text'],
  columns: { locked: 'int4' },
  text: `SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))`,
});

/**
 * Marks as INTERRUPTED the imports left RUNNING whose process is gone: a running import holds its kind's lock
 * (lockImportKind) from before its RUNNING row is written until its transaction ends, so a RUNNING row whose
 * kind's lock is free was cut short (the API or the database was killed). Their data rolled back with them.
 */
export const markInterrupted = sqlStatement({
  name: 'import-mark-interrupted',
  params: [],
  columns: { id: 'int8', kind: 'varchar', fileName: 'text', startedAt: 'timestamptz' },
  text: `UPDATE import_batch SET outcome = 'INTERRUPTED', phase = NULL, finished_at = clock_timestamp()
          WHERE outcome = 'RUNNING' AND pg_try_advisory_xact_lock(hashtext('import:' || kind))
      RETURNING id, kind, file_name AS "fileName", started_at AS "startedAt"`,
});
