import type { CitedSource } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { GC9_DOCUMENT } from '../contracts/contract-management-lifecycle';
import { CCG_INFORMATION_BLOG } from '../finance/rule-citation';
import { Money } from '../money';
import { StatusChange, TransitionRow, actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf } from '../workflow/transition-table';

/**
 * Where a sum of a contract's sanctions ledger stands. A sanction is CALCULATED (from the data or a count),
 * then APPLIED (charged to the provider) or WAIVED (with the reason); a GC9 withholding is WITHHELD from the
 * monthly payment, then RETURNED to the provider (it recovered) or retained, which makes it APPLIED.
 * APPLIED, WAIVED and RETURNED are final; an APPLIED sum is income whose use is recorded.
 */
export const SANCTION_LEDGER_STATES = ['CALCULATED', 'APPLIED', 'WAIVED', 'WITHHELD', 'RETURNED'] as const;
export type SanctionLedgerState = (typeof SANCTION_LEDGER_STATES)[number];

/** Each state in words, as screens, letters and spreadsheets show it. */
export const SANCTION_LEDGER_STATE_LABELS: Readonly<Record<SanctionLedgerState, string>> = {
  CALCULATED: 'Calculated',
  APPLIED: 'Applied',
  WAIVED: 'Waived',
  WITHHELD: 'Withheld',
  RETURNED: 'Returned',
};

export const SANCTION_LEDGER_ACTIONS = ['CALCULATE', 'APPLY', 'WAIVE', 'WITHHOLD', 'RETURN', 'RETAIN', 'RECORD_INCOME_USE'] as const;
export type SanctionLedgerAction = (typeof SANCTION_LEDGER_ACTIONS)[number];

/**
 * Who acts on a contract's ledger: a commissioning manager or a finance officer of the contract's lead
 * (co-ordinating) commissioner. Associates' officers, analysts and assessors read it and hold none of these;
 * which kinds a signed-in user holds for a contract is the API's to say.
 */
export const SANCTION_LEDGER_ACTOR_KINDS = ['LEAD_COMMISSIONING_MANAGER', 'LEAD_FINANCE_OFFICER'] as const;
export type SanctionLedgerActorKind = (typeof SANCTION_LEDGER_ACTOR_KINDS)[number];

/** How the income of an applied sum is used (seed 001): reinvested in fixing the problem, or offset against an in-year pressure. */
export const FINE_INCOME_USES = ['INVESTED_IN_FIX', 'OFFSET_IN_YEAR_PRESSURE'] as const;
export type FineIncomeUse = (typeof FINE_INCOME_USES)[number];

export const FINE_INCOME_USE_LABELS: Readonly<Record<FineIncomeUse, string>> = {
  INVESTED_IN_FIX: 'Reinvested in fixing the problem',
  OFFSET_IN_YEAR_PRESSURE: 'Offset against an in-year financial pressure',
};

const seed = (text: string): CitedSource => ({ basis: 'SEED', document: CCG_INFORMATION_BLOG, text });
const ISSUE_15 = 'CCG Assure issue 15, item 5 (sanctions and fine income): the product’s own rule where no paper speaks';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_15, text });
const gc9 = (text: string): CitedSource => ({ basis: 'REF', document: GC9_DOCUMENT, text });
const GUIDANCE_2015: Omit<CitedSource, 'text'> = {
  basis: 'REF',
  document: "National Health Executive, 18 March 2015, 'Fines floor for A&E breaches dropped in new Standard Contract', quoting the NHS Standard Contract 2015/16 guidance",
};

const ENFORCE =
  'Commissioners must enforce the standard terms, including the financial consequences for under-performance or failure to provide data on which to assess performance.';
const EXPLICIT =
  'We need to be explicit about what we will fine for and, more importantly, how we will use any income gained from fines.  There is a huge difference between using it to offset an in-year financial problem and using it to reinvest in resolving the identified issues.';
const BOTH: readonly SanctionLedgerActorKind[] = SANCTION_LEDGER_ACTOR_KINDS;

/** One allowed move of a ledger entry; `null` is an entry not yet recorded (the move records it). */
export type SanctionLedgerTransition = TransitionRow<SanctionLedgerState, SanctionLedgerAction, SanctionLedgerActorKind>;

