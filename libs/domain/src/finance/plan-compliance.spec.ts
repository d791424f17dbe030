import fc from 'fast-check';
import { Money, Percentage } from '../money';
import { FinancialRuleCode } from './financial-rules';
import { PlanCategory, PLAN_CATEGORIES, PROGRAMME_CATEGORIES } from './plan-categories';
import { evaluatePlanCompliance, FinancialPlanInput, PlanCompliance, PlanFlex } from './plan-compliance';
import { findFinancialRuleSet, listFinancialYears } from './rule-sets';

const m = (text: string) => Money.parse(text);
const pct = (text: string) => Percentage.parse(text);

type Lines = Partial<Record<PlanCategory, string>>;

function plan(financialYear: string, allocation: string, lines: Lines, extra: Partial<FinancialPlanInput> = {}): FinancialPlanInput {
  return {
    financialYear,
    allocation: m(allocation),
    lines: Object.entries(lines).map(([category, amount]) => ({ category: category as PlanCategory, amount: m(amount) })),
    ...extra,
  };
}

/** A rule's figures as wire strings, for readable tables. */
function rule(result: PlanCompliance, code: FinancialRuleCode) {
  const r = result.rules.find((x) => x.rule === code);
  if (!r) throw new Error(`no ${code} in ${result.financialYear}`);
  return {
    percentage: r.percentage.toString(),
    required: r.required.toString(),
    planned: r.planned.toString(),
    shortfall: r.shortfall.toString(),
    met: r.met,
  };
}

function flex(ruleCode: FinancialRuleCode, percentage: string, reason = 'Approved by NHS England'): PlanFlex {
  return { rule: ruleCode, percentage: pct(percentage), reason };
}

