import { DomainError } from '../errors';
import {
  ESCALATION_ITEM_ACTIONS,
  ESCALATION_ITEM_ACTION_LABELS,
  ESCALATION_ITEM_ACTOR_KINDS,
  ESCALATION_ITEM_STATES,
  ESCALATION_ITEM_STATE_LABELS,
  ESCALATION_ITEM_STATUS_CHANGES,
  ESCALATION_ITEM_TRANSITIONS,
  ESCALATION_MOVE_ACTIONS,
  availableEscalationItemActions,
  escalationItemActionsFrom,
  isEscalationItemState,
  requireEscalationItemTransition,
  type EscalationItemAction,
  type EscalationItemActorKind,
  type EscalationItemState,
} from './escalation-item-lifecycle';

const FROM_STATES: (EscalationItemState | null)[] = [null, ...ESCALATION_ITEM_STATES];
const rowOf = (from: EscalationItemState | null, action: EscalationItemAction) => ESCALATION_ITEM_TRANSITIONS.find((row) => row.from === from && row.action === action);
const withReason = (action: EscalationItemAction) => ({ action, reason: 'Four-hour performance below 90% for three months' });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
}

/** Who may take each action, as the design of issue 16 states it (independent of the table, so the table is checked). */
const EXPECTED_ACTORS: Record<EscalationItemAction, EscalationItemActorKind[]> = {
  RAISE: ['CCG_STAFF'],
  ESCALATE: ['BOARD_MEMBER', 'BOARD_CHAIR'],
  DE_ESCALATE: ['BOARD_MEMBER', 'BOARD_CHAIR'],
  MOVE_OFF_ROUTE: ['BOARD_CHAIR'],
  RECORD_NOTE: ['CCG_STAFF', 'OWNER', 'BOARD_MEMBER', 'BOARD_CHAIR'],
  RECORD_DECISION: ['BOARD_CHAIR'],
  ADD_ACTION: ['OWNER', 'BOARD_MEMBER', 'BOARD_CHAIR'],
  UPDATE_ACTION: ['OWNER', 'BOARD_MEMBER', 'BOARD_CHAIR'],
  CLOSE: ['BOARD_CHAIR'],
  REOPEN: ['BOARD_CHAIR'],
};

