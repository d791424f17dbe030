import type { PlanCompliance as DomainPlanCompliance } from '@ccg-assure/domain';
import type { PlanCompliance } from './plan-compliance.type';

/** The domain's plan compliance as the GraphQL type: the what-if check and stored plans answer alike. */
export function toPlanCompliance(result: DomainPlanCompliance): PlanCompliance {
  return {
    financialYear: result.financialYear,
    compliant: result.compliant,
    plannedSpend: result.plannedSpend,
    plannedSurplus: result.plannedSurplus,
    qippRequirement: result.qippRequirement,
    qippPercentOfAllocation: result.qippPercentOfAllocation,
    rules: result.rules.map((rule) => ({
      rule: rule.rule,
      percentage: rule.percentage,
      required: rule.required,
      planned: rule.planned,
      shortfall: rule.shortfall,
      met: rule.met,
      flexApplied: rule.flexApplied,
      flexReason: rule.flexReason ?? null,
    })),
  };
}