describe('evaluatePlanCompliance, 2013/14 (Everyone Counts: 3.5% set aside, seed 001 line 103)', () => {
  // A = £250m. Programme and running costs £241.25m; contingency £1.25m (0.5%); fund £5m (2%);
  // T = £247.5m, so S = £2.5m (1%): exactly 3.5% set aside.
  const balanced: Lines = {
    ACUTE: '150000000',
    MENTAL_HEALTH: '25000000',
    COMMUNITY: '20000000',
    PRIMARY_CARE: '10000000',
    PRESCRIBING: '30000000',
    CONTINUING_CARE: '3250000',
    RUNNING_COSTS: '3000000',
    CONTINGENCY: '1250000',
    NON_RECURRENT_FUND: '5000000',
  };

  it('complies when the plan sets aside exactly 3.5%: 1% surplus, 0.5% contingency, 2% fund', () => {
    const result = evaluatePlanCompliance(plan('2013/14', '250000000', balanced));
    expect(result.compliant).toBe(true);
    expect(result.plannedSpend.toString()).toBe('247500000.00');
    expect(result.plannedSurplus.toString()).toBe('2500000.00');
    expect(result.rules.map((r) => r.rule)).toEqual(['SURPLUS', 'CONTINGENCY', 'NON_RECURRENT_FUND']);
    expect(rule(result, 'SURPLUS')).toEqual({ percentage: '1', required: '2500000.00', planned: '2500000.00', shortfall: '0.00', met: true });
    expect(rule(result, 'CONTINGENCY')).toEqual({ percentage: '0.5', required: '1250000.00', planned: '1250000.00', shortfall: '0.00', met: true });
    expect(rule(result, 'NON_RECURRENT_FUND')).toEqual({ percentage: '2', required: '5000000.00', planned: '5000000.00', shortfall: '0.00', met: true });
    expect(result.rules.every((r) => !r.flexApplied && !('flexReason' in r))).toBe(true);
    // QIPP = P + C + F + S(required) - A = 241.25m + 1.25m + 5m + 2.5m - 250m = 0
    expect(result.qippRequirement.toString()).toBe('0.00');
    expect(result.qippPercentOfAllocation).toBe('0.00');
  });

  it('fails SURPLUS by one penny when one more penny is spent', () => {
    const result = evaluatePlanCompliance(plan('2013/14', '250000000', { ...balanced, ACUTE: '150000000.01' }));
    expect(result.compliant).toBe(false);
    expect(rule(result, 'SURPLUS')).toMatchObject({ planned: '2499999.99', shortfall: '0.01', met: false });
    // QIPP = 241,250,000.01 + 8,750,000 - 250,000,000 = £0.01, 0.000000004% of A: "0.00" to 2 places
    expect(result.qippRequirement.toString()).toBe('0.01');
    expect(result.qippPercentOfAllocation).toBe('0.00');
  });

  it('reads the year by its rule-set name too, and reports it the NHS way', () => {
    expect(evaluatePlanCompliance(plan('2013-14', '250000000', balanced)).financialYear).toBe('2013/14');
  });

  it("needs a QIPP of 6.5%, within the seed's 'often between 6 and 7%', when costs run 3% over allocation", () => {
    // seed 001 line 103: set-asides plus an unbalanced recurrent position plus in-year growth make QIPP
    // "often between 6 and 7%". A = £250m; inherited deficit 1.5% + growth 1.5%: programme and running
    // costs £257.5m, nothing set aside. T = £257.5m, S = -£7.5m.
    const result = evaluatePlanCompliance(
      plan('2013/14', '250000000', {
        ACUTE: '160000000',
        MENTAL_HEALTH: '25000000',
        COMMUNITY: '20000000',
        PRIMARY_CARE: '10000000',
        PRESCRIBING: '32000000',
        CONTINUING_CARE: '7500000',
        RUNNING_COSTS: '3000000',
      }),
    );
    expect(result.plannedSurplus.toString()).toBe('-7500000.00');
    expect(rule(result, 'SURPLUS')).toMatchObject({ required: '2500000.00', planned: '-7500000.00', shortfall: '10000000.00', met: false });
    expect(rule(result, 'CONTINGENCY')).toMatchObject({ planned: '0.00', shortfall: '1250000.00', met: false });
    expect(rule(result, 'NON_RECURRENT_FUND')).toMatchObject({ planned: '0.00', shortfall: '5000000.00', met: false });
    // QIPP = 257.5m + 1.25m + 5m + 2.5m - 250m = £16.25m; 16.25 / 250 = 6.5%
    expect(result.qippRequirement.toString()).toBe('16250000.00');
    expect(result.qippPercentOfAllocation).toBe('6.50');
  });

  it('applies an approved flex of the surplus to 0.5% (seed 001 line 107: "relaxing the requirement for the full 1% surplus")', () => {
    // A = £250m; programme £242.5m, contingency £1.25m, fund £5m: S = £1.25m, 0.5%.
    const lines: Lines = { ACUTE: '242500000', CONTINGENCY: '1250000', NON_RECURRENT_FUND: '5000000' };
    const strict = evaluatePlanCompliance(plan('2013/14', '250000000', lines));
    expect(rule(strict, 'SURPLUS')).toMatchObject({ shortfall: '1250000.00', met: false });
    // QIPP without the flex = 242.5m + 1.25m + 5m + 2.5m - 250m = £1.25m (0.50%)
    expect([strict.qippRequirement.toString(), strict.qippPercentOfAllocation]).toEqual(['1250000.00', '0.50']);

    const reason = 'Inherited recurrent deficit: NHS England agreed a 0.5% surplus for 2013/14';
    const flexed = evaluatePlanCompliance(plan('2013/14', '250000000', lines, { flexes: [flex('SURPLUS', '0.5', reason)] }));
    expect(flexed.compliant).toBe(true);
    expect(rule(flexed, 'SURPLUS')).toEqual({ percentage: '0.5', required: '1250000.00', planned: '1250000.00', shortfall: '0.00', met: true });
    expect(flexed.rules[0]).toMatchObject({ flexApplied: true, flexReason: reason });
    expect(flexed.rules.slice(1).every((r) => !r.flexApplied)).toBe(true);
    // QIPP with the flex = 242.5m + 1.25m + 5m + 1.25m - 250m = 0
    expect(flexed.qippRequirement.toString()).toBe('0.00');
  });

  it('needs nothing for running costs or the Better Care Fund before 2015/16, and ignores them if given', () => {
    const result = evaluatePlanCompliance(
      plan('2013/14', '250000000', balanced, { priorYearRunningCosts: m('1'), betterCareFundMinimum: m('-1') }),
    );
    expect(result.compliant).toBe(true);
  });

  it('checks a plan with no lines: the whole allocation is surplus, the reserves are missing', () => {
    const result = evaluatePlanCompliance(plan('2013/14', '100', {}));
    expect(result.plannedSpend.toString()).toBe('0.00');
    expect(rule(result, 'SURPLUS')).toMatchObject({ required: '1.00', planned: '100.00', met: true });
    expect(rule(result, 'CONTINGENCY')).toMatchObject({ required: '0.50', shortfall: '0.50', met: false });
    // QIPP = 0 + 0.50 + 2.00 + 1.00 - 100 < 0, so 0
    expect(result.qippRequirement.toString()).toBe('0.00');
  });
});

