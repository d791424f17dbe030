import { domainErrorOf } from '../testing/domain-error-of';
import {
  ACCOUNT_ACTION_TYPES,
  ACCOUNT_ACTOR_KINDS,
  ACCOUNT_STATES,
  ACCOUNT_STATE_CHANGES,
  ACCOUNT_TRANSITIONS,
  AccountActionType,
  AccountActorKind,
  AccountState,
  accountActionsFrom,
  accountStateOf,
  applyAccountAction,
  availableAccountActions,
  requireAccountTransition,
  storedAccountState,
} from './account-lifecycle';

const STATES_AND_NONE = [null, ...ACCOUNT_STATES] as const;

/** The whole table as issue 14 states it: from, action -> to, by whom. */
const EXPECTED: [AccountState | null, AccountActionType, AccountState, AccountActorKind][] = [
  [null, 'CREATE', 'PASSWORD_CHANGE_REQUIRED', 'ADMINISTRATOR'],
  ['ACTIVE', 'CHANGE_PASSWORD', 'ACTIVE', 'SELF'],
  ['PASSWORD_CHANGE_REQUIRED', 'CHANGE_PASSWORD', 'ACTIVE', 'SELF'],
  ['ACTIVE', 'RESET_PASSWORD', 'PASSWORD_CHANGE_REQUIRED', 'ADMINISTRATOR'],
  ['PASSWORD_CHANGE_REQUIRED', 'RESET_PASSWORD', 'PASSWORD_CHANGE_REQUIRED', 'ADMINISTRATOR'],
  ['ACTIVE', 'DEACTIVATE', 'DEACTIVATED', 'ADMINISTRATOR'],
  ['PASSWORD_CHANGE_REQUIRED', 'DEACTIVATE', 'DEACTIVATED', 'ADMINISTRATOR'],
  ['DEACTIVATED', 'REACTIVATE', 'PASSWORD_CHANGE_REQUIRED', 'ADMINISTRATOR'],
];

describe('account lifecycle table', () => {
  it('names only known states, actions and actors, each move once, each citing the product', () => {
    for (const t of ACCOUNT_TRANSITIONS) {
      expect(STATES_AND_NONE).toContain(t.from);
      expect(ACCOUNT_STATES).toContain(t.to);
      expect(ACCOUNT_ACTION_TYPES).toContain(t.action);
      for (const actor of t.actors) expect(ACCOUNT_ACTOR_KINDS).toContain(actor);
      expect(t.source.basis).toBe('PRODUCT');
      expect(t.source.document).toMatch(/issue 14/);
      expect(t.source.text.trim()).not.toBe('');
    }
    const pairs = ACCOUNT_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('is exactly the table of issue 14', () => {
    expect(ACCOUNT_TRANSITIONS.map((t) => [t.from, t.action, t.to, ...t.actors])).toEqual(EXPECTED);
  });

  it('issues a one-time password on create, reset and reactivate only, and ends sessions as the issue says', () => {
    expect(ACCOUNT_TRANSITIONS.filter((t) => t.issuesOneTimePassword).map((t) => t.action)).toEqual(['CREATE', 'RESET_PASSWORD', 'RESET_PASSWORD', 'REACTIVATE']);
    const ends = Object.fromEntries(ACCOUNT_TRANSITIONS.map((t) => [t.action, t.endsSessions]));
    expect(ends).toEqual({ CREATE: 'NONE', CHANGE_PASSWORD: 'OTHERS', RESET_PASSWORD: 'ALL', DEACTIVATE: 'ALL', REACTIVATE: 'NONE' });
  });

  it('reaches every state from a new account', () => {
    const reached = new Set<AccountState | null>([null]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of ACCOUNT_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES_AND_NONE].sort());
  });

  it('changes stored state only along the table', () => {
    expect(ACCOUNT_STATE_CHANGES).toEqual([
      { from: 'PASSWORD_CHANGE_REQUIRED', to: 'ACTIVE' },
      { from: 'ACTIVE', to: 'PASSWORD_CHANGE_REQUIRED' },
      { from: 'ACTIVE', to: 'DEACTIVATED' },
      { from: 'PASSWORD_CHANGE_REQUIRED', to: 'DEACTIVATED' },
      { from: 'DEACTIVATED', to: 'PASSWORD_CHANGE_REQUIRED' },
    ]);
  });
});

describe('applyAccountAction', () => {
  // Every (state, action, actor) combination: allowed exactly when the table has the row and the actor.
  const cases = STATES_AND_NONE.flatMap((from) => ACCOUNT_ACTION_TYPES.flatMap((action) => ACCOUNT_ACTOR_KINDS.map((actor) => [from, action, actor] as const)));

  it.each(cases)('from %s, %s by %s: moves as the table says or is refused with the right reason', (from, action, actor) => {
    const row = EXPECTED.find(([f, a]) => f === from && a === action);
    if (!row) {
      const error = domainErrorOf(() => applyAccountAction(from, action, [actor]));
      expect(error.code).toBe('ACTION_NOT_AVAILABLE');
      expect(error.details).toEqual({ from, action, allowed: accountActionsFrom(from) });
    } else if (row[3] !== actor) {
      const error = domainErrorOf(() => applyAccountAction(from, action, [actor]));
      expect(error.code).toBe('ACTION_NOT_PERMITTED');
      expect(error.details).toMatchObject({ from, action, actors: [row[3]], actorKinds: [actor] });
    } else {
      expect(applyAccountAction(from, action, [actor])).toBe(row[2]);
    }
  });

  it('refuses an action not in the table as UNKNOWN_ACCOUNT_ACTION', () => {
    expect(domainErrorOf(() => requireAccountTransition('ACTIVE', 'DELETE', ['ADMINISTRATOR'])).code).toBe('UNKNOWN_ACCOUNT_ACTION');
  });

  it('refuses a move made with no actor kinds at all', () => {
    expect(domainErrorOf(() => applyAccountAction('ACTIVE', 'DEACTIVATE', [])).code).toBe('ACTION_NOT_PERMITTED');
  });
});

describe('availableAccountActions', () => {
  it.each([
    ['ACTIVE', ['ADMINISTRATOR'], ['RESET_PASSWORD', 'DEACTIVATE']],
    ['PASSWORD_CHANGE_REQUIRED', ['ADMINISTRATOR'], ['RESET_PASSWORD', 'DEACTIVATE']],
    ['DEACTIVATED', ['ADMINISTRATOR'], ['REACTIVATE']],
    ['ACTIVE', ['SELF'], ['CHANGE_PASSWORD']],
    ['DEACTIVATED', ['SELF'], []],
    ['ACTIVE', ['ADMINISTRATOR', 'SELF'], ['CHANGE_PASSWORD', 'RESET_PASSWORD', 'DEACTIVATE']],
  ] as const)('for an account %s and an actor %j: %j', (state, actors, expected) => {
    expect(availableAccountActions(state, actors)).toEqual(expected);
  });

  it('offers CREATE only to an administrator', () => {
    expect(availableAccountActions(null, ['ADMINISTRATOR'])).toEqual(['CREATE']);
    expect(availableAccountActions(null, ['SELF'])).toEqual([]);
  });
});

describe('stored account state', () => {
  it.each(ACCOUNT_STATES)('%s survives storing and reading back', (state) => {
    expect(accountStateOf(storedAccountState(state))).toBe(state);
  });

  it('reads a deactivated account with a pending password change as DEACTIVATED', () => {
    expect(accountStateOf({ deactivated: true, passwordChangeRequired: true })).toBe('DEACTIVATED');
  });
});