/**
 * Every allowed (state, action) pair with who may make it; anything else is INVALID_TRANSITION, and a move made by
 * someone not listed is ACTION_NOT_PERMITTED.
 */
export const SANCTION_LEDGER_TRANSITIONS: readonly SanctionLedgerTransition[] = [
  {
    from: null,
    action: 'CALCULATE',
    to: 'CALCULATED',
    actors: BOTH,
    condition: 'A sanction of the contract’s schedule (national for its year, or its own local one) and a month of the contract year.',
    source: seed(ENFORCE),
  },
  { from: 'CALCULATED', action: 'APPLY', to: 'APPLIED', actors: BOTH, source: seed(ENFORCE) },
  {
    from: 'CALCULATED',
    action: 'WAIVE',
    to: 'WAIVED',
    actors: BOTH,
    condition: 'A reason, not blank (REASON_REQUIRED).',
    source: product('recorded in a ledger per contract: calculated, applied or waived with reason, withheld, returned'),
  },
  {
    from: null,
    action: 'WITHHOLD',
    to: 'WITHHELD',
    actors: BOTH,
    condition: 'An issued contract performance notice of the contract; the share of the monthly contract value the contract year’s terms (GC9) allow.',
    source: gc9('GC9.12, GC9.16 and GC9.17: the co-ordinating commissioner may withhold a share of the Actual Monthly Value until a Remedial Action Plan is agreed or its failure remedied'),
  },
  {
    from: 'WITHHELD',
    action: 'RETURN',
    to: 'RETURNED',
    actors: BOTH,
    source: gc9('GC9.13 and GC9.19: once the plan is agreed or the failure remedied, the sums withheld are returned'),
  },
  {
    from: 'WITHHELD',
    action: 'RETAIN',
    to: 'APPLIED',
    actors: BOTH,
    condition: 'The provider did not remedy the breach; the sum is kept and becomes income.',
    source: gc9('GC9.20: where the failure is not remedied, the sums withheld may be retained (after the months the terms of the year name)'),
  },
  {
    from: 'APPLIED',
    action: 'RECORD_INCOME_USE',
    to: 'APPLIED',
    actors: BOTH,
    condition: 'A use (FINE_INCOME_USES) and a note saying what the money pays for (INCOME_USE_NOTE_REQUIRED).',
    source: seed(EXPLICIT),
  },
];

/** Where the 2015/16 contract guidance points the income of a sanction for a national standard. */
export const FINE_INCOME_GUIDANCE: CitedSource = {
  ...GUIDANCE_2015,
  text: 'Where there has been a breach of a national standard, however, we strongly recommend that the commissioner considers whether it is possible to invest the withheld funding in a way which will help to rectify the performance problem.',
};

/** The changes of status the table makes to a recorded entry, for a database trigger or check to agree with. */
export const SANCTION_LEDGER_STATUS_CHANGES: readonly StatusChange<SanctionLedgerState>[] = statusChangesOf(SANCTION_LEDGER_TRANSITIONS);

/** Final: no move changes their status (RECORD_INCOME_USE still records the use of an APPLIED sum). */
export const TERMINAL_SANCTION_LEDGER_STATES: readonly SanctionLedgerState[] = ['APPLIED', 'WAIVED', 'RETURNED'];

export type SanctionLedgerMove =
  | { readonly type: Exclude<SanctionLedgerAction, 'WAIVE' | 'RECORD_INCOME_USE'>; readonly note?: string | null }
  | { readonly type: 'WAIVE'; readonly reason: string }
  | { readonly type: 'RECORD_INCOME_USE'; readonly incomeUse: FineIncomeUse; readonly note: string };

const WORKFLOW = {
  subject: 'sanctions ledger entry',
  actions: SANCTION_LEDGER_ACTIONS,
  table: SANCTION_LEDGER_TRANSITIONS,
  unknownActionCode: 'UNKNOWN_SANCTION_LEDGER_ACTION',
} as const;

