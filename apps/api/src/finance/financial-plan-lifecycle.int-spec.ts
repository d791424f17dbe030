import { FINANCIAL_PLAN_EDITABLE_STATES, FINANCIAL_PLAN_STATES, FINANCIAL_PLAN_VERSION_STATUS_CHANGES, type FinancialPlanState } from '@ccg-assure/domain';
import type { QueryRunner } from 'typeorm';
import { insertOrganisation } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// The database backs the domain's financial plan lifecycle (libs/domain/src/finance/financial-plan-lifecycle.ts)
// with triggers: financial_plan_version_guard allows only the lifecycle's changes of a version's status and
// freezes its figures outside the editable states; financial_plan_line_guard freezes its lines likewise. Each
// case is driven by SQL that skips the service, in a transaction rolled back afterwards, and the version's
// other columns are set as the table's CHECK constraints want for the status, so that only a trigger decides.

const CCG = '02V';
const PLAN_ID = '00000000-0000-4000-8000-000000000001';

/** What the CHECK constraints want of a version in `status`: submitted unless a draft, decided once approved or returned, a reason when returned. */
function standingIn(status: FinancialPlanState) {
  return {
    submittedAt: status === 'DRAFT' ? null : '2015-02-20T10:00:00Z',
    decidedAt: status === 'APPROVED' || status === 'RETURNED' ? '2015-03-05T10:00:00Z' : null,
    returnReason: status === 'RETURNED' ? 'Returned in a test.' : null,
  };
}

const allows = (from: FinancialPlanState, to: FinancialPlanState) => FINANCIAL_PLAN_VERSION_STATUS_CHANGES.some((change) => change.from === from && change.to === to);
const editable = (status: FinancialPlanState) => FINANCIAL_PLAN_EDITABLE_STATES.includes(status);

const everyChange = FINANCIAL_PLAN_STATES.flatMap((from) => FINANCIAL_PLAN_STATES.filter((to) => to !== from).map((to) => [from, to, allows(from, to)] as const));

describe("the database's financial plan guards agree with the domain's lifecycle table", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOrganisation(db.dataSource, CCG, 'NHS LEEDS NORTH CCG');
  }, 60_000);
  afterAll(() => db.drop());

  /**
   * A plan whose version 1 is in `status` with one line, made in a transaction that is rolled back once `work`
   * has run; gives the error `work` met, if any. The line is written before the version's status is set, with
   * triggers off for that one statement, since the line guard would (rightly) refuse it otherwise.
   */
  async function withVersionIn(status: FinancialPlanState, work: (runner: QueryRunner) => Promise<unknown>): Promise<Error | null> {
    // As the owner: only a superuser may turn triggers off for the set-up statement (the API's role may not).
    const runner = db.ownerDataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const standing = standingIn(status);
      await runner.query(`INSERT INTO financial_plan (id, ccg_code, financial_year, current_version) VALUES ($1, $2, '2015/16', 1)`, [PLAN_ID, CCG]);
      await runner.query(
        `INSERT INTO financial_plan_version (plan_id, number, status, allocation, compliant, submitted_at, decided_at, return_reason)
         VALUES ($1, 1, $2, 100, true, $3, $4, $5)`,
        [PLAN_ID, status, standing.submittedAt, standing.decidedAt, standing.returnReason],
      );
      await runner.query(`SET LOCAL session_replication_role = replica`);
      await runner.query(`INSERT INTO financial_plan_line (plan_id, version_number, line_number, category, amount) VALUES ($1, 1, 1, 'ACUTE', 90)`, [PLAN_ID]);
      await runner.query(`SET LOCAL session_replication_role = origin`);
      await runner.query('SAVEPOINT before_work');
      try {
        await work(runner);
        return null;
      } catch (error) {
        await runner.query('ROLLBACK TO SAVEPOINT before_work');
        return error as Error;
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('knows some changes of status and some editable status, so the cases below can fail', () => {
    expect(FINANCIAL_PLAN_VERSION_STATUS_CHANGES.length).toBeGreaterThan(0);
    expect(everyChange.some(([, , allowed]) => !allowed)).toBe(true);
    expect(FINANCIAL_PLAN_EDITABLE_STATES.length).toBeGreaterThan(0);
  });

  it.each(everyChange)('a version going from %s to %s: the table allows it = %s, and so does the trigger', async (from, to, allowed) => {
    const standing = standingIn(to);
    const error = await withVersionIn(from, (runner) =>
      runner.query(`UPDATE financial_plan_version SET status = $2, submitted_at = $3, decided_at = $4, return_reason = $5 WHERE plan_id = $1 AND number = 1`, [
        PLAN_ID,
        to,
        standing.submittedAt,
        standing.decidedAt,
        standing.returnReason,
      ]),
    );
    if (allowed) expect(error).toBeNull();
    else expect(error?.message).toBe(`financial plan version 1 cannot go from ${from} to ${to}`);
  });

  it.each(FINANCIAL_PLAN_STATES.map((status) => [status, editable(status)] as const))(
    "a %s version's figures: editable in the table = %s, and by the trigger",
    async (status, allowed) => {
      const error = await withVersionIn(status, (runner) => runner.query(`UPDATE financial_plan_version SET allocation = 200, prior_year_running_costs = 1 WHERE plan_id = $1`, [PLAN_ID]));
      if (allowed) expect(error).toBeNull();
      else expect(error?.message).toBe(`financial plan version 1 is ${status}: its figures cannot change`);
    },
  );

  it.each(FINANCIAL_PLAN_STATES.map((status) => [status, editable(status)] as const))(
    "a %s version's lines, added, changed or removed: editable in the table = %s, and by the trigger",
    async (status, allowed) => {
      const changes = [
        `INSERT INTO financial_plan_line (plan_id, version_number, line_number, category, amount) VALUES ($1, 1, 2, 'CONTINGENCY', 1)`,
        `UPDATE financial_plan_line SET amount = 80 WHERE plan_id = $1 AND line_number = 1`,
        `DELETE FROM financial_plan_line WHERE plan_id = $1 AND line_number = 1`,
      ];
      for (const change of changes) {
        const error = await withVersionIn(status, (runner) => runner.query(change, [PLAN_ID]));
        if (allowed) expect(error).toBeNull();
        else expect(error?.message).toBe(`financial plan version 1 is ${status}: its lines cannot change`);
      }
    },
  );
});
