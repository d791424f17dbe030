import { FINANCIAL_RULE_CODES, FINANCIAL_RULE_DEFINITIONS, FINANCIAL_PLAN_STATE_LABELS, type FinancialRuleCode, type PlanCategory } from '@ccg-assure/domain';
import type { FinancialPlanStatus } from '../gql/graphql';

/** The NHS's own words for each plan line, as finance officers read them. */
export const CATEGORY_LABELS: Readonly<Record<PlanCategory, string>> = {
  ACUTE: 'Acute',
  MENTAL_HEALTH: 'Mental health',
  COMMUNITY: 'Community',
  PRIMARY_CARE: 'Primary care',
  PRESCRIBING: 'Prescribing',
  CONTINUING_CARE: 'Continuing care',
  OTHER_PROGRAMME: 'Other programme',
  RUNNING_COSTS: 'Running costs',
  BETTER_CARE_FUND: 'Better Care Fund',
  CONTINGENCY: 'Contingency',
  NON_RECURRENT_FUND: 'Non-recurrent fund',
};

export const RULE_LABELS: Readonly<Record<FinancialRuleCode, string>> = Object.fromEntries(
  FINANCIAL_RULE_CODES.map((code) => [code, FINANCIAL_RULE_DEFINITIONS[code].label]),
) as Record<FinancialRuleCode, string>;

const BASIS_WORDS = {
  ALLOCATION: 'of allocation',
  BETTER_CARE_FUND_MINIMUM: 'of the minimum contribution',
  PRIOR_YEAR_RUNNING_COSTS: "below the prior year's",
} as const;

/**
 * How the rule reads with the percentage applied: "at least 2.5% of allocation"; a cap reads
 * "at most: 10% below the prior year's", its required amount being the most the plan may hold.
 */
export function ruleTerms(rule: FinancialRuleCode, percentage: string): string {
  const definition = FINANCIAL_RULE_DEFINITIONS[rule];
  const words = `${percentage}% ${BASIS_WORDS[definition.basis]}`;
  return definition.test === 'AT_LEAST' ? `at least ${words}` : `at most: ${words}`;
}

/** How each status of a plan version reads. */
export const STATUS_LABELS: Readonly<Record<FinancialPlanStatus, string>> = FINANCIAL_PLAN_STATE_LABELS;

/** The tag colour of each status; the words carry the meaning. */
export const STATUS_TAG_CLASSES: Readonly<Record<FinancialPlanStatus, string>> = {
  DRAFT: 'nhsuk-tag--grey',
  SUBMITTED: 'nhsuk-tag--blue',
  APPROVED: 'nhsuk-tag--green',
  RETURNED: 'nhsuk-tag--orange',
};

/** How a rule's shortfall reads: a cap (running costs) is exceeded, a set-aside falls short. */
export function shortfallVerb(rule: FinancialRuleCode): string {
  return FINANCIAL_RULE_DEFINITIONS[rule].test === 'AT_MOST' ? 'over the cap by' : 'short by';
}
