import { DomainError } from '../errors';
import { Money, Percentage, RoundingRule } from '../money';
import { FinancialRuleCode, FinancialRuleDefinition, FINANCIAL_RULE_DEFINITIONS, isFinancialRuleCode } from './financial-rules';
import { isPlanCategory, PlanCategory, RESERVE_CATEGORIES } from './plan-categories';
import { findFinancialRuleSet } from './rule-sets';

/** Required amounts are rounded once to the penny, halves away from zero (DOMAIN.md "Computation rules"). */
export const FINANCE_ROUNDING: RoundingRule = 'HALF_AWAY_FROM_ZERO';

/** The QIPP percentage of allocation is rounded once to this many decimals, by FINANCE_ROUNDING. */
export const QIPP_PERCENT_DECIMALS = 2;

export interface PlanLine {
  readonly category: PlanCategory;
  readonly amount: Money;
}

/**
 * An approved, recorded exception to one rule for one plan: it replaces the rule's percentage, it does
 * not edit the rule. For RUNNING_COSTS the percentage replaces the required reduction (10%); for
 * BETTER_CARE_FUND it is the share of the minimum contribution required (100% by the rule).
 */
export interface PlanFlex {
  readonly rule: FinancialRuleCode;
  readonly percentage: Percentage;
  /** Why it was approved; required. */
  readonly reason: string;
}

export interface FinancialPlanInput {
  /** Selects the rule set: `"2015/16"` (or `"2015-16"`). */
  readonly financialYear: string;
  /** `A`: the CCG's total allocation for the year. Must be positive. */
  readonly allocation: Money;
  readonly lines: readonly PlanLine[];
  /** Needed when the year has a RUNNING_COSTS rule (2015/16). */
  readonly priorYearRunningCosts?: Money;
  /** The CCG's nationally set minimum Better Care Fund contribution; needed when the year has a BETTER_CARE_FUND rule. */
  readonly betterCareFundMinimum?: Money;
  readonly flexes?: readonly PlanFlex[];
}

export interface RuleCompliance {
  readonly rule: FinancialRuleCode;
  /** The percentage applied: the rule's, or the flex's when one was applied. */
  readonly percentage: Percentage;
  /** The amount required: at least this (for RUNNING_COSTS: the cap, at most this). */
  readonly required: Money;
  /** What the plan holds for the rule: the planned surplus, or the total of the rule's lines. */
  readonly planned: Money;
  /** How far the plan falls short: max(0, required - planned); for RUNNING_COSTS max(0, planned - cap). */
  readonly shortfall: Money;
  readonly met: boolean;
  readonly flexApplied: boolean;
  readonly flexReason?: string;
}

export interface PlanCompliance {
  /** The year of the rule set applied, as the NHS writes it: `"2015/16"`. */
  readonly financialYear: string;
  /** True when every rule is met. */
  readonly compliant: boolean;
  /** `T`: the sum of all lines. */
  readonly plannedSpend: Money;
  /** `S = A - T`; negative is a deficit. */
  readonly plannedSurplus: Money;
  /** The saving still needed, after the running-cost cut, to fund every set-aside within the allocation. */
  readonly qippRequirement: Money;
  /** QIPP as a percentage of allocation, exact then rounded once to 2 decimals, halves away from zero: `"6.50"`. */
  readonly qippPercentOfAllocation: string;
  /** One entry per rule of the year, in the order of FINANCIAL_RULE_CODES. */
  readonly rules: readonly RuleCompliance[];
}

/**
 * Checks a CCG financial plan against its year's planning rules, exactly as DOMAIN.md
 * "Computation rules / Financial plan compliance" defines it (worked through in RULES.md):
 * - `T` = sum of all lines; `S = A - T`.
 * - required = basis x percentage, exact then rounded once to the penny, halves away from zero; for
 *   RUNNING_COSTS the cap = prior-year running costs x (100 - percentage)%, rounded the same way.
 * - shortfall = max(0, required - planned), or max(0, planned - cap) for RUNNING_COSTS; met when zero.
 * - QIPP = max(0, P + bcfShortfall - runningCostExcess + requiredContingency + requiredFund + requiredSurplus - A),
 *   `P` being all lines but CONTINGENCY and NON_RECURRENT_FUND; a term whose rule the year lacks is zero.
 * Invalid input throws DomainError: UNKNOWN_FINANCIAL_YEAR, INVALID_ALLOCATION, UNKNOWN_PLAN_CATEGORY,
 * NEGATIVE_AMOUNT, MISSING_INPUT, FLEX_RULE_NOT_IN_YEAR, DUPLICATE_FLEX, INVALID_FLEX_PERCENTAGE,
 * MISSING_FLEX_REASON.
 */
