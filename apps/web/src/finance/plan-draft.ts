import {
  DomainError,
  evaluatePlanCompliance,
  findFinancialRuleSet,
  FINANCIAL_RULE_DEFINITIONS,
  Money,
  PLAN_CATEGORIES,
  type FinancialPlanInput,
  type PlanCategory,
  type PlanFlex,
  type PlanCompliance,
} from '@ccg-assure/domain';
import { fieldInSentence, fieldLabel, lineFieldId, type ExtraAmountFieldId, type FieldId } from './plan-fields';

/** What the finance officer has typed, exactly as typed. */
export interface PlanDraft {
  financialYear: string;
  allocation: string;
  lines: Record<PlanCategory, string>;
  priorYearRunningCosts: string;
  betterCareFundMinimum: string;
}

/** What is wrong with one field, by its id; the message is for display. */
export interface FieldProblem {
  field: FieldId;
  message: string;
}

export function emptyDraft(financialYear: string): PlanDraft {
  return {
    financialYear,
    allocation: '',
    lines: Object.fromEntries(PLAN_CATEGORIES.map((category) => [category, ''])) as Record<PlanCategory, string>,
    priorYearRunningCosts: '',
    betterCareFundMinimum: '',
  };
}

/** Which extra amounts the year's rules take their percentage of (2015/16: both). */
export function inputsNeeded(financialYear: string): { priorYearRunningCosts: boolean; betterCareFundMinimum: boolean } {
  const bases = new Set(findFinancialRuleSet(financialYear).rules.map((rule) => FINANCIAL_RULE_DEFINITIONS[rule.code].basis));
  return { priorYearRunningCosts: bases.has('PRIOR_YEAR_RUNNING_COSTS'), betterCareFundMinimum: bases.has('BETTER_CARE_FUND_MINIMUM') };
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Why an amount cannot be read: a stable code, so callers (the importer) can word it for their context. */
export type AmountProblem = 'TOO_MANY_DECIMALS' | 'NOT_AN_AMOUNT' | 'NEGATIVE';

export type AmountReading = { state: 'empty' } | { state: 'valid'; amount: Money } | { state: 'invalid'; reason: AmountProblem; message: string };

/**
 * Reads an amount in pounds as people type it: spaces around it, a leading £ and thousands commas are
 * forgiven ("£1,250,000.50"); then the exact domain parser decides. Never a binary float.
 */
export function readAmount(text: string, label: string): AmountReading {
  let cleaned = text.trim();
  if (cleaned === '') return { state: 'empty' };
  const negative = cleaned.startsWith('-');
  if (negative) cleaned = cleaned.slice(1).trim();
  if (cleaned.startsWith('£')) cleaned = cleaned.slice(1).trim();
  if (GROUPED.test(cleaned)) cleaned = cleaned.replaceAll(',', '');
  let amount: Money;
  try {
    amount = Money.parse(cleaned);
  } catch {
    const tooManyDecimals = /^\d*\.\d{3,}$/.test(cleaned);
    return {
      state: 'invalid',
      reason: tooManyDecimals ? 'TOO_MANY_DECIMALS' : 'NOT_AN_AMOUNT',
      message: tooManyDecimals
        ? `${label} must be pounds and pence, with no more than 2 numbers after the decimal point`
        : `${label} must be an amount in pounds, like 1250000 or 1250000.50`,
    };
  }
  if (negative && !amount.isZero()) return { state: 'invalid', reason: 'NEGATIVE', message: `${label} must be £0 or more` };
  return { state: 'valid', amount };
}

/**
 * Why there is no compliance to show yet: the officer has not entered an allocation, the allocation is not
 * usable, the year needs amounts not yet entered (by field), or the domain refused the plan (by its code).
 */
export type PlanPending =
  | { kind: 'NO_ALLOCATION' }
  | { kind: 'ALLOCATION_INVALID' }
  | { kind: 'NEEDS_INPUT'; fields: ExtraAmountFieldId[] }
  /** Some amounts cannot be read: nothing is checked until they can (a bad line is never taken as £0). */
  | { kind: 'UNREADABLE'; fields: FieldId[] }
  | { kind: 'CANNOT_CHECK'; code: string; message: string };

export interface PlanReading {
  /** One per field that cannot be read, in the order of the form. */
  problems: FieldProblem[];
  /** The plan as the domain reads it: the fields that could be read (others left out). */
  input: FinancialPlanInput | null;
  /** The compliance of `input`, by the same domain function the API runs. */
  compliance: PlanCompliance | null;
  pending: PlanPending | null;
}

/**
 * Reads the draft field by field and checks what can be read: a bad field never stops the rest. A stored
 * plan's approved flexes in force are applied as the API applies them, so both give the same answer.
 */
export function readPlan(draft: PlanDraft, flexes: readonly PlanFlex[] = []): PlanReading {
  const problems: FieldProblem[] = [];
  const needed = inputsNeeded(draft.financialYear);

  const read = (text: string, field: FieldId): AmountReading => {
    const reading = readAmount(text, fieldLabel(field));
    if (reading.state === 'invalid') problems.push({ field, message: reading.message });
    return reading;
  };
  const allocation = read(draft.allocation, 'allocation');

  const missing: ExtraAmountFieldId[] = [];
  const extra = (isNeeded: boolean, text: string, field: ExtraAmountFieldId): Money | undefined => {
    if (!isNeeded) return undefined;
    const reading = read(text, field);
    if (reading.state === 'valid') return reading.amount;
    missing.push(field);
    return undefined;
  };
  const priorYearRunningCosts = extra(needed.priorYearRunningCosts, draft.priorYearRunningCosts, 'prior-year-running-costs');
  const betterCareFundMinimum = extra(needed.betterCareFundMinimum, draft.betterCareFundMinimum, 'better-care-fund-minimum');

  const lines = PLAN_CATEGORIES.flatMap((category) => {
    const reading = read(draft.lines[category], lineFieldId(category));
    return reading.state === 'valid' ? [{ category, amount: reading.amount }] : [];
  });

  const none = (pending: PlanPending): PlanReading => ({ problems, input: null, compliance: null, pending });
  if (allocation.state === 'empty') return none({ kind: 'NO_ALLOCATION' });
  if (allocation.state === 'invalid') return none({ kind: 'ALLOCATION_INVALID' });
  if (problems.length) return none({ kind: 'UNREADABLE', fields: problems.map((problem) => problem.field) });
  if (missing.length) return none({ kind: 'NEEDS_INPUT', fields: missing });

  const input: FinancialPlanInput = {
    financialYear: draft.financialYear,
    allocation: allocation.amount,
    lines,
    ...(priorYearRunningCosts ? { priorYearRunningCosts } : {}),
    ...(betterCareFundMinimum ? { betterCareFundMinimum } : {}),
    ...(flexes.length ? { flexes } : {}),
  };
  try {
    return { problems, input, compliance: evaluatePlanCompliance(input), pending: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'INVALID_ALLOCATION') {
      problems.unshift({ field: 'allocation', message: 'Allocation must be more than £0' });
      return none({ kind: 'ALLOCATION_INVALID' });
    }
    return none({ kind: 'CANNOT_CHECK', code: error.code, message: error.message });
  }
}

/**
 * Why the plan cannot be saved yet, by field: what cannot be read, then what the year's rules need that is
 * missing (an allocation first). Read from the pending reading's field ids, never from its words.
 */
export function saveProblems(reading: PlanReading): FieldProblem[] {
  const { pending } = reading;
  switch (pending?.kind) {
    case 'NO_ALLOCATION':
      return [{ field: 'allocation', message: `Enter the ${fieldInSentence('allocation')}` }, ...reading.problems];
    case 'NEEDS_INPUT':
      return [...reading.problems, ...pending.fields.map((field) => ({ field, message: `Enter the ${fieldInSentence(field)}` }))];
    case 'CANNOT_CHECK':
      return [...reading.problems, { field: 'allocation', message: pending.message }];
    default:
      return reading.problems;
  }
}

/** The plan as the API's FinancialPlanInput: every amount as its exact wire text. */
export function toServerInput(input: FinancialPlanInput) {
  return {
    financialYear: input.financialYear,
    allocation: input.allocation.toString(),
    lines: input.lines.map((line) => ({ category: line.category, amount: line.amount.toString() })),
    ...(input.priorYearRunningCosts ? { priorYearRunningCosts: input.priorYearRunningCosts.toString() } : {}),
    ...(input.betterCareFundMinimum ? { betterCareFundMinimum: input.betterCareFundMinimum.toString() } : {}),
  };
}