describe('evaluatePlanCompliance, 2014/15 (4% non-recurrent requirement, seed 001 line 26)', () => {
  // A = £200m: 1% = £2m surplus, 0.5% = £1m contingency, 2.5% = £5m fund.
  const programme: Lines = {
    ACUTE: '120000000',
    MENTAL_HEALTH: '20000000',
    COMMUNITY: '16000000',
    PRIMARY_CARE: '8000000',
    PRESCRIBING: '24000000',
    CONTINUING_CARE: '2000000',
    RUNNING_COSTS: '2000000',
  }; // £192m

  it('complies when the plan sets aside 4%', () => {
    const result = evaluatePlanCompliance(plan('2014/15', '200000000', { ...programme, CONTINGENCY: '1000000', NON_RECURRENT_FUND: '5000000' }));
    expect(result.compliant).toBe(true);
    expect(result.plannedSurplus.toString()).toBe('2000000.00');
    // QIPP = 192m + 1m + 5m + 2m - 200m = 0
    expect(result.qippRequirement.toString()).toBe('0.00');
  });

  it('falls short on NON_RECURRENT_FUND by exactly 0.5% of allocation when it holds a 2% fund, not 2.5%', () => {
    // The other £1m goes on recurrent running costs: programme and running costs £193m, contingency £1m,
    // fund £4m (2%); T = £198m, S = £2m.
    const allocation = m('200000000');
    const result = evaluatePlanCompliance(
      plan('2014/15', '200000000', { ...programme, RUNNING_COSTS: '3000000', CONTINGENCY: '1000000', NON_RECURRENT_FUND: '4000000' }),
    );
    expect(result.compliant).toBe(false);
    expect(rule(result, 'NON_RECURRENT_FUND')).toEqual({ percentage: '2.5', required: '5000000.00', planned: '4000000.00', shortfall: '1000000.00', met: false });
    const fund = result.rules.find((r) => r.rule === 'NON_RECURRENT_FUND');
    expect(fund?.shortfall.equals(allocation.multiplyByPercentage(pct('0.5'), 'HALF_AWAY_FROM_ZERO'))).toBe(true);
    expect(rule(result, 'SURPLUS').met && rule(result, 'CONTINGENCY').met).toBe(true);
    // QIPP = P + C + F + S(required) - A = 193m + 1m + 5m + 2m - 200m = £1m, 0.5% of A: the fund's shortfall
    expect(result.qippRequirement.toString()).toBe('1000000.00');
    expect(result.qippPercentOfAllocation).toBe('0.50');
  });

  it('complies with a 2% fund under an approved flex (seed 001 line 107: "flexibility in the 2%")', () => {
    const result = evaluatePlanCompliance(
      plan('2014/15', '200000000', { ...programme, RUNNING_COSTS: '3000000', CONTINGENCY: '1000000', NON_RECURRENT_FUND: '4000000' }, {
        flexes: [flex('NON_RECURRENT_FUND', '2', 'Part of the fund used recurrently, approved by the area team')],
      }),
    );
    expect(result.compliant).toBe(true);
    expect(rule(result, 'NON_RECURRENT_FUND')).toMatchObject({ percentage: '2', required: '4000000.00', shortfall: '0.00' });
    // QIPP = 193m + 1m + 4m (flexed) + 2m - 200m = 0
    expect(result.qippRequirement.toString()).toBe('0.00');
  });

  it('rounds each required amount once to the penny, halves away from zero', () => {
    // A = £123,456,789.00: 1% = 123,456,789p exactly = £1,234,567.89;
    // 0.5% = 61,728,394.5p -> £617,283.95; 2.5% = 308,641,972.5p -> £3,086,419.73.
    // The plan holds the half-even (and truncated) figures, a penny short of each.
    // Programme £118,518,517.45 = 123,456,789.00 - 1,234,567.89 - 617,283.94 - 3,086,419.72, so S is exactly 1%.
    const result = evaluatePlanCompliance(
      plan('2014/15', '123456789.00', { ACUTE: '118518517.45', CONTINGENCY: '617283.94', NON_RECURRENT_FUND: '3086419.72' }),
    );
    expect(rule(result, 'SURPLUS')).toMatchObject({ required: '1234567.89', planned: '1234567.89', met: true });
    expect(rule(result, 'CONTINGENCY')).toMatchObject({ required: '617283.95', shortfall: '0.01', met: false });
    expect(rule(result, 'NON_RECURRENT_FUND')).toMatchObject({ required: '3086419.73', shortfall: '0.01', met: false });
    // QIPP = 118,518,517.45 + 617,283.95 + 3,086,419.73 + 1,234,567.89 - 123,456,789.00 = £0.02
    expect(result.qippRequirement.toString()).toBe('0.02');
    expect(result.qippPercentOfAllocation).toBe('0.00');
  });
});

