import {
  evaluatePlanCompliance,
  FINANCIAL_RULE_DEFINITIONS,
  listFinancialRuleSets,
  type FinancialRule,
  type FinancialRuleSet as DomainFinancialRuleSet,
} from '@ccg-assure/domain';
import { Arg, Query, Resolver } from 'type-graphql';
import { Access, PUBLIC } from '../auth/access';
import { FinancialPlanInput } from './financial-plan.input';
import { FinancialRuleSet, PlanningRule } from './financial-rule-set.type';
import { toPlanCompliance } from './plan-compliance.mapper';
import { PlanCompliance } from './plan-compliance.type';

/** Financial planning: the rules of each year, and the what-if check of a plan against them. */
@Resolver()
export class FinanceResolver {
  @Query(() => PlanCompliance, {
    description:
      "Checks a financial plan against its year's planning rules and works out the QIPP saving it implies: a what-if, nothing is stored. " +
      'Invalid plans are refused with BAD_USER_INPUT and a reason such as UNKNOWN_FINANCIAL_YEAR, INVALID_MONEY, MISSING_INPUT or NEGATIVE_AMOUNT. Public.',
  })
  @Access(PUBLIC)
  evaluatePlanCompliance(@Arg('input', () => FinancialPlanInput, { description: 'The plan to check.' }) input: FinancialPlanInput): PlanCompliance {
    return toPlanCompliance(
      evaluatePlanCompliance({
        financialYear: input.financialYear,
        allocation: input.allocation,
        lines: input.lines.map((line) => ({ category: line.category, amount: line.amount })),
        priorYearRunningCosts: input.priorYearRunningCosts ?? undefined,
        betterCareFundMinimum: input.betterCareFundMinimum ?? undefined,
        flexes: (input.flexes ?? []).map((flex) => ({ rule: flex.rule, percentage: flex.percentage, reason: flex.reason })),
      }),
    );
  }

  @Query(() => [FinancialRuleSet], { description: 'The financial planning rules of every year, oldest first, each rule with its percentage and source. Public.' })
  @Access(PUBLIC)
  financialRuleSets(): FinancialRuleSet[] {
    return listFinancialRuleSets().map(toFinancialRuleSet);
  }
}

function toFinancialRuleSet(set: DomainFinancialRuleSet): FinancialRuleSet {
  return { financialYear: set.financialYear, name: set.name, summary: set.summary, rules: set.rules.map(toPlanningRule) };
}

function toPlanningRule(rule: FinancialRule): PlanningRule {
  const definition = FINANCIAL_RULE_DEFINITIONS[rule.code];
  return {
    rule: rule.code,
    percentage: rule.percentage,
    basis: definition.basis,
    isCap: definition.test === 'AT_MOST',
    description: rule.description,
    meaning: definition.meaning,
    source: { basis: rule.source.basis, document: rule.source.document, locator: rule.source.locator, text: rule.source.text },
  };
}
