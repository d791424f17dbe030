import type { TestClient } from '../testing/test-server';
import {
  APPROVE,
  BALANCED_2013_COMPLIANCE,
  CREATE,
  FLEX,
  LEEDS_NORTH,
  linesOf,
  mutatePlan,
  readPlan,
  refusal,
  RETURN,
  ruleOf,
  setUpFinanceWorld,
  SHEFFIELD,
  SUBMIT,
  UPDATE,
  type FinanceWorld,
  balanced2013,
  plan2014,
  plan2015,
  type Lines,
  type Plan,
} from './financial-plans.fixtures';

// Worked examples from the seeds' own numbers (financial-plans.fixtures.ts), each through a plan stored by the
// API and read back: what is stored and re-read must give the domain's answer to the penny.
const inputs2015 = { allocation: '400000000.00', priorYearRunningCosts: '5000000.00', betterCareFundMinimum: '8800000.00' };

describe('stored financial plans: compliance of each rule year, worked through the API', () => {
  let world: FinanceWorld;
  beforeAll(async () => {
    world = await setUpFinanceWorld();
  }, 60_000);
  afterAll(() => world.close());

  /** Stores a draft for Leeds North (as its finance officer), or replaces the figures of the year's draft, and reads it back. */
  async function storePlan(financialYear: string, figures: { allocation: string; lines: Lines; priorYearRunningCosts?: string; betterCareFundMinimum?: string }): Promise<Plan> {
    const existing = await readPlan(world.leedsFinance, LEEDS_NORTH, financialYear);
    const body = { ...figures, lines: linesOf(figures.lines) };
    await (existing
      ? mutatePlan(world.leedsFinance, UPDATE, { planId: existing.id, expectedVersion: existing.version, ...body })
      : mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear, ...body }));
    const stored = await readPlan(world.assessor, LEEDS_NORTH, financialYear);
    if (!stored) throw new Error('the plan was not stored');
    return stored;
  }

  describe('2013/14: SURPLUS 1%, CONTINGENCY 0.5%, NON_RECURRENT_FUND 2%', () => {
    it('finds a plan setting aside exactly 3.5% of £250m compliant, with no QIPP', async () => {
      const plan = await storePlan('2013/14', { allocation: '250000000.00', lines: balanced2013 });
      expect(plan.latestVersion.compliance).toEqual(BALANCED_2013_COMPLIANCE);
      expect(plan).toMatchObject({ compliant: true, status: 'DRAFT', financialYear: '2013/14', ccg: { code: LEEDS_NORTH, name: 'NHS LEEDS NORTH CCG' } });
      expect(plan.latestVersion.lines).toEqual(linesOf(balanced2013));
    });

    it('fails SURPLUS by exactly one penny when one more penny is spent', async () => {
      const plan = await storePlan('2013/14', { allocation: '250000000.00', lines: { ...balanced2013, ACUTE: '150000000.01' } });
      expect(plan.compliant).toBe(false);
      expect(ruleOf(plan, 'SURPLUS')).toMatchObject({ required: '2500000.00', planned: '2499999.99', shortfall: '0.01', met: false });
      expect(plan.latestVersion.compliance).toMatchObject({ qippRequirement: '0.01', qippPercentOfAllocation: '0.00' });
    });

    it('fails CONTINGENCY by £250,000 when £1m is held, though no QIPP is needed (the money is there, not set aside)', async () => {
      const plan = await storePlan('2013/14', { allocation: '250000000.00', lines: { ...balanced2013, CONTINGENCY: '1000000.00' } });
      expect(ruleOf(plan, 'CONTINGENCY')).toMatchObject({ required: '1250000.00', planned: '1000000.00', shortfall: '250000.00', met: false });
      expect(ruleOf(plan, 'SURPLUS')?.met).toBe(true);
      expect(plan.latestVersion.compliance).toMatchObject({ compliant: false, qippRequirement: '0.00' });
    });

    it('fails NON_RECURRENT_FUND by £1m when £4m is set aside', async () => {
      const plan = await storePlan('2013/14', { allocation: '250000000.00', lines: { ...balanced2013, NON_RECURRENT_FUND: '4000000.00' } });
      expect(ruleOf(plan, 'NON_RECURRENT_FUND')).toMatchObject({ percentage: '2', required: '5000000.00', planned: '4000000.00', shortfall: '1000000.00', met: false });
    });

    it('needs a QIPP saving of £16.25m (6.50%) when costs run 3% over allocation with nothing set aside (seed: "often between 6 and 7%")', async () => {
      const plan = await storePlan('2013/14', {
        allocation: '250000000.00',
        lines: { ACUTE: '157500000', MENTAL_HEALTH: '25000000', COMMUNITY: '20000000', PRIMARY_CARE: '10000000', PRESCRIBING: '30000000', CONTINUING_CARE: '12000000', RUNNING_COSTS: '3000000' },
      });
      expect(plan.latestVersion.compliance).toMatchObject({ compliant: false, plannedSurplus: '-7500000.00', qippRequirement: '16250000.00', qippPercentOfAllocation: '6.50' });
      expect(ruleOf(plan, 'SURPLUS')).toMatchObject({ planned: '-7500000.00', shortfall: '10000000.00' });
    });
  });

  describe('2014/15: NON_RECURRENT_FUND 2.5%, and a flex', () => {
    it('fails NON_RECURRENT_FUND by exactly 0.5% of allocation when the fund is held at 2%, implying £1m of QIPP', async () => {
      const plan = await storePlan('2014/15', { allocation: '200000000.00', lines: plan2014 });
      expect(plan.latestVersion.compliance).toMatchObject({ compliant: false, plannedSpend: '198000000.00', plannedSurplus: '2000000.00', qippRequirement: '1000000.00', qippPercentOfAllocation: '0.50' });
      expect(ruleOf(plan, 'NON_RECURRENT_FUND')).toMatchObject({ percentage: '2.5', required: '5000000.00', planned: '4000000.00', shortfall: '1000000.00', met: false });
      expect(ruleOf(plan, 'SURPLUS')?.met && ruleOf(plan, 'CONTINGENCY')?.met).toBe(true);
    });

    it('applies and reports an approved flex of the fund to 2%: the stored plan then complies, on every reading', async () => {
      const before = await readPlan(world.assessor, LEEDS_NORTH, '2014/15');
      const reason = 'Part of the fund used recurrently, approved by the area team';
      const flexed = await mutatePlan(world.assessor, FLEX, { planId: before?.id, rule: 'NON_RECURRENT_FUND', percentage: '2', reason, approvedOn: '2014-03-20' });
      expect(flexed.compliant).toBe(true);
      expect(ruleOf(flexed, 'NON_RECURRENT_FUND')).toEqual({ rule: 'NON_RECURRENT_FUND', percentage: '2', required: '4000000.00', planned: '4000000.00', shortfall: '0.00', met: true, flexApplied: true, flexReason: reason });
      expect(ruleOf(flexed, 'SURPLUS')).toMatchObject({ flexApplied: false, flexReason: null });
      expect(flexed.latestVersion.compliance).toMatchObject({ qippRequirement: '0.00' });
      expect(flexed.flexes).toEqual([{ id: expect.any(String), rule: 'NON_RECURRENT_FUND', percentage: '2', reason, approvedBy: { username: 'assessor' }, approvedOn: '2014-03-20', supersededAt: null }]);
      // A flex is not an edit: the plan's figures and edit version are unchanged, and the finance officer sees the same answer.
      expect(flexed.version).toBe(before?.version);
      expect(flexed.latestVersion.lines).toEqual(before?.latestVersion.lines);
      expect((await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15'))?.latestVersion.compliance).toEqual(flexed.latestVersion.compliance);
    });

    it('keeps a superseded flex in the history and applies only the one in force', async () => {
      const plan = await readPlan(world.assessor, LEEDS_NORTH, '2014/15');
      const later = await mutatePlan(world.assessor, FLEX, { planId: plan?.id, rule: 'NON_RECURRENT_FUND', percentage: '2.25', reason: 'Revised at the quarterly review' });
      expect(later.flexes.map((flex) => [flex.percentage, flex.supersededAt === null])).toEqual([
        ['2.25', true],
        ['2', false],
      ]);
      expect(ruleOf(later, 'NON_RECURRENT_FUND')).toMatchObject({ percentage: '2.25', required: '4500000.00', shortfall: '500000.00', met: false, flexReason: 'Revised at the quarterly review' });
      expect(later.compliant).toBe(false);
    });

    it('accepts the year written "2014-15" and answers with "2014/15"', async () => {
      expect((await readPlan(world.leedsFinance, LEEDS_NORTH, '2014-15'))?.financialYear).toBe('2014/15');
    });
  });

  describe('2015/16: adds BETTER_CARE_FUND and RUNNING_COSTS', () => {
    it('fails RUNNING_COSTS by exactly 2% of the prior year\'s when they fell only 8%', async () => {
      const plan = await storePlan('2015/16', { ...inputs2015, lines: plan2015 });
      expect(plan.latestVersion.compliance.rules.map((r) => [r.rule, r.met])).toEqual([
        ['SURPLUS', true],
        ['CONTINGENCY', true],
        ['NON_RECURRENT_FUND', true],
        ['BETTER_CARE_FUND', true],
        ['RUNNING_COSTS', false],
      ]);
      expect(ruleOf(plan, 'RUNNING_COSTS')).toMatchObject({ percentage: '10', required: '4500000.00', planned: '4600000.00', shortfall: '100000.00', met: false });
      expect(plan.latestVersion).toMatchObject({ priorYearRunningCosts: '5000000.00', betterCareFundMinimum: '8800000.00' });
    });

    it('fails BETTER_CARE_FUND by £800,000 when £8m is pooled against a minimum of £8.8m', async () => {
      const plan = await storePlan('2015/16', { ...inputs2015, lines: { ...plan2015, RUNNING_COSTS: '4500000', BETTER_CARE_FUND: '8000000' } });
      expect(ruleOf(plan, 'BETTER_CARE_FUND')).toMatchObject({ percentage: '100', required: '8800000.00', planned: '8000000.00', shortfall: '800000.00', met: false });
      expect(ruleOf(plan, 'RUNNING_COSTS')?.met).toBe(true);
    });

    it('needs QIPP of £24.8m (6.20%) when nothing is set aside: the seed\'s "just over 6%"', async () => {
      const plan = await storePlan('2015/16', {
        ...inputs2015,
        lines: { ACUTE: '210000000', MENTAL_HEALTH: '50000000', COMMUNITY: '40000000', PRIMARY_CARE: '30000000', PRESCRIBING: '35000000', CONTINUING_CARE: '30500000', RUNNING_COSTS: '4500000' },
      });
      expect(plan.latestVersion.compliance).toMatchObject({ compliant: false, plannedSurplus: '0.00', qippRequirement: '24800000.00', qippPercentOfAllocation: '6.20' });
    });

    it('applies a RUNNING_COSTS flex of 8% (the cap becomes 92% of the prior year\'s)', async () => {
      const plan = await storePlan('2015/16', { ...inputs2015, lines: plan2015 });
      const flexed = await mutatePlan(world.assessor, FLEX, { planId: plan.id, rule: 'RUNNING_COSTS', percentage: '8', reason: 'Shared back office delayed a year' });
      expect(ruleOf(flexed, 'RUNNING_COSTS')).toMatchObject({ percentage: '8', required: '4600000.00', shortfall: '0.00', met: true, flexApplied: true });
      expect(flexed.compliant).toBe(true);
    });

    it('refuses a 2015/16 draft without prior-year running costs (MISSING_INPUT), storing nothing', async () => {
      const refused = await refusal(world.sheffieldFinance, CREATE, { ccg: SHEFFIELD, financialYear: '2015/16', allocation: '400000000.00', betterCareFundMinimum: '8800000.00', lines: linesOf(plan2015) });
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_INPUT' });
      expect(await readPlan(world.sheffieldFinance, SHEFFIELD, '2015/16')).toBeNull();
    });
  });

  describe('rounding at half a penny: required amounts are rounded once, halves away from zero', () => {
    // 1% of £123,456.50 is £1,234.565: required £1,234.57 (half even would say £1,234.56).
    // Contingency 0.5% = £617.2825 -> £617.28; fund 2% = £2,469.13 exactly.
    const halfPennyLines = (acute: string): Lines => ({ ACUTE: acute, CONTINGENCY: '617.28', NON_RECURRENT_FUND: '2469.13' });

    it('requires a surplus of £1,234.57 on £123,456.50, so a surplus of £1,234.56 is a penny short', async () => {
      const plan = await storePlan('2013/14', { allocation: '123456.50', lines: halfPennyLines('119135.53') });
      expect(ruleOf(plan, 'SURPLUS')).toMatchObject({ required: '1234.57', planned: '1234.56', shortfall: '0.01', met: false });
      expect(ruleOf(plan, 'CONTINGENCY')).toMatchObject({ required: '617.28', met: true });
      expect(ruleOf(plan, 'NON_RECURRENT_FUND')).toMatchObject({ required: '2469.13', met: true });
    });

    it('finds a surplus of £1,234.57 on £123,456.50 enough', async () => {
      const plan = await storePlan('2013/14', { allocation: '123456.50', lines: halfPennyLines('119135.52') });
      expect(ruleOf(plan, 'SURPLUS')).toMatchObject({ required: '1234.57', planned: '1234.57', shortfall: '0.00', met: true });
      expect(plan.compliant).toBe(true);
    });

    it('requires a contingency of £1,250,000.01 on £250,000,001.00 (0.5% is £1,250,000.005)', async () => {
      const plan = await storePlan('2013/14', { allocation: '250000001.00', lines: { ...balanced2013, CONTINGENCY: '1250000.00' } });
      expect(ruleOf(plan, 'CONTINGENCY')).toMatchObject({ required: '1250000.01', planned: '1250000.00', shortfall: '0.01', met: false });
      expect(plan.latestVersion.allocation).toBe('250000001.00');
    });
  });
});

