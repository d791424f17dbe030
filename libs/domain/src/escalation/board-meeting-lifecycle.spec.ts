import { DomainError } from '../errors';
import {
  BOARD_MEETING_ACTIONS,
  BOARD_MEETING_ACTION_LABELS,
  BOARD_MEETING_ACTOR_KINDS,
  BOARD_MEETING_STATES,
  BOARD_MEETING_STATE_LABELS,
  BOARD_MEETING_STATUS_CHANGES,
  BOARD_MEETING_TRANSITIONS,
  MEETING_DECISIONS,
  MEETING_DECISION_ITEM_ACTIONS,
  MEETING_DECISION_LABELS,
  TERMINAL_BOARD_MEETING_STATES,
  availableBoardMeetingActions,
  boardMeetingActionsFrom,
  isBoardMeetingState,
  isMeetingDecision,
  itemActionForMeetingDecision,
  requireBoardMeetingTransition,
  type BoardMeetingAction,
  type BoardMeetingActorKind,
  type BoardMeetingState,
  type MeetingDecision,
} from './board-meeting-lifecycle';
import { ESCALATION_ITEM_ACTIONS } from './escalation-item-lifecycle';

const FROM_STATES: (BoardMeetingState | null)[] = [null, ...BOARD_MEETING_STATES];
const rowOf = (from: BoardMeetingState | null, action: BoardMeetingAction) => BOARD_MEETING_TRANSITIONS.find((row) => row.from === from && row.action === action);
const fullMove = (action: BoardMeetingAction) => ({ action, reason: 'The chair is unwell', minutes: 'Present: the chair and four members. Items taken in pack order.' });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
}

const EXPECTED_ACTORS: Record<BoardMeetingAction, BoardMeetingActorKind[]> = {
  SCHEDULE: ['BOARD_CHAIR', 'BOARD_MEMBER'],
  RECORD_ITEM_DECISION: ['BOARD_CHAIR'],
  HOLD: ['BOARD_CHAIR'],
  CANCEL: ['BOARD_CHAIR'],
};

describe('the board meeting lifecycle', () => {
  describe('every (state, action) pair, by every actor kind', () => {
    for (const from of FROM_STATES) {
      for (const action of BOARD_MEETING_ACTIONS) {
        const row = rowOf(from, action);
        if (row) {
          const allowed = EXPECTED_ACTORS[action];
          const refused = BOARD_MEETING_ACTOR_KINDS.filter((kind) => !allowed.includes(kind));
          it(`${from ?? 'no meeting'} --${action}--> ${row.to}: ${allowed.join(', ')} may; ${refused.join(', ') || 'nobody else'} may not`, () => {
            for (const kind of allowed) expect(requireBoardMeetingTransition(from, fullMove(action), [kind]).to).toBe(row.to);
            for (const kind of refused) expect(codeOf(() => requireBoardMeetingTransition(from, fullMove(action), [kind]))).toBe('ACTION_NOT_PERMITTED');
            expect(codeOf(() => requireBoardMeetingTransition(from, fullMove(action), []))).toBe('ACTION_NOT_PERMITTED');
          });
        } else {
          it(`${from ?? 'no meeting'} --${action}--> refused as INVALID_TRANSITION, whoever asks`, () => {
            for (const kind of BOARD_MEETING_ACTOR_KINDS) expect(codeOf(() => requireBoardMeetingTransition(from, fullMove(action), [kind]))).toBe('INVALID_TRANSITION');
          });
        }
      }
    }
  });

  it('has exactly the moves of the design, and none out of a held or cancelled meeting', () => {
    expect(boardMeetingActionsFrom(null)).toEqual(['SCHEDULE']);
    expect(boardMeetingActionsFrom('SCHEDULED')).toEqual(['RECORD_ITEM_DECISION', 'HOLD', 'CANCEL']);
    expect(TERMINAL_BOARD_MEETING_STATES).toEqual(['HELD', 'CANCELLED']);
    for (const state of TERMINAL_BOARD_MEETING_STATES) expect(boardMeetingActionsFrom(state)).toEqual([]);
    expect(rowOf('SCHEDULED', 'RECORD_ITEM_DECISION')?.to).toBe('SCHEDULED');
    expect(BOARD_MEETING_TRANSITIONS.filter((row) => row.freezesPack).map((row) => row.action)).toEqual(['HOLD']);
  });

  it('refuses an unknown action', () => {
    expect(codeOf(() => requireBoardMeetingTransition('SCHEDULED', { action: 'POSTPONE' as BoardMeetingAction }, ['BOARD_CHAIR']))).toBe('UNKNOWN_BOARD_MEETING_ACTION');
  });

  it('needs a reason to cancel and the minutes to hold; scheduling and decisions need neither', () => {
    for (const reason of [undefined, null, '', ' ']) {
      try {
        requireBoardMeetingTransition('SCHEDULED', { action: 'CANCEL', reason }, ['BOARD_CHAIR']);
        throw new Error('not refused');
      } catch (error) {
        expect((error as DomainError).code).toBe('REASON_REQUIRED');
        expect((error as DomainError).details).toEqual({ action: 'CANCEL', fields: { reason: 'Cancel the meeting needs a reason.' } });
      }
      expect(codeOf(() => requireBoardMeetingTransition('SCHEDULED', { action: 'HOLD', minutes: reason }, ['BOARD_CHAIR']))).toBe('MINUTES_REQUIRED');
    }
    expect(requireBoardMeetingTransition('SCHEDULED', { action: 'CANCEL', reason: 'Not quorate' }, ['BOARD_CHAIR']).to).toBe('CANCELLED');
    expect(requireBoardMeetingTransition('SCHEDULED', { action: 'HOLD', minutes: 'Minutes' }, ['BOARD_CHAIR']).to).toBe('HELD');
    expect(requireBoardMeetingTransition(null, { action: 'SCHEDULE' }, ['BOARD_MEMBER']).to).toBe('SCHEDULED');
    expect(requireBoardMeetingTransition('SCHEDULED', { action: 'RECORD_ITEM_DECISION' }, ['BOARD_CHAIR']).to).toBe('SCHEDULED');
  });

  it('gives members scheduling alone and the chair every move, as availableActions', () => {
    expect(availableBoardMeetingActions(null, ['BOARD_MEMBER'])).toEqual(['SCHEDULE']);
    expect(availableBoardMeetingActions('SCHEDULED', ['BOARD_MEMBER'])).toEqual([]);
    expect(availableBoardMeetingActions('SCHEDULED', ['BOARD_MEMBER', 'BOARD_CHAIR'])).toEqual(['RECORD_ITEM_DECISION', 'HOLD', 'CANCEL']);
    expect(availableBoardMeetingActions('HELD', ['BOARD_CHAIR'])).toEqual([]);
  });

  it('cites a source for every move, lists its changes of status, labels everything and recognises its states', () => {
    for (const row of BOARD_MEETING_TRANSITIONS) {
      expect(['SEED', 'PRODUCT']).toContain(row.source.basis);
      expect(row.source.text.trim()).not.toBe('');
    }
    expect(BOARD_MEETING_STATUS_CHANGES).toEqual([
      { from: 'SCHEDULED', to: 'HELD' },
      { from: 'SCHEDULED', to: 'CANCELLED' },
    ]);
    for (const state of BOARD_MEETING_STATES) expect(BOARD_MEETING_STATE_LABELS[state]).toMatch(/^[A-Z][a-z]/);
    for (const action of BOARD_MEETING_ACTIONS) expect(BOARD_MEETING_ACTION_LABELS[action]).toMatch(/^[A-Z][a-z]/);
    for (const decision of MEETING_DECISIONS) expect(MEETING_DECISION_LABELS[decision]).toMatch(/^[A-Z][a-z]/);
    expect(isBoardMeetingState('HELD')).toBe(true);
    expect(isBoardMeetingState('POSTPONED')).toBe(false);
  });
});

