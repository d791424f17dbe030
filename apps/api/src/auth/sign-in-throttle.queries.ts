import { sqlStatement } from '../database/typed-sql';

/**
 * Deletes counts whose window ended before $1 and that are not locked at $2. SKIP LOCKED: rows a sign-in is
 * counting are left for next time, so pruning never waits on, or deadlocks with, a sign-in.
 */
export const pruneSignInThrottle = sqlStatement({
  name: 'prune-sign-in-throttle',
  params: ['timestamptz', 'timestamptz'],
  columns: {},
  text: `
    DELETE FROM sign_in_throttle
    WHERE (scope, subject) IN (
      SELECT scope, subject FROM sign_in_throttle
      WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until <= $2)
      LIMIT 500
      FOR UPDATE SKIP LOCKED
    )`,
});
