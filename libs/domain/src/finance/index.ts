// Financial planning: each year's rule set as data, plan compliance with its QIPP requirement, and the
// financial plan lifecycle (draft, submitted, approved, returned) as a transition table.
export {
  FINANCIAL_RULE_CODES,
  FINANCIAL_RULE_DEFINITIONS,
  isFinancialRuleCode,
} from './financial-rules';
export type {
  FinancialRule,
  FinancialRuleBasis,
  FinancialRuleCode,
  FinancialRuleDefinition,
  FinancialRuleMeasure,
  FinancialRuleSet,
} from './financial-rules';
export { isPlanCategory, PLAN_CATEGORIES, PROGRAMME_CATEGORIES, RESERVE_CATEGORIES } from './plan-categories';
export type { PlanCategory } from './plan-categories';
export { evaluatePlanCompliance, FINANCE_ROUNDING, QIPP_PERCENT_DECIMALS } from './plan-compliance';
export type { FinancialPlanInput, PlanCompliance, PlanFlex, PlanLine, RuleCompliance } from './plan-compliance';
export { CCG_INFORMATION_BLOG } from './rule-citation';
export type { RuleCitation } from './rule-citation';
export { FINANCIAL_RULE_SETS, findFinancialRuleSet, listFinancialRuleSets, listFinancialYears } from './rule-sets';
export { assessForecastVariance, DEFAULT_FORECAST_WARNING_THRESHOLD } from './forecast-variance';
export type { ForecastVariance, ForecastVarianceInput } from './forecast-variance';
export {
  applyFinancialPlanAction,
  availableFinancialPlanActions,
  FINANCIAL_PLAN_ACTION_TYPES,
  FINANCIAL_PLAN_ACTOR_KINDS,
  FINANCIAL_PLAN_EDITABLE_STATES,
  FINANCIAL_PLAN_STATE_LABELS,
  FINANCIAL_PLAN_STATES,
  FINANCIAL_PLAN_TRANSITIONS,
  FINANCIAL_PLAN_VERSION_STATUS_CHANGES,
  financialPlanActionsFrom,
  TERMINAL_FINANCIAL_PLAN_STATES,
} from './financial-plan-lifecycle';
export type { FinancialPlanAction, FinancialPlanActionType, FinancialPlanActorKind, FinancialPlanState, FinancialPlanTransition } from './financial-plan-lifecycle';
