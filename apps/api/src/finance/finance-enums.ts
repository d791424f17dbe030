import {
  FINANCIAL_PLAN_ACTION_TYPES,
  FINANCIAL_PLAN_STATES,
  FINANCIAL_RULE_CODES,
  FINANCIAL_RULE_DEFINITIONS,
  PLAN_CATEGORIES,
  type FinancialPlanActionType,
  type FinancialPlanState,
  type FinancialRuleBasis,
  type FinancialRuleCode,
  type PlanCategory,
  type RuleCitation,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The GraphQL enums are built from the domain's own lists, so a category, rule, plan status or action added
// there cannot be missing here: the `Record<...>` descriptions fail to compile until it is described.

/** The categories of a financial plan line, from the domain's PLAN_CATEGORIES. */
export const PlanCategoryEnum = enumOf(PLAN_CATEGORIES);

registerEnumType(PlanCategoryEnum, {
  name: 'PlanCategory',
  description: "The category of a line of a CCG's financial plan: a programme area, running costs, the Better Care Fund, or one of the two reserves.",
  valuesConfig: describedValues<PlanCategory>({
    ACUTE: 'Acute: hospital services (elective and non-elective admissions, outpatients, A&E).',
    MENTAL_HEALTH: 'Mental health services.',
    COMMUNITY: 'Community health services.',
    PRIMARY_CARE: 'Primary care commissioned by the CCG.',
    PRESCRIBING: 'Prescribing: primary care drugs.',
    CONTINUING_CARE: 'Continuing care: NHS continuing healthcare and funded nursing care.',
    OTHER_PROGRAMME: 'Other programme spending not in the areas above.',
    RUNNING_COSTS: "Running costs: the CCG's own administration.",
    BETTER_CARE_FUND: "The CCG's contribution to the Better Care Fund, pooled with the local authority.",
    CONTINGENCY: 'Contingency reserve held against in-year risk.',
    NON_RECURRENT_FUND: 'Non-recurrent fund: money set aside for non-recurrent (transformational) spending only.',
  }),
});

/** The financial planning rules, from the domain's FINANCIAL_RULE_CODES; each described by its domain meaning. */
export const FinancialRuleEnum = enumOf(FINANCIAL_RULE_CODES);

registerEnumType(FinancialRuleEnum, {
  name: 'FinancialRule',
  description: 'A financial planning rule. Which rules apply, and with which percentage, depends on the financial year (see financialRuleSets).',
  valuesConfig: describedValues<FinancialRuleCode>(
    Object.fromEntries(FINANCIAL_RULE_CODES.map((code) => [code, FINANCIAL_RULE_DEFINITIONS[code].meaning])) as Record<FinancialRuleCode, string>,
  ),
});

/** What a rule's percentage is taken of. */
const ruleBases: Record<FinancialRuleBasis, string> = {
  ALLOCATION: "The CCG's total allocation for the year.",
  BETTER_CARE_FUND_MINIMUM: "The CCG's nationally set minimum contribution to the Better Care Fund.",
  PRIOR_YEAR_RUNNING_COSTS: "The CCG's running costs in the prior year.",
};
export const RuleBasisEnum = enumOf(Object.keys(ruleBases) as FinancialRuleBasis[]);

registerEnumType(RuleBasisEnum, {
  name: 'RuleBasis',
  description: "What a planning rule's percentage is taken of.",
  valuesConfig: describedValues(ruleBases),
});

export type RuleCitationBasis = RuleCitation['basis'];

/** Whether a rule rests on one of the project's source papers or on a published NHS figure. */
const citationBases: Record<RuleCitationBasis, string> = {
  SEED: "One of the product's source papers, quoted.",
  REF: 'A published NHS figure from outside the source papers, kept as editable reference data.',
};
export const RuleCitationBasisEnum = enumOf(Object.keys(citationBases) as RuleCitationBasis[]);

registerEnumType(RuleCitationBasisEnum, {
  name: 'RuleCitationBasis',
  description: 'What kind of source a planning rule rests on.',
  valuesConfig: describedValues(citationBases),
});

/**
 * Where a version of a financial plan stands, from the domain's financial plan lifecycle: DRAFT, then SUBMITTED,
 * then APPROVED or RETURNED; after a return the finance officer starts a new draft version (issue 6).
 */
export const FinancialPlanStatus = enumOf(FINANCIAL_PLAN_STATES);
export type FinancialPlanStatus = FinancialPlanState;

registerEnumType(FinancialPlanStatus, {
  name: 'FinancialPlanStatus',
  description: 'Where a version of a financial plan stands: DRAFT, then SUBMITTED, then APPROVED or RETURNED.',
  valuesConfig: describedValues<FinancialPlanState>({
    DRAFT: "Being prepared by the CCG's finance officers; the only status in which the figures can change.",
    SUBMITTED: 'Submitted to NHS England for review; frozen.',
    APPROVED: 'Approved by an NHS England assessor; frozen. In-year forecasts are measured against it.',
    RETURNED: 'Returned by an NHS England assessor with a reason; frozen. The CCG starts a new draft version.',
  }),
});

/** What can be done to a financial plan, from the domain's lifecycle table (FINANCIAL_PLAN_TRANSITIONS). */
export const FinancialPlanActionEnum = enumOf(FINANCIAL_PLAN_ACTION_TYPES);

registerEnumType(FinancialPlanActionEnum, {
  name: 'FinancialPlanAction',
  description: 'Something that can be done to a financial plan, as its lifecycle allows: FinancialPlan.availableActions lists those open to the signed-in user now.',
  valuesConfig: describedValues<FinancialPlanActionType>({
    START_DRAFT: "Start a new draft version after NHS England returned the last one (createFinancialPlanDraft). The CCG's finance officers.",
    EDIT_DRAFT: "Replace the figures of the draft version (updateFinancialPlanDraft). The CCG's finance officers.",
    SUBMIT: "Submit the draft version to NHS England for review (submitFinancialPlan). The CCG's finance officers.",
    APPROVE: 'Approve the submitted version (approveFinancialPlan). NHS England assessors.',
    RETURN: 'Return the submitted version to the CCG with the reason (returnFinancialPlan). NHS England assessors.',
    RECORD_FLEX: "Record an approved exception to one of the year's rules for the plan (recordPlanFlex). NHS England assessors.",
    SET_WARNING_THRESHOLD: "Set the plan's forecast warning threshold (setForecastWarningThreshold). NHS England assessors.",
    RECORD_FORECAST: "Record a month's forecast outturn against the approved version (recordForecastOutturn). The CCG's finance officers.",
  }),
});