describe('evaluatePlanCompliance, 2015/16 (Better Care Fund and running costs, seed 001 line 26)', () => {
  // A = £400m; prior-year running costs £5m (cap 90% = £4.5m); Better Care Fund minimum £8.8m (2.2% of A).
  const inputs = { priorYearRunningCosts: m('5000000'), betterCareFundMinimum: m('8800000') };
  const lines: Lines = {
    ACUTE: '200000000',
    MENTAL_HEALTH: '50000000',
    COMMUNITY: '40000000',
    PRIMARY_CARE: '30000000',
    PRESCRIBING: '35000000',
    CONTINUING_CARE: '15600000',
    RUNNING_COSTS: '4600000', // 8% below £5m, not 10%
    BETTER_CARE_FUND: '8800000',
    CONTINGENCY: '2000000',
    NON_RECURRENT_FUND: '10000000',
  }; // T = £396m, S = £4m (1%)

  it('fails RUNNING_COSTS by exactly 2% of prior-year running costs when they fell only 8%', () => {
    const result = evaluatePlanCompliance(plan('2015/16', '400000000', lines, inputs));
    expect(result.rules.map((r) => r.rule)).toEqual(['SURPLUS', 'CONTINGENCY', 'NON_RECURRENT_FUND', 'BETTER_CARE_FUND', 'RUNNING_COSTS']);
    expect(result.compliant).toBe(false);
    expect(rule(result, 'RUNNING_COSTS')).toEqual({ percentage: '10', required: '4500000.00', planned: '4600000.00', shortfall: '100000.00', met: false });
    const runningCosts = result.rules.find((r) => r.rule === 'RUNNING_COSTS');
    expect(runningCosts?.shortfall.equals(inputs.priorYearRunningCosts.multiplyByPercentage(pct('2'), 'HALF_AWAY_FROM_ZERO'))).toBe(true);
    expect(result.rules.filter((r) => r.rule !== 'RUNNING_COSTS').every((r) => r.met)).toBe(true);
    expect(rule(result, 'BETTER_CARE_FUND')).toEqual({ percentage: '100', required: '8800000.00', planned: '8800000.00', shortfall: '0.00', met: true });
    // QIPP = P + bcfShortfall - runningCostExcess + C + F + S - A, P = 396m - 2m - 10m = 384m:
    //      = 384m + 0 - 0.1m + 2m + 10m + 4m - 400m = -£0.1m, so 0: the only saving needed is the
    //        £0.1m running-cost cut itself, which the formula counts apart from QIPP.
    expect(result.qippRequirement.toString()).toBe('0.00');
  });

  it('complies with running costs down 8% under an approved flex of the reduction to 8%', () => {
    const result = evaluatePlanCompliance(
      plan('2015/16', '400000000', lines, { ...inputs, flexes: [flex('RUNNING_COSTS', '8', 'Delegated primary care staff transferred in')] }),
    );
    expect(result.compliant).toBe(true);
    // cap = £5m x (100 - 8)% = £4.6m
    expect(rule(result, 'RUNNING_COSTS')).toEqual({ percentage: '8', required: '4600000.00', planned: '4600000.00', shortfall: '0.00', met: true });
    expect(result.rules.find((r) => r.rule === 'RUNNING_COSTS')?.flexApplied).toBe(true);
  });

  it('needs a QIPP of just over 6% when nothing is set aside and the Better Care Fund is still to be found', () => {
    // seed 001 line 26: 4% "rising to just over 6% with the money to be found for the Better Care Fund".
    // Programme £395.5m plus running costs at the £4.5m cap spend the whole allocation; no BCF, no reserves.
    const result = evaluatePlanCompliance(
      plan(
        '2015/16',
        '400000000',
        { ACUTE: '215500000', MENTAL_HEALTH: '50000000', COMMUNITY: '45000000', PRIMARY_CARE: '30000000', PRESCRIBING: '40000000', CONTINUING_CARE: '15000000', RUNNING_COSTS: '4500000' },
        inputs,
      ),
    );
    expect(rule(result, 'BETTER_CARE_FUND')).toMatchObject({ planned: '0.00', shortfall: '8800000.00', met: false });
    expect(rule(result, 'RUNNING_COSTS')).toMatchObject({ shortfall: '0.00', met: true });
    // QIPP = 400m + 8.8m - 0 + 2m + 10m + 4m - 400m = £24.8m; 24.8 / 400 = 6.2%
    expect(result.qippRequirement.toString()).toBe('24800000.00');
    expect(result.qippPercentOfAllocation).toBe('6.20');
  });

  it('counts the running-cost cut apart from QIPP', () => {
    // As above but running costs held at last year's £5m and programme £395m: excess £0.5m.
    const result = evaluatePlanCompliance(
      plan('2015/16', '400000000', { ACUTE: '395000000', RUNNING_COSTS: '5000000' }, inputs),
    );
    expect(rule(result, 'RUNNING_COSTS')).toMatchObject({ required: '4500000.00', shortfall: '500000.00', met: false });
    // QIPP = 400m + 8.8m - 0.5m + 2m + 10m + 4m - 400m = £24.3m; 24.3 / 400 = 6.075% -> 6.08 (half away from zero)
    expect(result.qippRequirement.toString()).toBe('24300000.00');
    expect(result.qippPercentOfAllocation).toBe('6.08');
  });

  it('rounds the running-cost cap and a flexed Better Care Fund share to the penny, halves away from zero', () => {
    // cap = £1,234.55 x 90% = 111,109.5p -> £1,111.10; BCF 50% of £1,000.01 = 50,000.5p -> £500.01.
    const result = evaluatePlanCompliance(
      plan('2015/16', '100000', { RUNNING_COSTS: '1111.10', BETTER_CARE_FUND: '500.00' }, {
        priorYearRunningCosts: m('1234.55'),
        betterCareFundMinimum: m('1000.01'),
        flexes: [flex('BETTER_CARE_FUND', '50', 'Local authority agreed a phased contribution')],
      }),
    );
    expect(rule(result, 'RUNNING_COSTS')).toMatchObject({ required: '1111.10', met: true });
    expect(rule(result, 'BETTER_CARE_FUND')).toEqual({ percentage: '50', required: '500.01', planned: '500.00', shortfall: '0.01', met: false });
  });
});

