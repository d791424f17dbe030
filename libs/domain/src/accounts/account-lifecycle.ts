import type { CitedSource } from '../assurance/cited-source';
import { DomainError } from '../errors';
import { actionsFrom, permittedActionsFrom, requireTransition, statusChangesOf, type StatusChange, type TransitionRow } from '../workflow/transition-table';

/**
 * Where a user account stands. ACTIVE: signs in and works. PASSWORD_CHANGE_REQUIRED: signs in with a one-time
 * password an administrator was shown, and may do nothing but change it. DEACTIVATED: cannot sign in.
 */
export const ACCOUNT_STATES = ['ACTIVE', 'PASSWORD_CHANGE_REQUIRED', 'DEACTIVATED'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export const ACCOUNT_ACTION_TYPES = ['CREATE', 'CHANGE_PASSWORD', 'RESET_PASSWORD', 'DEACTIVATE', 'REACTIVATE'] as const;
export type AccountActionType = (typeof ACCOUNT_ACTION_TYPES)[number];

/**
 * Who acts on an account, as the lifecycle sees them. ADMINISTRATOR: an administrator who administers the
 * account (see `account-administration.ts`); SELF: the account's own user. Which kinds a signed-in user holds
 * for a given account is the API's to say.
 */
export const ACCOUNT_ACTOR_KINDS = ['ADMINISTRATOR', 'SELF'] as const;
export type AccountActorKind = (typeof ACCOUNT_ACTOR_KINDS)[number];

/** One allowed move; `endsSessions` when the account's live sessions end with it, `issuesOneTimePassword` when it makes one. */
export interface AccountTransition extends TransitionRow<AccountState, AccountActionType, AccountActorKind> {
  readonly issuesOneTimePassword: boolean;
  readonly endsSessions: 'NONE' | 'OTHERS' | 'ALL';
}

const ISSUE_14 = 'CCG Assure issue 14, user accounts and roles: the product’s own rule where no paper speaks';
const NCSC = 'NCSC, Password administration for system owners (2018), with issue 14';
const product = (text: string): CitedSource => ({ basis: 'PRODUCT', document: ISSUE_14, text });
const ncsc = (text: string): CitedSource => ({ basis: 'PRODUCT', document: NCSC, text });

const RESET = 'reset a password (a one-time password the user must change at next sign-in)';
const DEACTIVATE = 'deactivate and reactivate accounts';
const LIVE: readonly AccountState[] = ['ACTIVE', 'PASSWORD_CHANGE_REQUIRED'];

/**
 * Every allowed (state, action) pair with who may make it; any other pair is ACTION_NOT_AVAILABLE, and a move
 * made by someone not listed is ACTION_NOT_PERMITTED. `from: null` is an account that does not exist yet.
 */
export const ACCOUNT_TRANSITIONS: readonly AccountTransition[] = [
  {
    from: null,
    action: 'CREATE',
    to: 'PASSWORD_CHANGE_REQUIRED',
    actors: ['ADMINISTRATOR'],
    condition: 'A valid username not taken, a display name, a home organisation the administrator administers.',
    issuesOneTimePassword: true,
    endsSessions: 'NONE',
    source: product('Administrators create users (username, display name, email) ... a one-time password the user must change at next sign-in'),
  },
  ...LIVE.map(
    (from): AccountTransition => ({
      from,
      action: 'CHANGE_PASSWORD',
      to: 'ACTIVE',
      actors: ['SELF'],
      condition: 'The current password, and a new one the password policy accepts that differs from it.',
      issuesOneTimePassword: false,
      endsSessions: 'OTHERS',
      source: product('Users change their own password ... changing a password ends their other sessions'),
    }),
  ),
  ...LIVE.map(
    (from): AccountTransition => ({
      from,
      action: 'RESET_PASSWORD',
      to: 'PASSWORD_CHANGE_REQUIRED',
      actors: ['ADMINISTRATOR'],
      issuesOneTimePassword: true,
      endsSessions: 'ALL',
      source: ncsc(`${RESET}; a password an administrator set is known to someone else, so it is used once and changed (NCSC: "force users to change the password at first logon")`),
    }),
  ),
  ...LIVE.map(
    (from): AccountTransition => ({
      from,
      action: 'DEACTIVATE',
      to: 'DEACTIVATED',
      actors: ['ADMINISTRATOR'],
      condition: 'Not the administrator’s own account (CANNOT_CHANGE_OWN_ACCESS); not the last active NHS England administrator (LAST_ADMINISTRATOR).',
      issuesOneTimePassword: false,
      endsSessions: 'ALL',
      source: product(DEACTIVATE),
    }),
  ),
  {
    from: 'DEACTIVATED',
    action: 'REACTIVATE',
    to: 'PASSWORD_CHANGE_REQUIRED',
    actors: ['ADMINISTRATOR'],
    issuesOneTimePassword: true,
    endsSessions: 'NONE',
    source: product(`${DEACTIVATE}: a reactivated account starts with a fresh one-time password, so an old password does not come back to life`),
  },
];

/** The changes of stored state the lifecycle makes to an existing account. */
export const ACCOUNT_STATE_CHANGES: readonly StatusChange<AccountState>[] = statusChangesOf(ACCOUNT_TRANSITIONS);

const WORKFLOW = { subject: 'account', actions: ACCOUNT_ACTION_TYPES, table: ACCOUNT_TRANSITIONS, unknownActionCode: 'UNKNOWN_ACCOUNT_ACTION' } as const;

/** The actions someone holding `actorKinds` may take on an account in `state`, in table order. */
export function availableAccountActions(state: AccountState | null, actorKinds: readonly AccountActorKind[]): AccountActionType[] {
  return permittedActionsFrom(ACCOUNT_TRANSITIONS, state, actorKinds);
}

/** Every action the table allows from `state`, whoever may take it. */
export function accountActionsFrom(state: AccountState | null): AccountActionType[] {
  return actionsFrom(ACCOUNT_TRANSITIONS, state);
}

/**
 * The move for `action` on an account in `state` (null: not yet created) by someone holding `actorKinds`.
 * Throws UNKNOWN_ACCOUNT_ACTION; ACTION_NOT_AVAILABLE (details: from, action, allowed) when the table has no
 * such move from that state, e.g. deactivating a deactivated account; ACTION_NOT_PERMITTED (details: from,
 * action, actors, actorKinds) when it has but none of `actorKinds` may make it, e.g. a user resetting their own
 * password. Conditions the state does not show (own account, last administrator) are the caller's to check.
 */
export function requireAccountTransition(state: AccountState | null, action: unknown, actorKinds: readonly AccountActorKind[]): AccountTransition {
  try {
    return requireTransition(WORKFLOW, state, action, actorKinds) as AccountTransition;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') {
      throw new DomainError('ACTION_NOT_AVAILABLE', `${String(action)} is not available for an account that is ${state ?? 'not yet created'}.`, error.details);
    }
    throw error;
  }
}

/** The state an account moves to; see `requireAccountTransition` for the refusals. */
export function applyAccountAction(state: AccountState | null, action: AccountActionType, actorKinds: readonly AccountActorKind[]): AccountState {
  return requireAccountTransition(state, action, actorKinds).to;
}

/** The stored facts an account's state is read from. */
export interface StoredAccountState {
  readonly deactivated: boolean;
  readonly passwordChangeRequired: boolean;
}

/** An account's state from its stored facts: deactivation wins over a pending password change. */
export function accountStateOf(stored: StoredAccountState): AccountState {
  if (stored.deactivated) return 'DEACTIVATED';
  return stored.passwordChangeRequired ? 'PASSWORD_CHANGE_REQUIRED' : 'ACTIVE';
}

/** The stored facts for a state (the inverse of `accountStateOf`). */
export function storedAccountState(state: AccountState): StoredAccountState {
  return { deactivated: state === 'DEACTIVATED', passwordChangeRequired: state === 'PASSWORD_CHANGE_REQUIRED' };
}
