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
