import {
  APPROVE,
  CREATE,
  FORECAST,
  linesOf,
  mutatePlan,
  readPlan,
  refusal,
  setUpFinanceWorld,
  SHEFFIELD,
  SUBMIT,
  THRESHOLD,
  type FinanceWorld,
  type Plan,
} from './financial-plans.fixtures';

// DOMAIN.md "Special measures": a financial trigger is "financial performance differs seriously from plan".
// Issue 6: an adverse variance of forecast outturn against plan above a configurable threshold, by default 1%
// of allocation, raises a financial warning. Above is strict: a variance exactly at the threshold does not.

describe('forecast outturn against the approved plan, and the financial warning', () => {
  let world: FinanceWorld;
  let plan: Plan;

  // 2015/16, A = £400m, planned spend £396m: 1% of allocation is £4m.
  const lines2015 = linesOf({
    ACUTE: '200000000',
    MENTAL_HEALTH: '50000000',
    COMMUNITY: '40000000',
    PRIMARY_CARE: '30000000',
    PRESCRIBING: '35000000',
    CONTINUING_CARE: '15700000',
    RUNNING_COSTS: '4500000',
    BETTER_CARE_FUND: '8800000',
    CONTINGENCY: '2000000',
    NON_RECURRENT_FUND: '10000000',
  });

  const forecast = (month: string, amount: string) => mutatePlan(world.sheffieldFinance, FORECAST, { planId: plan.id, month, amount });
  const warningRows = async () =>
    (await world.db.dataSource.query(`SELECT action, after FROM audit_event WHERE entity_id = $1 AND action IN ('RAISE_FINANCIAL_WARNING', 'CLEAR_FINANCIAL_WARNING') ORDER BY id`, [plan.id])) as {
      action: string;
      after: Record<string, unknown>;
    }[];
  const warningListed = async () => {
    const response = await world.assessor.graphql<{ financialPlans: { edges: { node: { id: string } }[] } }>(`{ financialPlans(filter: {financialWarning: true}) { edges { node { id } } } }`);
    return response.data?.financialPlans.edges.map((edge) => edge.node.id) ?? [];
  };

  beforeAll(async () => {
    world = await setUpFinanceWorld();
    plan = await mutatePlan(world.sheffieldFinance, CREATE, {
      ccg: SHEFFIELD,
      financialYear: '2015/16',
      allocation: '400000000.00',
      priorYearRunningCosts: '5000000.00',
      betterCareFundMinimum: '8800000.00',
      lines: lines2015,
    });
  }, 60_000);
  afterAll(() => world.close());

  it('refuses a forecast before the plan is approved (CONFLICT, PLAN_NOT_APPROVED)', async () => {
    expect(await refusal(world.sheffieldFinance, FORECAST, { planId: plan.id, month: '2015-04', amount: '396000000.00' })).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_NOT_APPROVED' });
    await mutatePlan(world.sheffieldFinance, SUBMIT, { planId: plan.id, expectedVersion: 1 });
    expect(await refusal(world.sheffieldFinance, FORECAST, { planId: plan.id, month: '2015-04', amount: '396000000.00' })).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_NOT_APPROVED' });
    plan = await mutatePlan(world.assessor, APPROVE, { planId: plan.id, expectedVersion: 2 });
    expect(plan.latestVersion.compliance).toMatchObject({ compliant: true, plannedSpend: '396000000.00' });
  });

  it.each([
    ['March before the year', '2015-03'],
    ['April after the year', '2016-04'],
  ])('refuses a month outside the financial year: %s (MONTH_OUTSIDE_FINANCIAL_YEAR)', async (_what, month) => {
    expect(await refusal(world.sheffieldFinance, FORECAST, { planId: plan.id, month, amount: '1.00' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MONTH_OUTSIDE_FINANCIAL_YEAR', details: { fields: ['month'] } });
  });

  it('refuses a month not written YYYY-MM, and a negative forecast', async () => {
    expect(await refusal(world.sheffieldFinance, FORECAST, { planId: plan.id, month: '2015-6', amount: '1.00' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
    expect(await refusal(world.sheffieldFinance, FORECAST, { planId: plan.id, month: '2015-06', amount: '-1.00' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NEGATIVE_AMOUNT', details: { fields: ['amount'] } });
  });

  it('records a forecast on plan: no variance, no warning', async () => {
    const result = await forecast('2015-04', '396000000.00');
    expect(result.forecasts).toEqual([{ month: '2015-04', forecastOutturn: '396000000.00', plannedSpend: '396000000.00', variance: '0.00', warningThreshold: '4000000.00', warning: false }]);
    expect(result.financialWarning).toBeNull();
  });

  it('raises no warning for an adverse variance exactly at 1% of allocation', async () => {
    const result = await forecast('2015-05', '400000000.00');
    expect(result.forecasts[1]).toMatchObject({ month: '2015-05', variance: '4000000.00', warning: false });
    expect(result.financialWarning).toBeNull();
    expect(await warningRows()).toEqual([]);
  });

  it('raises a financial warning for an adverse variance a penny above 1% of allocation, listed and audited', async () => {
    const result = await forecast('2015-06', '400000000.01');
    expect(result.forecasts[2]).toMatchObject({ month: '2015-06', variance: '4000000.01', warningThreshold: '4000000.00', warning: true });
    expect(result.financialWarning).toEqual({ month: '2015-06', adverseVariance: '4000000.01', threshold: '4000000.00', thresholdPercent: '1' });
    expect(await warningListed()).toEqual([plan.id]);
    expect(await warningRows()).toEqual([{ action: 'RAISE_FINANCIAL_WARNING', after: { financialWarning: true, month: '2015-06', adverseVariance: '4000000.01', threshold: '4000000.00' } }]);
  });

  it('replaces a month recorded again, and clears the warning when the latest forecast is back within the threshold', async () => {
    const result = await forecast('2015-06', '399000000.00');
    expect(result.forecasts.map((f) => [f.month, f.variance, f.warning])).toEqual([
      ['2015-04', '0.00', false],
      ['2015-05', '4000000.00', false],
      ['2015-06', '3000000.00', false],
    ]);
    expect(result.financialWarning).toBeNull();
    expect(await warningListed()).toEqual([]);
    expect((await warningRows()).map((row) => row.action)).toEqual(['RAISE_FINANCIAL_WARNING', 'CLEAR_FINANCIAL_WARNING']);
  });

  it('judges by the latest month: an earlier month above the threshold raises no warning now', async () => {
    const result = await forecast('2015-05', '410000000.00');
    expect(result.forecasts[1]).toMatchObject({ month: '2015-05', warning: true });
    expect(result.financialWarning).toBeNull();
  });

  it('lets an assessor lower the threshold to 0.5% (£2m), which the June variance of £3m is above', async () => {
    const lowered = await mutatePlan(world.assessor, THRESHOLD, { planId: plan.id, percentage: '0.5' });
    expect(lowered.forecastWarningThresholdPercent).toBe('0.5');
    expect(lowered.financialWarning).toEqual({ month: '2015-06', adverseVariance: '3000000.00', threshold: '2000000.00', thresholdPercent: '0.5' });
    expect(await refusal(world.assessor, THRESHOLD, { planId: plan.id, percentage: '101' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_THRESHOLD', details: { fields: ['percentage'] } });
    const restored = await mutatePlan(world.assessor, THRESHOLD, { planId: plan.id, percentage: '1' });
    expect(restored.financialWarning).toBeNull();
  });

  it('rounds a threshold of half a penny once, away from zero: 1% of £123,456.50 is £1,234.57', async () => {
    const small = await mutatePlan(world.sheffieldFinance, CREATE, {
      ccg: SHEFFIELD,
      financialYear: '2013/14',
      allocation: '123456.50',
      lines: linesOf({ ACUTE: '119135.52', CONTINGENCY: '617.28', NON_RECURRENT_FUND: '2469.13' }),
    });
    await mutatePlan(world.sheffieldFinance, SUBMIT, { planId: small.id, expectedVersion: 1 });
    await mutatePlan(world.assessor, APPROVE, { planId: small.id, expectedVersion: 2 });
    // Planned spend £122,221.93; at £1,234.57 over, no warning (half even would have made the threshold £1,234.56).
    const at = await mutatePlan(world.sheffieldFinance, FORECAST, { planId: small.id, month: '2013-09', amount: '123456.50' });
    expect(at.forecasts[0]).toMatchObject({ plannedSpend: '122221.93', variance: '1234.57', warningThreshold: '1234.57', warning: false });
    const above = await mutatePlan(world.sheffieldFinance, FORECAST, { planId: small.id, month: '2013-10', amount: '123456.51' });
    expect(above.financialWarning).toEqual({ month: '2013-10', adverseVariance: '1234.58', threshold: '1234.57', thresholdPercent: '1' });
    expect((await readPlan(world.sheffieldFinance, SHEFFIELD, '2013/14'))?.financialWarning?.month).toBe('2013-10');
  });
});