describe('the escalation item lifecycle', () => {
  describe('every (state, action) pair, by every actor kind', () => {
    for (const from of FROM_STATES) {
      for (const action of ESCALATION_ITEM_ACTIONS) {
        const row = rowOf(from, action);
        if (row) {
          const allowed = EXPECTED_ACTORS[action];
          const refused = ESCALATION_ITEM_ACTOR_KINDS.filter((kind) => !allowed.includes(kind));
          it(`${from ?? 'no item'} --${action}--> ${row.to}: ${allowed.join(', ')} may; ${refused.join(', ') || 'nobody else'} may not`, () => {
            for (const kind of allowed) expect(requireEscalationItemTransition(from, withReason(action), [kind]).to).toBe(row.to);
            for (const kind of refused) expect(codeOf(() => requireEscalationItemTransition(from, withReason(action), [kind]))).toBe('ACTION_NOT_PERMITTED');
            expect(codeOf(() => requireEscalationItemTransition(from, withReason(action), []))).toBe('ACTION_NOT_PERMITTED');
          });
        } else {
          it(`${from ?? 'no item'} --${action}--> refused as INVALID_TRANSITION, whoever asks`, () => {
            for (const kind of ESCALATION_ITEM_ACTOR_KINDS) {
              expect(codeOf(() => requireEscalationItemTransition(from, withReason(action), [kind]))).toBe('INVALID_TRANSITION');
            }
            expect(codeOf(() => requireEscalationItemTransition(from, withReason(action), [...ESCALATION_ITEM_ACTOR_KINDS]))).toBe('INVALID_TRANSITION');
          });
        }
      }
    }
  });

  it('has exactly the moves of the design: raise; from open every move but reopen; from closed only reopen', () => {
    expect(escalationItemActionsFrom(null)).toEqual(['RAISE']);
    expect(escalationItemActionsFrom('OPEN')).toEqual(ESCALATION_ITEM_ACTIONS.filter((action) => action !== 'RAISE' && action !== 'REOPEN'));
    expect(escalationItemActionsFrom('CLOSED')).toEqual(['REOPEN']);
    expect(rowOf('OPEN', 'CLOSE')?.to).toBe('CLOSED');
    expect(rowOf('CLOSED', 'REOPEN')?.to).toBe('OPEN');
    for (const action of ['ESCALATE', 'DE_ESCALATE', 'MOVE_OFF_ROUTE', 'RECORD_NOTE', 'RECORD_DECISION', 'ADD_ACTION', 'UPDATE_ACTION'] as const) {
      expect(rowOf('OPEN', action)?.to).toBe('OPEN');
    }
  });

  it('refuses an unknown action, naming the allowed ones', () => {
    try {
      requireEscalationItemTransition('OPEN', { action: 'DELETE' as EscalationItemAction, reason: 'x' }, ['BOARD_CHAIR']);
      throw new Error('not refused');
    } catch (error) {
      expect((error as DomainError).code).toBe('UNKNOWN_ESCALATION_ITEM_ACTION');
      expect((error as DomainError).details).toEqual({ action: 'DELETE', allowed: [...ESCALATION_ITEM_ACTIONS] });
    }
  });

  it('names the moves allowed from a state in INVALID_TRANSITION', () => {
    try {
      requireEscalationItemTransition('CLOSED', withReason('ESCALATE'), ['BOARD_CHAIR']);
      throw new Error('not refused');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ from: 'CLOSED', action: 'ESCALATE', allowed: ['REOPEN'] });
    }
  });

  it('needs a reason for every move between boards, a note, a decision, closing and reopening; not to raise or for actions', () => {
    const needingReason = ESCALATION_ITEM_TRANSITIONS.filter((row) => row.reasonRequired).map((row) => row.action);
    expect(needingReason).toEqual(['ESCALATE', 'DE_ESCALATE', 'MOVE_OFF_ROUTE', 'RECORD_NOTE', 'RECORD_DECISION', 'CLOSE', 'REOPEN']);
    for (const row of ESCALATION_ITEM_TRANSITIONS.filter((r) => r.reasonRequired)) {
      for (const reason of [undefined, null, '', '   ']) {
        try {
          requireEscalationItemTransition(row.from, { action: row.action, reason }, ['BOARD_CHAIR']);
          throw new Error('not refused');
        } catch (error) {
          expect((error as DomainError).code).toBe('REASON_REQUIRED');
          expect((error as DomainError).details).toEqual({ action: row.action, fields: { reason: `${ESCALATION_ITEM_ACTION_LABELS[row.action]} needs a reason.` } });
        }
      }
    }
    for (const row of ESCALATION_ITEM_TRANSITIONS.filter((r) => !r.reasonRequired)) {
      expect(requireEscalationItemTransition(row.from, { action: row.action }, [...EXPECTED_ACTORS[row.action]]).to).toBe(row.to);
    }
  });

  it('says which moves change the board: the three moves, and they map from classifyMove’s answers', () => {
    expect(ESCALATION_ITEM_TRANSITIONS.filter((row) => row.changesBoard).map((row) => row.action)).toEqual(['ESCALATE', 'DE_ESCALATE', 'MOVE_OFF_ROUTE']);
    expect(ESCALATION_MOVE_ACTIONS).toEqual({ ESCALATION: 'ESCALATE', DE_ESCALATION: 'DE_ESCALATE', OFF_ROUTE: 'MOVE_OFF_ROUTE' });
  });

  it('walks an item from raising to closing and back: raise, note, escalate, decide, de-escalate, off route, close, reopen', () => {
    const walk: [EscalationItemAction, EscalationItemActorKind, EscalationItemState][] = [
      ['RAISE', 'CCG_STAFF', 'OPEN'],
      ['RECORD_NOTE', 'OWNER', 'OPEN'],
      ['ADD_ACTION', 'OWNER', 'OPEN'],
      ['ESCALATE', 'BOARD_MEMBER', 'OPEN'],
      ['RECORD_DECISION', 'BOARD_CHAIR', 'OPEN'],
      ['DE_ESCALATE', 'BOARD_MEMBER', 'OPEN'],
      ['MOVE_OFF_ROUTE', 'BOARD_CHAIR', 'OPEN'],
      ['UPDATE_ACTION', 'BOARD_MEMBER', 'OPEN'],
      ['CLOSE', 'BOARD_CHAIR', 'CLOSED'],
      ['REOPEN', 'BOARD_CHAIR', 'OPEN'],
    ];
    let state: EscalationItemState | null = null;
    for (const [action, actor, expected] of walk) {
      state = requireEscalationItemTransition(state, withReason(action), [actor]).to;
      expect(state).toBe(expected);
    }
  });

  it('gives each viewer the moves their kinds allow, as availableActions', () => {
    expect(availableEscalationItemActions(null, ['CCG_STAFF'])).toEqual(['RAISE']);
    expect(availableEscalationItemActions('OPEN', ['CCG_STAFF'])).toEqual(['RECORD_NOTE']);
    expect(availableEscalationItemActions('OPEN', ['OWNER'])).toEqual(['RECORD_NOTE', 'ADD_ACTION', 'UPDATE_ACTION']);
    expect(availableEscalationItemActions('OPEN', ['BOARD_MEMBER'])).toEqual(['ESCALATE', 'DE_ESCALATE', 'RECORD_NOTE', 'ADD_ACTION', 'UPDATE_ACTION']);
    expect(availableEscalationItemActions('OPEN', ['BOARD_MEMBER', 'BOARD_CHAIR'])).toEqual(escalationItemActionsFrom('OPEN'));
    expect(availableEscalationItemActions('CLOSED', ['CCG_STAFF', 'OWNER', 'BOARD_MEMBER'])).toEqual([]);
    expect(availableEscalationItemActions('CLOSED', ['BOARD_CHAIR'])).toEqual(['REOPEN']);
    expect(availableEscalationItemActions('OPEN', [])).toEqual([]);
  });

  it('lets the chair do everything a member may (the chair is a member of the board)', () => {
    for (const state of FROM_STATES) {
      const member = availableEscalationItemActions(state, ['BOARD_MEMBER']);
      expect(availableEscalationItemActions(state, ['BOARD_CHAIR'])).toEqual(expect.arrayContaining(member));
    }
  });

  it('cites a source for every move, from seed 002 or the product', () => {
    for (const row of ESCALATION_ITEM_TRANSITIONS) {
      expect(['SEED', 'PRODUCT']).toContain(row.source.basis);
      expect(row.source.text.trim()).not.toBe('');
      if (row.source.basis === 'SEED') expect(row.source.document).toMatch(/^seeds\/002_/);
    }
  });

  it('lists the changes of status, labels every state and action, and recognises its states', () => {
    expect(ESCALATION_ITEM_STATUS_CHANGES).toEqual([
      { from: 'OPEN', to: 'CLOSED' },
      { from: 'CLOSED', to: 'OPEN' },
    ]);
    for (const state of ESCALATION_ITEM_STATES) expect(ESCALATION_ITEM_STATE_LABELS[state]).toMatch(/^[A-Z][a-z]/);
    for (const action of ESCALATION_ITEM_ACTIONS) expect(ESCALATION_ITEM_ACTION_LABELS[action]).toMatch(/^[A-Z][a-z]/);
    expect(isEscalationItemState('OPEN')).toBe(true);
    expect(isEscalationItemState('PENDING')).toBe(false);
  });
});
