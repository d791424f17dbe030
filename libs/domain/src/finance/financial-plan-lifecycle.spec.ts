import { domainErrorOf } from '../testing/domain-error-of';
import {
  FINANCIAL_PLAN_ACTION_TYPES,
  FINANCIAL_PLAN_ACTOR_KINDS,
  FINANCIAL_PLAN_EDITABLE_STATES,
  FINANCIAL_PLAN_STATES,
  FINANCIAL_PLAN_TRANSITIONS,
  FINANCIAL_PLAN_VERSION_STATUS_CHANGES,
  FinancialPlanAction,
  FinancialPlanActionType,
  FinancialPlanActorKind,
  TERMINAL_FINANCIAL_PLAN_STATES,
  applyFinancialPlanAction,
  availableFinancialPlanActions,
  financialPlanActionsFrom,
} from './financial-plan-lifecycle';

const actionOf = (type: FinancialPlanActionType): FinancialPlanAction => (type === 'RETURN' ? { type, reason: 'Contingency below 0.5% of allocation.' } : { type });
const EVERYONE: readonly FinancialPlanActorKind[] = FINANCIAL_PLAN_ACTOR_KINDS;
const STATES_AND_NONE = [null, ...FINANCIAL_PLAN_STATES] as const;

describe('financial plan lifecycle table', () => {
  it('names only known states, actions and actors, each move once, each citing a paper or the product', () => {
    for (const t of FINANCIAL_PLAN_TRANSITIONS) {
      expect(STATES_AND_NONE).toContain(t.from);
      expect(FINANCIAL_PLAN_STATES).toContain(t.to);
      expect(FINANCIAL_PLAN_ACTION_TYPES).toContain(t.action);
      expect(t.actors.length).toBeGreaterThan(0);
      for (const actor of t.actors) expect(FINANCIAL_PLAN_ACTOR_KINDS).toContain(actor);
      expect(['SEED', 'PRODUCT']).toContain(t.source.basis);
      expect(t.source.text.trim()).not.toBe('');
      if (t.source.basis === 'SEED') expect(t.source.document).toMatch(/^seeds\/001_/);
    }
    const pairs = FINANCIAL_PLAN_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('reaches every state from a CCG with no plan', () => {
    const reached = new Set<string | null>([null]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of FINANCIAL_PLAN_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES_AND_NONE].sort());
  });

  it('changes a version’s status exactly as the database trigger allows: DRAFT -> SUBMITTED -> APPROVED or RETURNED', () => {
    expect(FINANCIAL_PLAN_VERSION_STATUS_CHANGES).toEqual([
      { from: 'DRAFT', to: 'SUBMITTED' },
      { from: 'SUBMITTED', to: 'APPROVED' },
      { from: 'SUBMITTED', to: 'RETURNED' },
    ]);
    expect(FINANCIAL_PLAN_EDITABLE_STATES).toEqual(['DRAFT']);
  });

  it('starts a new version only for a first draft or after a return', () => {
    expect(FINANCIAL_PLAN_TRANSITIONS.filter((t) => t.startsNewVersion).map((t) => [t.from, t.to])).toEqual([
      [null, 'DRAFT'],
      ['RETURNED', 'DRAFT'],
    ]);
  });

  it.each([
    [null, 'CCG_FINANCE', ['START_DRAFT']],
    [null, 'ASSESSOR', []],
    ['DRAFT', 'CCG_FINANCE', ['EDIT_DRAFT', 'SUBMIT']],
    ['DRAFT', 'ASSESSOR', ['RECORD_FLEX', 'SET_WARNING_THRESHOLD']],
    ['SUBMITTED', 'CCG_FINANCE', []],
    ['SUBMITTED', 'ASSESSOR', ['APPROVE', 'RETURN', 'RECORD_FLEX', 'SET_WARNING_THRESHOLD']],
    ['APPROVED', 'CCG_FINANCE', ['RECORD_FORECAST']],
    ['APPROVED', 'ASSESSOR', ['RECORD_FLEX', 'SET_WARNING_THRESHOLD']],
    ['RETURNED', 'CCG_FINANCE', ['START_DRAFT']],
    ['RETURNED', 'ASSESSOR', ['RECORD_FLEX', 'SET_WARNING_THRESHOLD']],
  ] as const)('in %s a %s may: %j', (state, actor, actions) => {
    expect(availableFinancialPlanActions(state, [actor])).toEqual(actions);
  });

  it('offers nothing to someone who holds no actor kind, and everything the table allows to someone who holds both', () => {
    for (const state of STATES_AND_NONE) {
      expect(availableFinancialPlanActions(state, [])).toEqual([]);
      expect(availableFinancialPlanActions(state, EVERYONE)).toEqual(financialPlanActionsFrom(state));
    }
  });

  it('leaves an approved plan final: no draft, edit or submission', () => {
    for (const state of TERMINAL_FINANCIAL_PLAN_STATES) {
      expect(financialPlanActionsFrom(state).some((action) => ['START_DRAFT', 'EDIT_DRAFT', 'SUBMIT'].includes(action))).toBe(false);
    }
  });
});

describe('applyFinancialPlanAction', () => {
  const permitted = FINANCIAL_PLAN_TRANSITIONS.flatMap((t) => t.actors.map((actor) => [t.from, t.action, actor, t.to] as const));

  it.each(permitted)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(applyFinancialPlanAction(from, actionOf(action), [actor])).toBe(to);
    expect(availableFinancialPlanActions(from, [actor])).toContain(action);
  });

  const invalid = STATES_AND_NONE.flatMap((state) =>
    FINANCIAL_PLAN_ACTION_TYPES.filter((action) => !FINANCIAL_PLAN_TRANSITIONS.some((t) => t.from === state && t.action === action)).map((action) => [state, action] as const),
  );

  it('the invalid pairs are every state (or none) x action not in the table', () => {
    expect(invalid).toHaveLength(STATES_AND_NONE.length * FINANCIAL_PLAN_ACTION_TYPES.length - FINANCIAL_PLAN_TRANSITIONS.length);
  });

  it.each(invalid)('%s: %s is INVALID_TRANSITION, whoever asks', (from, action) => {
    const error = domainErrorOf(() => applyFinancialPlanAction(from, actionOf(action), EVERYONE));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ from, action, allowed: financialPlanActionsFrom(from) });
  });

  const notPermitted = FINANCIAL_PLAN_TRANSITIONS.flatMap((t) =>
    [[], ...FINANCIAL_PLAN_ACTOR_KINDS.filter((actor) => !t.actors.includes(actor)).map((actor) => [actor])].map((held) => [t.from, t.action, held] as const),
  );

  it.each(notPermitted)('%s: %s by %j is ACTION_NOT_PERMITTED', (from, action, held) => {
    const error = domainErrorOf(() => applyFinancialPlanAction(from, actionOf(action), held as FinancialPlanActorKind[]));
    const transition = FINANCIAL_PLAN_TRANSITIONS.find((t) => t.from === from && t.action === action);
    expect(error.code).toBe('ACTION_NOT_PERMITTED');
    expect(error.details).toEqual({ from, action, actors: transition?.actors, actorKinds: held });
  });

  it('treats actor kinds that are not a list as none held', () => {
    expect(domainErrorOf(() => applyFinancialPlanAction('DRAFT', { type: 'SUBMIT' }, undefined as unknown as FinancialPlanActorKind[])).code).toBe('ACTION_NOT_PERMITTED');
  });

  it.each([[''], ['   '], [undefined], [null]])('refuses a return with reason %p as REASON_REQUIRED', (reason) => {
    const error = domainErrorOf(() => applyFinancialPlanAction('SUBMITTED', { type: 'RETURN', reason } as FinancialPlanAction, ['ASSESSOR']));
    expect(error).toMatchObject({ code: 'REASON_REQUIRED', details: { action: 'RETURN' } });
  });

  it('checks the move and the actor before the reason', () => {
    expect(domainErrorOf(() => applyFinancialPlanAction('DRAFT', { type: 'RETURN', reason: '' }, ['ASSESSOR'])).code).toBe('INVALID_TRANSITION');
    expect(domainErrorOf(() => applyFinancialPlanAction('SUBMITTED', { type: 'RETURN', reason: '' }, ['CCG_FINANCE'])).code).toBe('ACTION_NOT_PERMITTED');
  });

  it.each([['PUBLISH'], [''], [undefined]])('refuses unknown action %p as UNKNOWN_FINANCIAL_PLAN_ACTION', (type) => {
    const error = domainErrorOf(() => applyFinancialPlanAction('DRAFT', { type } as unknown as FinancialPlanAction, EVERYONE));
    expect(error).toMatchObject({ code: 'UNKNOWN_FINANCIAL_PLAN_ACTION', details: { action: type, allowed: [...FINANCIAL_PLAN_ACTION_TYPES] } });
  });

  it('follows the whole life of a plan: draft, submit, return, new draft, submit, approve, forecast', () => {
    const steps: [FinancialPlanAction, FinancialPlanActorKind][] = [
      [{ type: 'START_DRAFT' }, 'CCG_FINANCE'],
      [{ type: 'EDIT_DRAFT' }, 'CCG_FINANCE'],
      [{ type: 'SUBMIT' }, 'CCG_FINANCE'],
      [{ type: 'RETURN', reason: 'Surplus below 1%.' }, 'ASSESSOR'],
      [{ type: 'START_DRAFT' }, 'CCG_FINANCE'],
      [{ type: 'SUBMIT' }, 'CCG_FINANCE'],
      [{ type: 'APPROVE' }, 'ASSESSOR'],
      [{ type: 'RECORD_FORECAST' }, 'CCG_FINANCE'],
    ];
    const states = steps.reduce<(string | null)[]>((seen, [action, actor]) => [...seen, applyFinancialPlanAction(seen[seen.length - 1] as never, action, [actor])], [null]);
    expect(states).toEqual([null, 'DRAFT', 'DRAFT', 'SUBMITTED', 'RETURNED', 'DRAFT', 'SUBMITTED', 'APPROVED', 'APPROVED']);
  });
});
