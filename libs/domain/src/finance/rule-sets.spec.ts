import { Percentage } from '../money';
import { FINANCIAL_RULE_CODES, FINANCIAL_RULE_DEFINITIONS, isFinancialRuleCode } from './financial-rules';
import { isPlanCategory, PLAN_CATEGORIES, PROGRAMME_CATEGORIES, RESERVE_CATEGORIES } from './plan-categories';
import { FINANCIAL_RULE_SETS, findFinancialRuleSet, listFinancialRuleSets, listFinancialYears } from './rule-sets';

const percentages = (year: string) =>
  Object.fromEntries(findFinancialRuleSet(year).rules.map((r) => [r.code, r.percentage.toString()]));

describe('financial rule sets (DOMAIN.md "Financial planning rules")', () => {
  it('lists the years with rules, oldest first', () => {
    expect(listFinancialYears()).toEqual(['2013/14', '2014/15', '2015/16']);
    expect(listFinancialRuleSets()).toBe(FINANCIAL_RULE_SETS);
    expect(listFinancialRuleSets().map((s) => s.name)).toEqual(['2013-14', '2014-15', '2015-16']);
  });

  it.each([
    // seed 001 line 103: 1% surplus, 0.5% contingency, 2% transformational fund (3.5% in all)
    ['2013/14', { SURPLUS: '1', CONTINGENCY: '0.5', NON_RECURRENT_FUND: '2' }, '3.5'],
    // seed 001 line 26: 4% non-recurrent requirement (0.5% contingency, 1% surplus, 2.5% non-recurrent)
    ['2014/15', { SURPLUS: '1', CONTINGENCY: '0.5', NON_RECURRENT_FUND: '2.5' }, '4'],
    // seed 001 line 26: plus the Better Care Fund, and a 10% reduction in running costs, in 2015/16
    ['2015/16', { SURPLUS: '1', CONTINGENCY: '0.5', NON_RECURRENT_FUND: '2.5', BETTER_CARE_FUND: '100', RUNNING_COSTS: '10' }, '4'],
  ])('%s has the rules %p, setting aside %s%% of allocation', (year, expected, setAside) => {
    expect(percentages(year)).toEqual(expected);
    const ofAllocation = findFinancialRuleSet(year).rules.filter((r) => FINANCIAL_RULE_DEFINITIONS[r.code].basis === 'ALLOCATION');
    const total = ofAllocation.reduce((sum, r) => sum.plus(r.percentage), Percentage.ZERO);
    expect(total.toString()).toBe(setAside);
  });

  it('finds a rule set by the year or by its name', () => {
    expect(findFinancialRuleSet('2014-15')).toBe(findFinancialRuleSet('2014/15'));
    expect(findFinancialRuleSet(' 2014/15 ')).toBe(findFinancialRuleSet('2014/15'));
  });

  it.each(['2012/13', '2016/17', '', '2014/2015', '2014/16', '14/15'])('throws UNKNOWN_FINANCIAL_YEAR for %p', (year) => {
    expect(() => findFinancialRuleSet(year)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FINANCIAL_YEAR', details: { financialYear: year, known: ['2013/14', '2014/15', '2015/16'] } }),
    );
  });

  it('keeps each rule set in the fixed rule order, one rule per code, each citing its source', () => {
    for (const set of FINANCIAL_RULE_SETS) {
      const codes = set.rules.map((r) => r.code);
      expect(codes).toEqual(FINANCIAL_RULE_CODES.filter((c) => codes.includes(c)));
      for (const rule of set.rules) {
        expect(rule.source.basis).toBe('SEED');
        expect(rule.source.document).toMatch(/^seeds\/001_b868adc008dc83bd\.txt/);
        expect(rule.source.locator).toMatch(/line \d+/);
        // The cited words carry the figure: "1% surplus", "10% reduction in running costs"; the BCF rule is 100% of the minimum.
        const figure = rule.code === 'BETTER_CARE_FUND' ? 'Better Care Fund' : `${rule.percentage.toString()}%`;
        expect(rule.source.text).toContain(figure);
      }
    }
  });

  it('is read-only data', () => {
    expect(Object.isFrozen(FINANCIAL_RULE_SETS)).toBe(true);
    expect(Object.isFrozen(FINANCIAL_RULE_SETS[0].rules)).toBe(true);
    expect(Object.isFrozen(FINANCIAL_RULE_SETS[0].rules[0])).toBe(true);
    expect(Object.isFrozen(FINANCIAL_RULE_DEFINITIONS)).toBe(true);
  });

  it('names the categories and rule codes the API and the web app build enums from', () => {
    expect(FINANCIAL_RULE_CODES).toEqual(['SURPLUS', 'CONTINGENCY', 'NON_RECURRENT_FUND', 'BETTER_CARE_FUND', 'RUNNING_COSTS']);
    expect(PLAN_CATEGORIES).toHaveLength(11);
    expect([...PROGRAMME_CATEGORIES, 'RUNNING_COSTS', 'BETTER_CARE_FUND', ...RESERVE_CATEGORIES]).toEqual([...PLAN_CATEGORIES]);
    expect(PLAN_CATEGORIES.every(isPlanCategory)).toBe(true);
    expect(isPlanCategory('SURPLUS')).toBe(false);
    expect(FINANCIAL_RULE_CODES.every(isFinancialRuleCode)).toBe(true);
    expect(isFinancialRuleCode('ACUTE')).toBe(false);
  });
});
