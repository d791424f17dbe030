import { parseFinancialYear, tryParseFinancialYear } from '../calendar/financial-year';
import { DomainError } from '../errors';
import { Percentage } from '../money';
import { FinancialRule, FinancialRuleCode, FinancialRuleSet, FINANCIAL_RULE_CODES } from './financial-rules';
import { CCG_INFORMATION_BLOG, RuleCitation } from './rule-citation';

// The rule sets are DATA: a new financial year is a new entry in FINANCIAL_RULE_SETS, not new code.
// Every percentage cites the seed paragraph it comes from (see RULES.md).

const EVERYONE_COUNTS_2013_14: RuleCitation = {
  basis: 'SEED',
  document: CCG_INFORMATION_BLOG,
  locator: "post of 24 March 2013 ('As the 1st April 2013 draws ever closer'), 5th paragraph, line 103",
  text:
    'The Everyone Counts framework has mandated that in 2013/14 every CCG must deliver a balanced plan that sets aside 3.5% of its ' +
    'allocation. Each CCG must deliver a 1% surplus, create a 2% transformational fund for non-recurrent investment, and create a 0.5% contingency.',
};

const PLANNING_GUIDANCE_2014_15: RuleCitation = {
  basis: 'SEED',
  document: CCG_INFORMATION_BLOG,
  locator:
    "post of 1 January 2014 ('Reading the planning guidance is always a treat'), paragraph beginning 'But whereas previously funding', line 26",
  text:
    'CCGs must operate within the financial rules handed to them. These include a 4% non-recurrent requirement for next year ' +
    '(0.5% contingency, 1% surplus, 2.5% non-recurrent expenditure), rising to just over 6% with the money to be found for the ' +
    'Better Care Fund in 2015/16, with a 10% reduction in running costs in 2015/16 thrown in for good measure.',
};

function rule(code: FinancialRuleCode, percentage: string, description: string, source: RuleCitation): FinancialRule {
  return Object.freeze({ code, percentage: Percentage.parse(percentage), description, source: Object.freeze(source) });
}

function ruleSet(financialYear: string, summary: string, rules: FinancialRule[]): FinancialRuleSet {
  const ordered = [...rules].sort((a, b) => FINANCIAL_RULE_CODES.indexOf(a.code) - FINANCIAL_RULE_CODES.indexOf(b.code));
  const year = parseFinancialYear(financialYear);
  return Object.freeze({ financialYear: year.label, name: year.urlSegment, summary, rules: Object.freeze(ordered) });
}

/** The financial planning rules by year, oldest first (DOMAIN.md "Financial planning rules"). */
export const FINANCIAL_RULE_SETS: readonly FinancialRuleSet[] = Object.freeze([
  ruleSet('2013/14', 'A balanced plan setting aside 3.5% of allocation: 1% surplus, 0.5% contingency, 2% non-recurrent fund.', [
    rule('SURPLUS', '1', 'Deliver a surplus of 1% of allocation.', EVERYONE_COUNTS_2013_14),
    rule('CONTINGENCY', '0.5', 'Hold a contingency of 0.5% of allocation.', EVERYONE_COUNTS_2013_14),
    rule(
      'NON_RECURRENT_FUND',
      '2',
      'Set aside a 2% transformational fund of allocation for non-recurrent investment only.',
      EVERYONE_COUNTS_2013_14,
    ),
  ]),
  ruleSet('2014/15', 'A 4% non-recurrent requirement: 1% surplus, 0.5% contingency, 2.5% non-recurrent expenditure.', [
    rule('SURPLUS', '1', 'Deliver a surplus of 1% of allocation.', PLANNING_GUIDANCE_2014_15),
    rule('CONTINGENCY', '0.5', 'Hold a contingency of 0.5% of allocation.', PLANNING_GUIDANCE_2014_15),
    rule('NON_RECURRENT_FUND', '2.5', 'Set aside 2.5% of allocation for non-recurrent expenditure.', PLANNING_GUIDANCE_2014_15),
  ]),
  ruleSet(
    '2015/16',
    "The 4% continues, plus the Better Care Fund contribution (just over 6% in all), and running costs 10% below the prior year's.",
    [
      rule('SURPLUS', '1', 'Deliver a surplus of 1% of allocation.', PLANNING_GUIDANCE_2014_15),
      rule('CONTINGENCY', '0.5', 'Hold a contingency of 0.5% of allocation.', PLANNING_GUIDANCE_2014_15),
      rule('NON_RECURRENT_FUND', '2.5', 'Set aside 2.5% of allocation for non-recurrent expenditure.', PLANNING_GUIDANCE_2014_15),
      rule(
        'BETTER_CARE_FUND',
        '100',
        "Contribute at least the CCG's nationally set minimum to the Better Care Fund.",
        PLANNING_GUIDANCE_2014_15,
      ),
      rule('RUNNING_COSTS', '10', "Plan running costs 10% below the prior year's.", PLANNING_GUIDANCE_2014_15),
    ],
  ),
]);

/** Every rule set, oldest year first. */
export function listFinancialRuleSets(): readonly FinancialRuleSet[] {
  return FINANCIAL_RULE_SETS;
}

/** The financial years that have a rule set, oldest first: `["2013/14", "2014/15", "2015/16"]`. */
export function listFinancialYears(): string[] {
  return FINANCIAL_RULE_SETS.map((set) => set.financialYear);
}

/**
 * The rule set of a financial year, written `"2014/15"` or by its name `"2014-15"` (read by the calendar's
 * FinancialYear, so surrounding spaces are ignored). Throws `UNKNOWN_FINANCIAL_YEAR` for a year without
 * one, and for text that is not a financial year at all.
 */
export function findFinancialRuleSet(financialYear: string): FinancialRuleSet {
  const label = tryParseFinancialYear(financialYear)?.label;
  const found = FINANCIAL_RULE_SETS.find((set) => set.financialYear === label);
  if (!found) {
    throw new DomainError('UNKNOWN_FINANCIAL_YEAR', `There are no financial planning rules for the year "${String(financialYear)}".`, {
      financialYear,
      known: listFinancialYears(),
    });
  }
  return found;
}
