import { Percentage } from '../money';
import { PlanCategory } from './plan-categories';
import { RuleCitation } from './rule-citation';

/**
 * The financial planning rules, in the fixed order plan compliance reports them. The API and the web app
 * build their enums from this list.
 */
export const FINANCIAL_RULE_CODES = ['SURPLUS', 'CONTINGENCY', 'NON_RECURRENT_FUND', 'BETTER_CARE_FUND', 'RUNNING_COSTS'] as const;
export type FinancialRuleCode = (typeof FINANCIAL_RULE_CODES)[number];

export function isFinancialRuleCode(value: string): value is FinancialRuleCode {
  return (FINANCIAL_RULE_CODES as readonly string[]).includes(value);
}

/** What a rule's percentage is taken of. */
export type FinancialRuleBasis = 'ALLOCATION' | 'BETTER_CARE_FUND_MINIMUM' | 'PRIOR_YEAR_RUNNING_COSTS';

/** What a rule measures in the plan: the planned surplus, or the total of one category's lines. */
export type FinancialRuleMeasure = 'PLANNED_SURPLUS' | PlanCategory;

/** How a rule reads; the same every year. */
export interface FinancialRuleDefinition {
  /** The rule's name as people read it on screen and in reports: "Non-recurrent fund". */
  readonly label: string;
  /** What the percentage is taken of. */
  readonly basis: FinancialRuleBasis;
  /** What is compared with the required amount. */
  readonly measures: FinancialRuleMeasure;
  /**
   * AT_LEAST: met when planned >= basis x percentage. AT_MOST: met when planned <= basis x (100 - percentage)%,
   * the percentage being a required reduction.
   */
  readonly test: 'AT_LEAST' | 'AT_MOST';
  readonly meaning: string;
}

/**
 * What each rule means; the same every year. A year's rule set only says which rules apply and with
 * which percentage, so a new year is new data, not new code.
 */
export const FINANCIAL_RULE_DEFINITIONS: Readonly<Record<FinancialRuleCode, FinancialRuleDefinition>> = Object.freeze({
  SURPLUS: {
    label: 'Surplus',
    basis: 'ALLOCATION',
    measures: 'PLANNED_SURPLUS',
    test: 'AT_LEAST',
    meaning: 'Planned surplus (allocation less all plan lines) of at least the percentage of allocation.',
  },
  CONTINGENCY: {
    label: 'Contingency',
    basis: 'ALLOCATION',
    measures: 'CONTINGENCY',
    test: 'AT_LEAST',
    meaning: 'Contingency reserve of at least the percentage of allocation.',
  },
  NON_RECURRENT_FUND: {
    label: 'Non-recurrent fund',
    basis: 'ALLOCATION',
    measures: 'NON_RECURRENT_FUND',
    test: 'AT_LEAST',
    meaning: 'Fund for non-recurrent (transformational) spending of at least the percentage of allocation.',
  },
  BETTER_CARE_FUND: {
    label: 'Better Care Fund',
    basis: 'BETTER_CARE_FUND_MINIMUM',
    measures: 'BETTER_CARE_FUND',
    test: 'AT_LEAST',
    meaning: "Better Care Fund contribution of at least the percentage (100% by the rule) of the CCG's nationally set minimum.",
  },
  RUNNING_COSTS: {
    label: 'Running costs',
    basis: 'PRIOR_YEAR_RUNNING_COSTS',
    measures: 'RUNNING_COSTS',
    test: 'AT_MOST',
    meaning: "Running costs at most the prior year's reduced by the percentage (10% by the rule: a cap of 90%).",
  },
});

/** One rule of one year's rule set. */
export interface FinancialRule {
  readonly code: FinancialRuleCode;
  /** The rule's percentage, of the basis in FINANCIAL_RULE_DEFINITIONS (for RUNNING_COSTS: the reduction). */
  readonly percentage: Percentage;
  readonly description: string;
  readonly source: RuleCitation;
}

/** The financial planning rules of one financial year. */
export interface FinancialRuleSet {
  /** The year as the NHS writes it: `"2013/14"`. Plans name their year this way (or `"2013-14"`). */
  readonly financialYear: string;
  /** The rule set's name (STYLE.md "Names"): `"2013-14"`. */
  readonly name: string;
  /** The rules in the fixed order of FINANCIAL_RULE_CODES. */
  readonly rules: readonly FinancialRule[];
  readonly summary: string;
}
