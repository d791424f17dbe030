import { sqlStatement } from '../database/typed-sql';

// Set-based and locking SQL of special measures (decision 0009); everything else goes through the entities.

/**
 * Holds a transaction-scoped advisory lock on a CCG's special measures (released at commit or rollback), so that
 * checking for an open episode and proposing a new one are one step. The unique index special_measures_one_open
 * is the backstop.
 */
export const lockSpecialMeasuresOfCcg = sqlStatement({
  name: 'lock-special-measures-of-ccg',
  params: ['text'],
  columns: { locked: 'int4' },
  text: `SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('special-measures:' || $1))`,
});
