import {
  APPROVE,
  CREATE,
  FLEX,
  FORECAST,
  LEEDS_NORTH,
  linesOf,
  mutatePlan,
  readPlan,
  refusal,
  RETURN,
  setUpFinanceWorld,
  SUBMIT,
  THRESHOLD,
  UPDATE,
  type FinanceWorld,
} from './financial-plans.fixtures';

type AuditRow = { action: string; entity_type: string; entity_id: string; actor_username: string; request_id: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

const figures = { allocation: '100000000.00', lines: linesOf({ ACUTE: '96500000.00', CONTINGENCY: '500000.00', NON_RECURRENT_FUND: '2000000.00' }) };

describe('financial plan changes are audited in the same transaction', () => {
  let world: FinanceWorld;
  let planId: string;
  let lastAuditId = 0;

  beforeAll(async () => {
    world = await setUpFinanceWorld();
  }, 60_000);
  afterAll(() => world.close());

  /** The audit rows written since the last call. */
  async function newAuditRows(): Promise<AuditRow[]> {
    const rows = await world.db.dataSource.query(
      `SELECT id::int, action, entity_type, entity_id, actor_username, request_id, before, after FROM audit_event WHERE id > $1 AND action NOT IN ('SIGN_IN') ORDER BY id`,
      [lastAuditId],
    );
    const [{ max }] = await world.db.dataSource.query(`SELECT coalesce(max(id), 0)::int AS max FROM audit_event`);
    lastAuditId = max;
    return rows.map(({ id: _id, ...row }: AuditRow & { id: number }) => row);
  }

  it('audits starting a draft with its figures', async () => {
    await newAuditRows();
    planId = (await mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2013/14', ...figures })).id;
    const [row, ...rest] = await newAuditRows();
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ action: 'CREATE_FINANCIAL_PLAN_DRAFT', entity_type: 'financial_plan', entity_id: planId, actor_username: 'leeds-finance', before: null });
    expect(row.request_id).toEqual(expect.any(String));
    expect(row.after).toEqual({
      ccg: LEEDS_NORTH,
      financialYear: '2013/14',
      version: 1,
      status: 'DRAFT',
      allocation: '100000000.00',
      priorYearRunningCosts: null,
      betterCareFundMinimum: null,
      lines: figures.lines,
      compliant: true,
    });
  });

  it('audits an edit with the figures before and after', async () => {
    await mutatePlan(world.leedsFinance, UPDATE, { planId, expectedVersion: 1, ...figures, lines: linesOf({ ACUTE: '97000000.00', NON_RECURRENT_FUND: '2000000.00' }) });
    const [row, ...rest] = await newAuditRows();
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ action: 'UPDATE_FINANCIAL_PLAN_DRAFT', entity_id: planId, actor_username: 'leeds-finance' });
    expect(row.before).toMatchObject({ version: 1, status: 'DRAFT', compliant: true, lines: figures.lines });
    expect(row.after).toMatchObject({ version: 1, status: 'DRAFT', compliant: false, lines: [{ category: 'ACUTE', amount: '97000000.00' }, { category: 'NON_RECURRENT_FUND', amount: '2000000.00' }] });
  });

  it('audits submit, return (with the reason), a new version, approval, a flex, a forecast and a threshold, one row each', async () => {
    await mutatePlan(world.leedsFinance, SUBMIT, { planId, expectedVersion: 2 });
    await mutatePlan(world.assessor, RETURN, { planId, expectedVersion: 3, reason: 'No contingency.' });
    await mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2013/14', ...figures });
    await mutatePlan(world.leedsFinance, SUBMIT, { planId, expectedVersion: 5 });
    await mutatePlan(world.assessor, APPROVE, { planId, expectedVersion: 6 });
    await mutatePlan(world.assessor, FLEX, { planId, rule: 'SURPLUS', percentage: '0.5', reason: 'Agreed at the area team', approvedOn: '2013-03-28' });
    await mutatePlan(world.leedsFinance, FORECAST, { planId, month: '2013-05', amount: '99000000.00' });
    await mutatePlan(world.assessor, THRESHOLD, { planId, percentage: '0.25' });
    const rows = await newAuditRows();
    expect(rows.map((row) => [row.action, row.actor_username, row.entity_id])).toEqual([
      ['SUBMIT_FINANCIAL_PLAN', 'leeds-finance', planId],
      ['RETURN_FINANCIAL_PLAN', 'assessor', planId],
      ['CREATE_FINANCIAL_PLAN_DRAFT', 'leeds-finance', planId],
      ['SUBMIT_FINANCIAL_PLAN', 'leeds-finance', planId],
      ['APPROVE_FINANCIAL_PLAN', 'assessor', planId],
      ['RECORD_PLAN_FLEX', 'assessor', planId],
      ['RECORD_FORECAST_OUTTURN', 'leeds-finance', planId],
      ['SET_FORECAST_WARNING_THRESHOLD', 'assessor', planId],
    ]);
    expect(rows[0]).toMatchObject({ before: { version: 1, status: 'DRAFT' }, after: { version: 1, status: 'SUBMITTED' } });
    expect(rows[1]).toMatchObject({ before: { version: 1, status: 'SUBMITTED' }, after: { version: 1, status: 'RETURNED', returnReason: 'No contingency.' } });
    expect(rows[2]).toMatchObject({ before: { version: 1, status: 'RETURNED' }, after: { version: 2, status: 'DRAFT' } });
    expect(rows[4]).toMatchObject({ before: { version: 2, status: 'SUBMITTED' }, after: { version: 2, status: 'APPROVED' } });
    expect(rows[5]).toMatchObject({ before: null, after: { rule: 'SURPLUS', percentage: '0.5', reason: 'Agreed at the area team', approvedOn: '2013-03-28', compliant: true } });
    // Planned spend £99m: a forecast of £99m is on plan. A threshold of 0.25% (£250,000) is not crossed either.
    expect(rows[6]).toMatchObject({ before: null, after: { month: '2013-05', forecastOutturn: '99000000.00', variance: '0.00', warning: false, financialWarning: false } });
    expect(rows[7]).toMatchObject({ before: { forecastWarningThresholdPercent: '1' }, after: { forecastWarningThresholdPercent: '0.25' } });
  });

  it('writes no audit row for a refused change: stale, invalid transition, not allowed, bad input', async () => {
    await newAuditRows();
    await refusal(world.leedsFinance, UPDATE, { planId, expectedVersion: 1, ...figures });
    await refusal(world.assessor, APPROVE, { planId, expectedVersion: 7 });
    await refusal(world.sheffieldFinance, FORECAST, { planId, month: '2013-06', amount: '1.00' });
    await refusal(world.leedsFinance, FORECAST, { planId, month: '2014-06', amount: '1.00' });
    await refusal(world.assessor, FLEX, { planId, rule: 'RUNNING_COSTS', percentage: '5', reason: 'not a 2013/14 rule' });
    await refusal(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2015/16', ...figures });
    expect(await newAuditRows()).toEqual([]);
  });

  it('saves nothing when its audit row cannot be written', async () => {
    const sql = world.db.ownerDataSource; // creating triggers takes the owner
    // The audit trail refuses the row: the plan and version written before it in the transaction must go too.
    await sql.query(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit trail is unavailable'; END $$`);
    await sql.query(`CREATE TRIGGER refuse_plan_audit BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.action = 'CREATE_FINANCIAL_PLAN_DRAFT') EXECUTE FUNCTION refuse_audit()`);
    try {
      const response = await world.leedsFinance.graphql(CREATE, { input: { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures, lines: linesOf({ ACUTE: '1.00' }) } });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql.query(`DROP TRIGGER refuse_plan_audit ON audit_event`);
      await sql.query(`DROP FUNCTION refuse_audit()`);
    }
    expect(await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15')).toBeNull();
    expect(await newAuditRows()).toEqual([]);
  });

  it('keeps no audit row for a change that fails as it commits, after the row was written', async () => {
    const created = await mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures, lines: linesOf({ ACUTE: '1.00' }) });
    await newAuditRows();
    const sql = world.db.ownerDataSource; // creating triggers takes the owner
    // A deferred trigger fails the transaction at COMMIT, after the service wrote both the change and its audit row.
    await sql.query(`CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await sql.query(`CREATE CONSTRAINT TRIGGER fail_submission AFTER UPDATE ON financial_plan_version DEFERRABLE INITIALLY DEFERRED
                     FOR EACH ROW WHEN (NEW.status = 'SUBMITTED') EXECUTE FUNCTION fail_at_commit()`);
    try {
      const response = await world.leedsFinance.graphql(SUBMIT, { input: { planId: created.id, expectedVersion: created.version } });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql.query(`DROP TRIGGER fail_submission ON financial_plan_version`);
      await sql.query(`DROP FUNCTION fail_at_commit()`);
    }
    expect(await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15')).toMatchObject({ status: 'DRAFT', version: created.version });
    expect(await newAuditRows()).toEqual([]);
  });
});