export function evaluatePlanCompliance(input: FinancialPlanInput): PlanCompliance {
  const ruleSet = findFinancialRuleSet(input.financialYear);
  const { allocation, lines } = input;
  // The one bound of Money (what the database keeps), also for amounts not read from text.
  allocation.requireStorable('allocation');
  input.priorYearRunningCosts?.requireStorable('priorYearRunningCosts');
  input.betterCareFundMinimum?.requireStorable('betterCareFundMinimum');
  lines.forEach((line, index) => line.amount.requireStorable(`lines[${index}].amount`));
  if (!allocation.isPositive()) {
    throw new DomainError('INVALID_ALLOCATION', 'The allocation must be more than zero.', { allocation: allocation.toString() });
  }
  lines.forEach((line, index) => {
    if (!isPlanCategory(line.category)) {
      throw new DomainError('UNKNOWN_PLAN_CATEGORY', `"${String(line.category)}" is not a plan category.`, {
        field: `lines[${index}].category`,
        category: line.category,
      });
    }
    assertNotNegative(line.amount, `lines[${index}].amount`, { category: line.category });
  });
  const flexes = indexFlexes(input.flexes ?? [], ruleSet.rules.map((r) => r.code), ruleSet.financialYear);

  const bases: Record<FinancialRuleDefinition['basis'], () => Money> = {
    ALLOCATION: () => allocation,
    BETTER_CARE_FUND_MINIMUM: () => requireInput(input.betterCareFundMinimum, 'betterCareFundMinimum', 'BETTER_CARE_FUND', ruleSet.financialYear),
    PRIOR_YEAR_RUNNING_COSTS: () => requireInput(input.priorYearRunningCosts, 'priorYearRunningCosts', 'RUNNING_COSTS', ruleSet.financialYear),
  };

  const plannedSpend = Money.sum(lines.map((line) => line.amount));
  const plannedSurplus = allocation.minus(plannedSpend);
  const totalOf = (category: PlanCategory) => Money.sum(lines.filter((l) => l.category === category).map((l) => l.amount));

  const rules = ruleSet.rules.map((rule): RuleCompliance => {
    const definition = FINANCIAL_RULE_DEFINITIONS[rule.code];
    const flex = flexes.get(rule.code);
    const percentage = flex?.percentage ?? rule.percentage;
    const basis = bases[definition.basis]();
    const planned = definition.measures === 'PLANNED_SURPLUS' ? plannedSurplus : totalOf(definition.measures);
    let required: Money;
    let shortfall: Money;
    if (definition.test === 'AT_LEAST') {
      required = basis.multiplyByPercentage(percentage, FINANCE_ROUNDING);
      shortfall = Money.max(Money.ZERO, required.minus(planned));
    } else {
      required = basis.multiplyByPercentage(Percentage.HUNDRED.minus(percentage), FINANCE_ROUNDING);
      shortfall = Money.max(Money.ZERO, planned.minus(required));
    }
    return {
      rule: rule.code,
      percentage,
      required,
      planned,
      shortfall,
      met: shortfall.isZero(),
      flexApplied: flex !== undefined,
      ...(flex ? { flexReason: flex.reason } : {}),
    };
  });

  const byRule = (code: FinancialRuleCode) => rules.find((r) => r.rule === code);
  const required = (code: FinancialRuleCode) => byRule(code)?.required ?? Money.ZERO;
  const shortfall = (code: FinancialRuleCode) => byRule(code)?.shortfall ?? Money.ZERO;
  const nonReserveSpend = Money.sum(
    lines.filter((l) => !(RESERVE_CATEGORIES as readonly string[]).includes(l.category)).map((l) => l.amount),
  );
  const qippRequirement = Money.max(
    Money.ZERO,
    Money.sum([
      nonReserveSpend,
      shortfall('BETTER_CARE_FUND'),
      shortfall('RUNNING_COSTS').negate(),
      required('CONTINGENCY'),
      required('NON_RECURRENT_FUND'),
      required('SURPLUS'),
      allocation.negate(),
    ]),
  );

  return {
    financialYear: ruleSet.financialYear,
    compliant: rules.every((r) => r.met),
    plannedSpend,
    plannedSurplus,
    qippRequirement,
    qippPercentOfAllocation: qippRequirement.asPercentageOf(allocation, QIPP_PERCENT_DECIMALS, FINANCE_ROUNDING),
    rules,
  };
}

function assertNotNegative(amount: Money, field: string, details: Record<string, unknown> = {}): void {
  if (amount.isNegative()) {
    throw new DomainError('NEGATIVE_AMOUNT', `${field} must not be negative.`, { field, amount: amount.toString(), ...details });
  }
}

function requireInput(value: Money | undefined, field: string, rule: FinancialRuleCode, financialYear: string): Money {
  if (value === undefined) {
    throw new DomainError('MISSING_INPUT', `The ${financialYear} ${rule} rule needs ${field}.`, { field, rule, financialYear });
  }
  assertNotNegative(value, field);
  return value;
}

function indexFlexes(flexes: readonly PlanFlex[], rulesOfYear: readonly FinancialRuleCode[], financialYear: string): Map<FinancialRuleCode, PlanFlex> {
  const byRule = new Map<FinancialRuleCode, PlanFlex>();
  flexes.forEach((flex, index) => {
    const field = `flexes[${index}]`;
    if (!isFinancialRuleCode(flex.rule) || !rulesOfYear.includes(flex.rule)) {
      throw new DomainError('FLEX_RULE_NOT_IN_YEAR', `The ${financialYear} rules have no rule "${String(flex.rule)}" to flex.`, {
        field,
        rule: flex.rule,
        financialYear,
        rules: [...rulesOfYear],
      });
    }
    if (byRule.has(flex.rule)) {
      throw new DomainError('DUPLICATE_FLEX', `The ${flex.rule} rule is flexed more than once.`, { field, rule: flex.rule });
    }
    if (!flex.percentage.isBetween(Percentage.ZERO, Percentage.HUNDRED)) {
      throw new DomainError('INVALID_FLEX_PERCENTAGE', `A flex percentage must be from 0 to 100; got ${flex.percentage.toString()}.`, {
        field,
        rule: flex.rule,
        percentage: flex.percentage.toString(),
      });
    }
    if (typeof flex.reason !== 'string' || flex.reason.trim() === '') {
      throw new DomainError('MISSING_FLEX_REASON', `The flex of the ${flex.rule} rule needs its recorded reason.`, { field, rule: flex.rule });
    }
    byRule.set(flex.rule, flex);
  });
  return byRule;
}