describe('the review cycle of a financial plan: versions, transitions and stale edits', () => {
  let world: FinanceWorld;
  beforeAll(async () => {
    world = await setUpFinanceWorld();
  }, 60_000);
  afterAll(() => world.close());

  const figures = { allocation: '200000000.00', lines: linesOf(plan2014) };
  let planId: string;
  const actionsOf = async (client: TestClient) => (await readPlan(client, LEEDS_NORTH, '2014/15'))?.availableActions;

  it('starts version 1 as a DRAFT at edit version 1, made by the finance officer', async () => {
    const plan = await mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures });
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'DRAFT', version: 1, compliant: false, illustrative: false, illustrativeNote: null });
    expect(plan.latestVersion).toMatchObject({ number: 1, status: 'DRAFT', allocation: '200000000.00', createdBy: { username: 'leeds-finance' }, submittedBy: null });
    expect(plan.versions.map((v) => [v.number, v.status])).toEqual([[1, 'DRAFT']]);
  });

  it("offers each reader the actions the plan's lifecycle allows them on a draft: none to an administrator", async () => {
    expect(await actionsOf(world.leedsFinance)).toEqual(['EDIT_DRAFT', 'SUBMIT']);
    expect(await actionsOf(world.assessor)).toEqual(['RECORD_FLEX', 'SET_WARNING_THRESHOLD']);
    expect(await actionsOf(world.admin)).toEqual([]);
  });

  it('refuses a second draft of the same year while one is open (CONFLICT, PLAN_HAS_OPEN_VERSION)', async () => {
    expect(await refusal(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures })).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_HAS_OPEN_VERSION' });
  });

  it('edits the draft from the version read, and moves the edit version on', async () => {
    const plan = await mutatePlan(world.leedsFinance, UPDATE, { planId, expectedVersion: 1, allocation: '200000000.00', lines: linesOf({ ...plan2014, ACUTE: '119000000', NON_RECURRENT_FUND: '5000000' }) });
    expect(plan).toMatchObject({ version: 2, compliant: true, status: 'DRAFT' });
    expect(plan.latestVersion.number).toBe(1);
  });

  it('refuses an edit from a stale reading with CONFLICT, STALE_VERSION, changing nothing', async () => {
    const refused = await refusal(world.leedsFinance, UPDATE, { planId, expectedVersion: 1, allocation: '1.00', lines: [] });
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', details: { expectedVersion: 1, currentVersion: 2, fields: ['expectedVersion'] } });
    const plan = await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15');
    expect(plan).toMatchObject({ version: 2, latestVersion: { allocation: '200000000.00' } });
  });

  it('lets exactly one of two simultaneous edits from the same reading through', async () => {
    const edit = (acute: string) => world.leedsFinance.graphql(UPDATE, { input: { planId, expectedVersion: 2, allocation: '200000000.00', lines: linesOf({ ...plan2014, ACUTE: acute }) } });
    const responses = await Promise.all([edit('119000000'), edit('118000000'), edit('117000000')]);
    const outcomes = responses.map((r) => (r.errors ? r.errors[0].extensions?.reason : 'OK')).sort();
    expect(outcomes).toEqual(['OK', 'STALE_VERSION', 'STALE_VERSION']);
    expect((await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15'))?.version).toBe(3);
  });

  it('refuses approval or return of a draft (CONFLICT, NOT_SUBMITTED)', async () => {
    expect(await refusal(world.assessor, APPROVE, { planId, expectedVersion: 3 })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUBMITTED' });
    expect(await refusal(world.assessor, RETURN, { planId, expectedVersion: 3, reason: 'x' })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUBMITTED' });
  });

  it('submits the draft, which is then frozen: no edit (NOT_A_DRAFT), no second submission, no new draft', async () => {
    const submitted = await mutatePlan(world.leedsFinance, SUBMIT, { planId, expectedVersion: 3 });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 4, latestVersion: { submittedBy: { username: 'leeds-finance' } } });
    expect(await refusal(world.leedsFinance, UPDATE, { planId, expectedVersion: 4, ...figures })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT', details: { status: 'SUBMITTED' } });
    expect(await refusal(world.leedsFinance, SUBMIT, { planId, expectedVersion: 4 })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
    expect(await refusal(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures })).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_HAS_OPEN_VERSION' });
    expect((await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15'))?.version).toBe(4);
    expect(submitted.availableActions).toEqual([]);
    expect(await actionsOf(world.assessor)).toEqual(['APPROVE', 'RETURN', 'RECORD_FLEX', 'SET_WARNING_THRESHOLD']);
  });

  it('refuses a return without a reason (BAD_USER_INPUT, REASON_REQUIRED)', async () => {
    expect(await refusal(world.assessor, RETURN, { planId, expectedVersion: 4, reason: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED', details: { fields: ['reason'] } });
  });

  it('lets the assessor return the submitted version with the reason, shown to the CCG', async () => {
    const returned = await mutatePlan(world.assessor, RETURN, { planId, expectedVersion: 4, reason: 'QIPP schemes are not evidenced.' });
    expect(returned).toMatchObject({ status: 'RETURNED', version: 5 });
    expect(returned.latestVersion).toMatchObject({ status: 'RETURNED', returnReason: 'QIPP schemes are not evidenced.', decidedBy: { username: 'assessor' } });
    expect((await readPlan(world.leedsFinance, LEEDS_NORTH, '2014/15'))?.latestVersion.returnReason).toBe('QIPP schemes are not evidenced.');
    expect(await refusal(world.assessor, APPROVE, { planId, expectedVersion: 5 })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUBMITTED', details: { status: 'RETURNED' } });
    expect(await actionsOf(world.leedsFinance)).toEqual(['START_DRAFT']);
  });

  it('starts version 2 after the return, keeping version 1 and its reason in the history', async () => {
    const plan = await mutatePlan(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', allocation: '200000000.00', lines: linesOf({ ...plan2014, ACUTE: '115000000', NON_RECURRENT_FUND: '5000000' }) });
    expect(plan).toMatchObject({ id: planId, status: 'DRAFT', version: 6, latestVersion: { number: 2 } });
    expect(plan.versions.map((v) => [v.number, v.status, v.returnReason])).toEqual([
      [2, 'DRAFT', null],
      [1, 'RETURNED', 'QIPP schemes are not evidenced.'],
    ]);
  });

  it('approves version 2 once submitted; an approved plan takes no new version (PLAN_APPROVED) and no edit', async () => {
    await mutatePlan(world.leedsFinance, SUBMIT, { planId, expectedVersion: 6 });
    expect(await refusal(world.assessor, APPROVE, { planId, expectedVersion: 6 })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const approved = await mutatePlan(world.assessor, APPROVE, { planId, expectedVersion: 7 });
    expect(approved).toMatchObject({ status: 'APPROVED', version: 8, latestVersion: { number: 2, decidedBy: { username: 'assessor' } } });
    expect(await refusal(world.leedsFinance, CREATE, { ccg: LEEDS_NORTH, financialYear: '2014/15', ...figures })).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_APPROVED' });
    expect(await refusal(world.leedsFinance, UPDATE, { planId, expectedVersion: 8, ...figures })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
    expect(await refusal(world.assessor, RETURN, { planId, expectedVersion: 8, reason: 'Changed my mind' })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUBMITTED' });
    expect(await actionsOf(world.leedsFinance)).toEqual(['RECORD_FORECAST']);
    expect(approved.availableActions).toEqual(['RECORD_FLEX', 'SET_WARNING_THRESHOLD']);
  });

  it('keeps a frozen version frozen even against SQL that skips the service (database guards)', async () => {
    const sql = world.db.dataSource;
    await expect(sql.query(`UPDATE financial_plan_version SET allocation = 1 WHERE plan_id = $1 AND number = 2`, [planId])).rejects.toThrow(/figures cannot change/);
    await expect(sql.query(`UPDATE financial_plan_version SET status = 'DRAFT' WHERE plan_id = $1 AND number = 2`, [planId])).rejects.toThrow(/cannot go from APPROVED to DRAFT/);
    await expect(sql.query(`UPDATE financial_plan_line SET amount = 0 WHERE plan_id = $1 AND version_number = 1`, [planId])).rejects.toThrow(/lines cannot change/);
    await expect(sql.query(`INSERT INTO financial_plan_line VALUES ($1, 2, 99, 'ACUTE', 1)`, [planId])).rejects.toThrow(/lines cannot change/);
  });

  it('answers null for a year the CCG has no plan for, and refuses a year without rules (UNKNOWN_FINANCIAL_YEAR)', async () => {
    expect(await readPlan(world.leedsFinance, LEEDS_NORTH, '2013/14')).toBeNull();
    const response = await world.leedsFinance.graphql(`{ financialPlan(ccg: "02V", financialYear: "2016/17") { id } }`);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_FINANCIAL_YEAR', details: { fields: ['financialYear'] } });
  });

  it.each([
    ['a negative line', { allocation: '100.00', lines: [{ category: 'ACUTE', amount: '1.00' }, { category: 'ACUTE', amount: '-0.01' }] }, 'NEGATIVE_AMOUNT', 'lines[1].amount'],
    ['a zero allocation', { allocation: '0.00', lines: [] }, 'INVALID_ALLOCATION', 'allocation'],
    ['money with three decimals', { allocation: '100.001', lines: [] }, 'INVALID_MONEY', undefined],
  ])('refuses a draft with %s as BAD_USER_INPUT, naming the field, storing nothing', async (_what, body, reason, field) => {
    const refused = await refusal(world.sheffieldFinance, CREATE, { ccg: SHEFFIELD, financialYear: '2013/14', ...body });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect((refused.details as { fields?: string[] } | undefined)?.fields).toEqual(field === undefined ? undefined : [field]);
    expect(await readPlan(world.sheffieldFinance, SHEFFIELD, '2013/14')).toBeNull();
  });

  it('refuses a plan for an organisation that is not a CCG (BAD_USER_INPUT, NOT_A_CCG)', async () => {
    expect(await refusal(world.areaTeamFinance, CREATE, { ccg: 'Q72', financialYear: '2013/14', ...figures })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CCG', details: { fields: ['ccg'] } });
  });

  it('refuses flexes the year cannot take: a rule it lacks, a percentage over 100, a blank reason', async () => {
    const flex = (body: Record<string, unknown>) => refusal(world.assessor, FLEX, { planId, rule: 'SURPLUS', percentage: '0.5', reason: 'r', ...body });
    expect(await flex({ rule: 'RUNNING_COSTS' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FLEX_RULE_NOT_IN_YEAR', details: { fields: ['rule'] } });
    expect(await flex({ percentage: '100.5' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FLEX_PERCENTAGE', details: { fields: ['percentage'] } });
    expect(await flex({ reason: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_FLEX_REASON', details: { fields: ['reason'] } });
    expect(await flex({ approvedOn: '2999-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'APPROVAL_DATE_IN_FUTURE', details: { fields: ['approvedOn'] } });
    expect((await readPlan(world.assessor, LEEDS_NORTH, '2014/15'))?.flexes).toEqual([]);
  });

  it('answers NOT_FOUND for a plan id that does not exist', async () => {
    expect(await refusal(world.assessor, APPROVE, { planId: '00000000-0000-4000-8000-000000000000', expectedVersion: 1 })).toMatchObject({ code: 'NOT_FOUND', reason: 'FINANCIAL_PLAN_NOT_FOUND' });
  });
});