describe('evaluatePlanCompliance input checks', () => {
  const ok: Lines = { ACUTE: '90', CONTINGENCY: '1', NON_RECURRENT_FUND: '3' };
  const bcf = { priorYearRunningCosts: m('10'), betterCareFundMinimum: m('2') };
  const cases: [string, FinancialPlanInput, string, Record<string, unknown>][] = [
    ['an unknown year', plan('2016/17', '100', ok), 'UNKNOWN_FINANCIAL_YEAR', { financialYear: '2016/17' }],
    ['a zero allocation', plan('2013/14', '0', ok), 'INVALID_ALLOCATION', { allocation: '0.00' }],
    ['a negative allocation', plan('2013/14', '-100', ok), 'INVALID_ALLOCATION', { allocation: '-100.00' }],
    ['a negative line', plan('2013/14', '100', { ACUTE: '90', CONTINGENCY: '-1' }), 'NEGATIVE_AMOUNT', { field: 'lines[1].amount', category: 'CONTINGENCY' }],
    ['an unknown category', plan('2013/14', '100', { SURPLUS: '1' } as Lines), 'UNKNOWN_PLAN_CATEGORY', { field: 'lines[0].category' }],
    ['2015/16 without prior-year running costs', plan('2015/16', '100', ok, { betterCareFundMinimum: m('2') }), 'MISSING_INPUT', { field: 'priorYearRunningCosts', rule: 'RUNNING_COSTS' }],
    ['2015/16 without the Better Care Fund minimum', plan('2015/16', '100', ok, { priorYearRunningCosts: m('10') }), 'MISSING_INPUT', { field: 'betterCareFundMinimum', rule: 'BETTER_CARE_FUND' }],
    ['negative prior-year running costs', plan('2015/16', '100', ok, { ...bcf, priorYearRunningCosts: m('-10') }), 'NEGATIVE_AMOUNT', { field: 'priorYearRunningCosts' }],
    ['a flex of a rule the year lacks', plan('2013/14', '100', ok, { flexes: [flex('RUNNING_COSTS', '5')] }), 'FLEX_RULE_NOT_IN_YEAR', { rule: 'RUNNING_COSTS', financialYear: '2013/14' }],
    ['a flex of no rule at all', plan('2015/16', '100', ok, { ...bcf, flexes: [flex('QIPP' as FinancialRuleCode, '5')] }), 'FLEX_RULE_NOT_IN_YEAR', { rule: 'QIPP' }],
    ['a rule flexed twice', plan('2013/14', '100', ok, { flexes: [flex('SURPLUS', '0.5'), flex('SURPLUS', '0.75')] }), 'DUPLICATE_FLEX', { field: 'flexes[1]', rule: 'SURPLUS' }],
    ['a flex below 0%', plan('2013/14', '100', ok, { flexes: [flex('SURPLUS', '-0.5')] }), 'INVALID_FLEX_PERCENTAGE', { percentage: '-0.5' }],
    ['a flex above 100%', plan('2013/14', '100', ok, { flexes: [flex('SURPLUS', '100.01')] }), 'INVALID_FLEX_PERCENTAGE', { percentage: '100.01' }],
    ['an allocation beyond what the database keeps', { ...plan('2013/14', '100', ok), allocation: Money.fromPence(10n ** 14n) }, 'MONEY_OUT_OF_RANGE', { field: 'allocation' }],
    ['a line beyond what the database keeps', { ...plan('2013/14', '100', ok), lines: [{ category: 'ACUTE', amount: Money.fromPence(-(10n ** 14n)) }] }, 'MONEY_OUT_OF_RANGE', { field: 'lines[0].amount' }],
    ['a flex without a reason', plan('2013/14', '100', ok, { flexes: [flex('SURPLUS', '0.5', '  ')] }), 'MISSING_FLEX_REASON', { rule: 'SURPLUS' }],
  ];
  it.each(cases)('rejects %s', (_name, input, code, details) => {
    expect(() => evaluatePlanCompliance(input)).toThrow(expect.objectContaining({ code, details: expect.objectContaining(details) }));
  });

  it('accepts flexes at the bounds, 0% and 100%', () => {
    const result = evaluatePlanCompliance(plan('2013/14', '100', ok, { flexes: [flex('SURPLUS', '0'), flex('CONTINGENCY', '100')] }));
    expect(rule(result, 'SURPLUS')).toMatchObject({ required: '0.00', met: true });
    expect(rule(result, 'CONTINGENCY')).toMatchObject({ required: '100.00', shortfall: '99.00', met: false });
  });
});

