import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server';
import { BALANCED_2013_COMPLIANCE, balanced2013, linesOf, plan2014, plan2015, type Compliance as PlanCompliance } from './financial-plans.fixtures';

type Compliance = { evaluatePlanCompliance: PlanCompliance };

const EVALUATE = `query Evaluate($input: FinancialPlanInput!) {
  evaluatePlanCompliance(input: $input) {
    financialYear compliant plannedSpend plannedSurplus qippRequirement qippPercentOfAllocation
    rules { rule percentage required planned shortfall met flexApplied flexReason }
  }
}`;

const ruleOf = (result: Compliance | null | undefined, rule: string) => result?.evaluatePlanCompliance.rules.find((r) => r.rule === rule);

describe('financial plan compliance over GraphQL (what-if, anonymous, nothing stored)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let client: TestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.dataSource);
    client = server.client();
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const evaluate = (input: Record<string, unknown>) => client.graphql<Compliance>(EVALUATE, { input });

  it('finds a 2013/14 plan setting aside exactly 3.5% compliant, answering to the penny', async () => {
    const response = await evaluate({ financialYear: '2013/14', allocation: '250000000.00', lines: linesOf(balanced2013) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.evaluatePlanCompliance).toEqual(BALANCED_2013_COMPLIANCE);
  });

  it('fails the 2013/14 SURPLUS rule by exactly one penny when one more penny is spent', async () => {
    const response = await evaluate({ financialYear: '2013/14', allocation: '250000000', lines: linesOf({ ...balanced2013, ACUTE: '150000000.01' }) });
    expect(response.data?.evaluatePlanCompliance).toMatchObject({ compliant: false, plannedSurplus: '2499999.99', qippRequirement: '0.01', qippPercentOfAllocation: '0.00' });
    expect(ruleOf(response.data, 'SURPLUS')).toMatchObject({ planned: '2499999.99', shortfall: '0.01', met: false });
  });


  it('finds a 2014/15 plan holding a 2% fund short on NON_RECURRENT_FUND by exactly 0.5% of allocation', async () => {
    const response = await evaluate({ financialYear: '2014/15', allocation: '200000000.00', lines: linesOf(plan2014) });
    expect(response.errors).toBeUndefined();
    const result = response.data?.evaluatePlanCompliance;
    expect(result).toMatchObject({ compliant: false, plannedSpend: '198000000.00', plannedSurplus: '2000000.00', qippRequirement: '1000000.00', qippPercentOfAllocation: '0.50' });
    expect(ruleOf(response.data, 'NON_RECURRENT_FUND')).toEqual({
      rule: 'NON_RECURRENT_FUND',
      percentage: '2.5',
      required: '5000000.00',
      planned: '4000000.00',
      shortfall: '1000000.00',
      met: false,
      flexApplied: false,
      flexReason: null,
    });
    expect(ruleOf(response.data, 'SURPLUS')?.met && ruleOf(response.data, 'CONTINGENCY')?.met).toBe(true);
  });

  it('reports an approved flex of the 2014/15 fund to 2%, with its reason, and then complies', async () => {
    const reason = 'Part of the fund used recurrently, approved by the area team';
    const response = await evaluate({
      financialYear: '2014/15',
      allocation: '200000000.00',
      lines: linesOf(plan2014),
      flexes: [{ rule: 'NON_RECURRENT_FUND', percentage: '2', reason }],
    });
    expect(response.data?.evaluatePlanCompliance).toMatchObject({ compliant: true, qippRequirement: '0.00' });
    expect(ruleOf(response.data, 'NON_RECURRENT_FUND')).toEqual({
      rule: 'NON_RECURRENT_FUND',
      percentage: '2',
      required: '4000000.00',
      planned: '4000000.00',
      shortfall: '0.00',
      met: true,
      flexApplied: true,
      flexReason: reason,
    });
    expect(ruleOf(response.data, 'SURPLUS')).toMatchObject({ flexApplied: false, flexReason: null });
  });

  const inputs2015 = { financialYear: '2015/16', allocation: '400000000.00', priorYearRunningCosts: '5000000.00', betterCareFundMinimum: '8800000.00' };

  it('fails a 2015/16 plan on RUNNING_COSTS by exactly 2% of prior-year running costs when they fell only 8%', async () => {
    const response = await evaluate({ ...inputs2015, lines: linesOf(plan2015) });
    expect(response.errors).toBeUndefined();
    const result = response.data?.evaluatePlanCompliance;
    expect(result?.rules.map((r) => [r.rule, r.met])).toEqual([
      ['SURPLUS', true],
      ['CONTINGENCY', true],
      ['NON_RECURRENT_FUND', true],
      ['BETTER_CARE_FUND', true],
      ['RUNNING_COSTS', false],
    ]);
    // cap = 90% of £5m = £4.5m; planned £4.6m; shortfall £0.1m = 2% of £5m.
    expect(ruleOf(response.data, 'RUNNING_COSTS')).toMatchObject({ percentage: '10', required: '4500000.00', planned: '4600000.00', shortfall: '100000.00', met: false });
    expect(result).toMatchObject({ compliant: false, plannedSpend: '396000000.00', plannedSurplus: '4000000.00', qippRequirement: '0.00' });
  });

  it('refuses a 2015/16 plan without prior-year running costs: BAD_USER_INPUT, MISSING_INPUT', async () => {
    const response = await evaluate({ ...inputs2015, priorYearRunningCosts: null, lines: linesOf(plan2015) });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_INPUT' });
  });

  it.each([
    ['three decimal places', '12.345'],
    ['letters', 'abc'],
    ['a pound sign and commas', '£1,000.00'],
  ])('refuses money with %s ("%s") as BAD_USER_INPUT, INVALID_MONEY', async (_what, allocation) => {
    const response = await evaluate({ financialYear: '2014/15', allocation, lines: [] });
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' });
    expect(response.errors?.[0].message).toContain(allocation);
    expect(response.errors?.[0].message).toContain('input.allocation');
  });

  it('refuses money sent as a JSON number, which could not be exact', async () => {
    const response = await evaluate({ financialYear: '2014/15', allocation: 200000000.5, lines: [] });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' });
  });

  it('refuses bad money written in the query itself, and a line amount as well as the allocation', async () => {
    const response = await client.graphql(`{ evaluatePlanCompliance(input: {financialYear: "2014/15", allocation: "100", lines: [{category: ACUTE, amount: "12.345"}]}) { compliant } }`);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' });
    const numeric = await client.graphql(`{ evaluatePlanCompliance(input: {financialYear: "2014/15", allocation: 100.5, lines: []}) { compliant } }`);
    expect(numeric.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' });
  });

  it('refuses a flex percentage that is not a decimal as BAD_USER_INPUT, INVALID_PERCENTAGE', async () => {
    const response = await evaluate({ financialYear: '2014/15', allocation: '100', lines: [], flexes: [{ rule: 'SURPLUS', percentage: '2.5%', reason: 'x' }] });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PERCENTAGE' });
  });

  it('refuses an unknown year as BAD_USER_INPUT, UNKNOWN_FINANCIAL_YEAR, naming the known years', async () => {
    const response = await evaluate({ financialYear: '2016/17', allocation: '100.00', lines: [] });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_FINANCIAL_YEAR',
      details: { financialYear: '2016/17', known: ['2013/14', '2014/15', '2015/16'] },
    });
  });

  it('refuses a negative line as BAD_USER_INPUT, NEGATIVE_AMOUNT', async () => {
    const response = await evaluate({ financialYear: '2014/15', allocation: '100.00', lines: linesOf({ ACUTE: '-0.01' }) });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NEGATIVE_AMOUNT' });
  });

  it('refuses more than 200 lines before any rule runs (VALIDATION_FAILED)', async () => {
    const lines = Array.from({ length: 201 }, () => ({ category: 'ACUTE', amount: '1.00' }));
    const response = await evaluate({ financialYear: '2014/15', allocation: '1000.00', lines });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
    const ok = await evaluate({ financialYear: '2014/15', allocation: '1000.00', lines: lines.slice(1) });
    expect(ok.data?.evaluatePlanCompliance.plannedSpend).toBe('200.00');
  });

  it("lists each year's rules with percentages and the source they rest on, anonymously", async () => {
    const response = await client.graphql<{ financialRuleSets: { financialYear: string; name: string; rules: { rule: string; percentage: string; basis: string; isCap: boolean; source: { basis: string; text: string } }[] }[] }>(
      `{ financialRuleSets { financialYear name rules { rule percentage basis isCap source { basis document locator text } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const sets = response.data?.financialRuleSets ?? [];
    expect(sets.map((set) => [set.financialYear, set.name])).toEqual([
      ['2013/14', '2013-14'],
      ['2014/15', '2014-15'],
      ['2015/16', '2015-16'],
    ]);
    expect(sets[1].rules.map((r) => [r.rule, r.percentage])).toEqual([
      ['SURPLUS', '1'],
      ['CONTINGENCY', '0.5'],
      ['NON_RECURRENT_FUND', '2.5'],
    ]);
    expect(sets[2].rules.find((r) => r.rule === 'RUNNING_COSTS')).toMatchObject({ percentage: '10', basis: 'PRIOR_YEAR_RUNNING_COSTS', isCap: true });
    expect(sets[0].rules[0].source).toMatchObject({ basis: 'SEED', text: expect.stringContaining('3.5%') });
  });

  it('stores nothing: the audit trail is unchanged after a check', async () => {
    const before = await db.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    await evaluate({ financialYear: '2014/15', allocation: '200000000.00', lines: linesOf(plan2014) });
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM audit_event')).toEqual(before);
  });
});