/** The actions someone holding `actorKinds` may take on an entry in `state` (null: not yet recorded), in table order. */
export function availableSanctionLedgerActions(state: SanctionLedgerState | null, actorKinds: readonly SanctionLedgerActorKind[]): SanctionLedgerAction[] {
  return permittedActionsFrom(SANCTION_LEDGER_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it. */
export function sanctionLedgerActionsFrom(state: SanctionLedgerState | null): SanctionLedgerAction[] {
  return actionsFrom(SANCTION_LEDGER_TRANSITIONS, state);
}

const blank = (text: unknown) => typeof text !== 'string' || text.trim() === '';

/**
 * Applies one move to an entry in `state` (null: not yet recorded) and returns the state it moves to. Throws
 * UNKNOWN_SANCTION_LEDGER_ACTION (details: action, allowed); INVALID_TRANSITION (details: from, action, allowed);
 * ACTION_NOT_PERMITTED (details: from, action, actors, actorKinds); REASON_REQUIRED for a waiver without a reason;
 * UNKNOWN_INCOME_USE (details: incomeUse, allowed) and INCOME_USE_NOTE_REQUIRED for an income use.
 */
export function applySanctionLedgerMove(state: SanctionLedgerState | null, move: SanctionLedgerMove, actorKinds: readonly SanctionLedgerActorKind[]): SanctionLedgerState {
  const transition = requireTransition(WORKFLOW, state, move?.type, actorKinds);
  if (move.type === 'WAIVE' && blank(move.reason)) {
    throw new DomainError('REASON_REQUIRED', 'A waived sanction needs the reason it is waived.', { action: move.type });
  }
  if (move.type === 'RECORD_INCOME_USE') {
    if (!(FINE_INCOME_USES as readonly unknown[]).includes(move.incomeUse)) {
      throw new DomainError('UNKNOWN_INCOME_USE', `Unknown use of fine income ${String(move.incomeUse)}`, { incomeUse: move.incomeUse, allowed: [...FINE_INCOME_USES] });
    }
    if (blank(move.note)) {
      throw new DomainError('INCOME_USE_NOTE_REQUIRED', 'Say what the income pays for: be explicit about how it is used.', { action: move.type });
    }
  }
  return transition.to;
}

/** A ledger sum as the fine income report reads it. */
export interface FineIncomeItem {
  readonly status: SanctionLedgerState;
  readonly amount: Money;
  readonly incomeUse: FineIncomeUse | null;
}

export interface FineIncomeSummary {
  /** Applied sums (income), whatever their use. */
  readonly applied: Money;
  /** Applied sums by their recorded use, every use listed (zero where none). */
  readonly byUse: readonly { readonly use: FineIncomeUse; readonly amount: Money; readonly entries: number }[];
  /** Applied sums whose use is not yet recorded. */
  readonly unallocated: Money;
  readonly unallocatedEntries: number;
  /** Still calculated (not yet applied or waived), withheld (not yet returned or retained), waived and returned. */
  readonly calculated: Money;
  readonly withheld: Money;
  readonly waived: Money;
  readonly returned: Money;
}

/** Totals a set of ledger sums by status and, for applied ones, by the use of the income: exact, no rounding. */
export function summariseFineIncome(items: readonly FineIncomeItem[]): FineIncomeSummary {
  const total = (filter: (item: FineIncomeItem) => boolean) => Money.sum(items.filter(filter).map((item) => item.amount));
  const applied = items.filter((item) => item.status === 'APPLIED');
  return {
    applied: Money.sum(applied.map((item) => item.amount)),
    byUse: FINE_INCOME_USES.map((use) => {
      const used = applied.filter((item) => item.incomeUse === use);
      return { use, amount: Money.sum(used.map((item) => item.amount)), entries: used.length };
    }),
    unallocated: Money.sum(applied.filter((item) => item.incomeUse === null).map((item) => item.amount)),
    unallocatedEntries: applied.filter((item) => item.incomeUse === null).length,
    calculated: total((item) => item.status === 'CALCULATED'),
    withheld: total((item) => item.status === 'WITHHELD'),
    waived: total((item) => item.status === 'WAIVED'),
    returned: total((item) => item.status === 'RETURNED'),
  };
}