describe('evaluatePlanCompliance properties', () => {
  const penceUpTo = (max: bigint) => fc.bigInt({ min: 0n, max }).map((p) => Money.fromPence(p));
  const percentageText = fc.integer({ min: 0, max: 10000 }).map((hundredths) => {
    const digits = hundredths.toString().padStart(3, '0');
    return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  });
  const planInput: fc.Arbitrary<FinancialPlanInput> = fc
    .record({
      financialYear: fc.constantFrom(...listFinancialYears()),
      allocation: fc.bigInt({ min: 1n, max: 10n ** 12n }).map((p) => Money.fromPence(p)),
      lines: fc.array(fc.record({ category: fc.constantFrom(...PLAN_CATEGORIES), amount: penceUpTo(3n * 10n ** 11n) }), { maxLength: 15 }),
      priorYearRunningCosts: penceUpTo(10n ** 10n),
      betterCareFundMinimum: penceUpTo(10n ** 10n),
      flexed: fc.array(fc.tuple(fc.constantFrom<FinancialRuleCode>('SURPLUS', 'CONTINGENCY', 'NON_RECURRENT_FUND', 'BETTER_CARE_FUND', 'RUNNING_COSTS'), percentageText)),
    })
    .map(({ flexed, ...input }) => {
      const ruleCodes = findFinancialRuleSet(input.financialYear).rules.map((r) => r.code);
      const seen = new Set<FinancialRuleCode>();
      const flexes = flexed
        .filter(([code]) => ruleCodes.includes(code) && !seen.has(code) && seen.add(code))
        .map(([code, percentage]) => flex(code, percentage));
      return { ...input, flexes };
    });

  it('balances: spend plus surplus is the allocation; compliant exactly when no rule falls short', () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const result = evaluatePlanCompliance(input);
        expect(result.plannedSpend.plus(result.plannedSurplus)).toEqual(input.allocation);
        expect(result.compliant).toBe(result.rules.every((r) => r.shortfall.isZero()));
        expect(result.rules.every((r) => r.met === r.shortfall.isZero() && !r.shortfall.isNegative())).toBe(true);
      }),
    );
  });

  it('needs no QIPP from a compliant plan, and never more QIPP than the set-aside and BCF shortfalls', () => {
    // With every rule met, A = P + C + F + S, so QIPP = (Creq - C) + (Freq - F) + (Sreq - S) <= 0.
    fc.assert(
      fc.property(planInput, (input) => {
        const result = evaluatePlanCompliance(input);
        const shortfalls = Money.sum(result.rules.filter((r) => r.rule !== 'RUNNING_COSTS').map((r) => r.shortfall));
        expect(result.qippRequirement.isNegative()).toBe(false);
        expect(result.qippRequirement.isLessThanOrEqual(shortfalls)).toBe(true);
        if (result.compliant) expect(result.qippRequirement.isZero()).toBe(true);
      }),
    );
  });

  it('never breaks a met rule, nor raises QIPP, when a programme line is lowered to add to the surplus', () => {
    fc.assert(
      fc.property(
        planInput,
        fc.constantFrom(...PROGRAMME_CATEGORIES),
        penceUpTo(3n * 10n ** 11n),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (input, category, amount, cut) => {
          const lines = [...input.lines, { category, amount }];
          const before = evaluatePlanCompliance({ ...input, lines });
          const lowered = lines.map((line, i) =>
            i === lines.length - 1 ? { category, amount: Money.fromPence(amount.pence - (cut % (amount.pence + 1n))) } : line,
          );
          const after = evaluatePlanCompliance({ ...input, lines: lowered });
          before.rules.forEach((r, i) => {
            if (r.met) expect(after.rules[i].met).toBe(true);
          });
          expect(after.plannedSurplus.isGreaterThanOrEqual(before.plannedSurplus)).toBe(true);
          expect(after.qippRequirement.isLessThanOrEqual(before.qippRequirement)).toBe(true);
        },
      ),
    );
  });
});