describe('meeting decisions', () => {
  it('maps each decision to the item action it takes', () => {
    expect(MEETING_DECISION_ITEM_ACTIONS).toEqual({ NOTE: 'RECORD_DECISION', ACTION: 'ADD_ACTION', ESCALATE: 'ESCALATE', DE_ESCALATE: 'DE_ESCALATE', CLOSE: 'CLOSE' });
    for (const decision of MEETING_DECISIONS) expect(ESCALATION_ITEM_ACTIONS).toContain(MEETING_DECISION_ITEM_ACTIONS[decision]);
  });

  it.each([
    ['NOTE', null, 'RECORD_DECISION'],
    ['ACTION', null, 'ADD_ACTION'],
    ['CLOSE', null, 'CLOSE'],
    ['ESCALATE', 'ESCALATION', 'ESCALATE'],
    ['DE_ESCALATE', 'DE_ESCALATION', 'DE_ESCALATE'],
    ['ESCALATE', 'OFF_ROUTE', 'MOVE_OFF_ROUTE'],
    ['DE_ESCALATE', 'OFF_ROUTE', 'MOVE_OFF_ROUTE'],
  ] as const)('%s with a move that reads %s takes %s', (decision, moveKind, action) => {
    expect(itemActionForMeetingDecision(decision, moveKind)).toBe(action);
  });

  it.each([
    ['ESCALATE', null, 'MOVE_TARGET_REQUIRED'],
    ['DE_ESCALATE', null, 'MOVE_TARGET_REQUIRED'],
    ['NOTE', 'ESCALATION', 'MOVE_TARGET_REQUIRED'],
    ['CLOSE', 'OFF_ROUTE', 'MOVE_TARGET_REQUIRED'],
    ['ESCALATE', 'DE_ESCALATION', 'DECISION_AGAINST_MOVE'],
    ['DE_ESCALATE', 'ESCALATION', 'DECISION_AGAINST_MOVE'],
    ['ADJOURN', null, 'UNKNOWN_MEETING_DECISION'],
  ] as const)('refuses %s with a move that reads %s: %s', (decision, moveKind, code) => {
    const error = (() => {
      try {
        itemActionForMeetingDecision(decision as MeetingDecision, moveKind);
        return undefined;
      } catch (caught) {
        return caught as DomainError;
      }
    })();
    expect(error?.code).toBe(code);
    if (code !== 'UNKNOWN_MEETING_DECISION') expect(Object.keys((error?.details?.fields ?? {}) as object)).toEqual(['toBoardId']);
  });

  it('recognises its decisions', () => {
    expect(isMeetingDecision('ESCALATE')).toBe(true);
    expect(isMeetingDecision('ADJOURN')).toBe(false);
  });
});
