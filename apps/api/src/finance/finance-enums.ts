import { FINANCIAL_RULE_CODES, FINANCIAL_RULE_DEFINITIONS, PLAN_CATEGORIES, type FinancialRuleBasis, type FinancialRuleCode, type PlanCategory, type RuleCitation } from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';

// The GraphQL enums are built from the domain's own lists, so a category or rule added there cannot be
// missing here: the `Record<...>` descriptions fail to compile until it is described.

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

const describedValues = <T extends string>(descriptions: Record<T, string>) =>
  Object.fromEntries(Object.entries<string>(descriptions).map(([value, description]) => [value, { description }])) as Record<T, { description: string }>;

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
