import { sqlStatement } from '../database/typed-sql';

// The financial plans' typed SQL statements (decision 0009): the guarded writes whose WHERE is the point.
// Everything else goes through the entities' repositories and the QueryBuilder (financial-plans.repository.ts).

/**
 * Moves the plan's edit version on by one, but only from the version the caller read ($2): checked in the
 * WHERE, so of two changes made from the same reading exactly one changes a row (and that UPDATE locks the
 * plan until the transaction ends). $3 points the plan at a new latest version; null keeps it.
 */
export const advancePlanLockVersion = sqlStatement({
  name: 'advance-plan-lock-version',
  params: ['uuid', 'int4', 'int4?'],
  columns: {},
  text: `UPDATE financial_plan SET lock_version = lock_version + 1, current_version = COALESCE($3, current_version), updated_at = now()
          WHERE id = $1 AND lock_version = $2`,
});

/** Marks the plan's flex of the rule in force (if any) superseded, now, and gives it as it was. */
export const supersedePlanFlex = sqlStatement({
  name: 'supersede-plan-flex',
  params: ['uuid', 'varchar'],
  columns: { id: 'uuid', percentage: 'numeric', reason: 'text', approvedOn: 'date' },
  text: `UPDATE financial_plan_flex SET superseded_at = greatest(now(), recorded_at)
          WHERE plan_id = $1 AND rule = $2 AND superseded_at IS NULL
      RETURNING id, percentage, reason, approved_on AS "approvedOn"`,
});
