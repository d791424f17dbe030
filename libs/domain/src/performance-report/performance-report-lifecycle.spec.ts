import { DomainError } from '../errors';
import {
  FROZEN_PERFORMANCE_REPORT_STATES,
  PERFORMANCE_REPORT_ACTIONS,
  PERFORMANCE_REPORT_ACTION_LABELS,
  PERFORMANCE_REPORT_ACTOR_KINDS,
  PERFORMANCE_REPORT_STATES,
  PERFORMANCE_REPORT_STATE_LABELS,
  PERFORMANCE_REPORT_STATUS_CHANGES,
  PERFORMANCE_REPORT_TRANSITIONS,
  TERMINAL_PERFORMANCE_REPORT_STATES,
  availablePerformanceReportActions,
  isFrozenPerformanceReportState,
  isPerformanceReportAction,
  isPerformanceReportState,
  performanceReportActionsFrom,
  requirePerformanceReportTransition,
  type PerformanceReportAction,
  type PerformanceReportActorKind,
  type PerformanceReportMove,
  type PerformanceReportState,
} from './performance-report-lifecycle';

const FROM_STATES: (PerformanceReportState | null)[] = [null, ...PERFORMANCE_REPORT_STATES];
const TODAY = '2018-05-24';
const CONTEXT = { today: TODAY };
const rowOf = (from: PerformanceReportState | null, action: PerformanceReportAction) => PERFORMANCE_REPORT_TRANSITIONS.find((row) => row.from === from && row.action === action);
/** Everything any move may need: a reason, a meeting and a date signed. */
const complete = (action: PerformanceReportAction): PerformanceReportMove => ({
  action,
  reason: 'A&E four-hour figures for March were resubmitted by the trust',
  meeting: 'Governing Body, 23 May 2018',
  signedOn: '2018-05-23',
});

function refusal(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
const codeOf = (run: () => unknown) => refusal(run)?.code;

/** Who may take each action, as the design of issue 17 states it (written apart from the table, so the table is checked). */
const EXPECTED_ACTORS: Record<PerformanceReportAction, PerformanceReportActorKind[]> = {
  PREPARE: ['ANALYST'],
  EDIT: ['ANALYST'],
  SUBMIT_TO_CCG: ['ANALYST'],
  RETURN_TO_ANALYST: ['CCG_BOARD_MEMBER'],
  SIGN_FOR_CCG: ['CCG_BOARD_MEMBER'],
  SIGN_FOR_HIGHER_BOARD: ['HIGHER_BOARD_MEMBER'],
  RETURN_BY_HIGHER_BOARD: ['HIGHER_BOARD_MEMBER'],
  CORRECT: ['ANALYST'],
  SUPERSEDE: ['SYSTEM'],
};

/** Every move of the design, from → action → to (written apart from the table). */
const EXPECTED_MOVES: [PerformanceReportState | null, PerformanceReportAction, PerformanceReportState][] = [
  [null, 'PREPARE', 'DRAFT'],
  ['DRAFT', 'EDIT', 'DRAFT'],
  ['DRAFT', 'SUBMIT_TO_CCG', 'READY_FOR_CCG'],
  ['READY_FOR_CCG', 'RETURN_TO_ANALYST', 'DRAFT'],
  ['READY_FOR_CCG', 'SIGN_FOR_CCG', 'SIGNED_BY_CCG'],
  ['SIGNED_BY_CCG', 'SIGN_FOR_HIGHER_BOARD', 'PUBLISHED'],
  ['SIGNED_BY_CCG', 'RETURN_BY_HIGHER_BOARD', 'RETURNED_BY_HIGHER_BOARD'],
  ['SIGNED_BY_CCG', 'CORRECT', 'SUPERSEDED'],
  ['PUBLISHED', 'CORRECT', 'PUBLISHED'],
  ['RETURNED_BY_HIGHER_BOARD', 'CORRECT', 'SUPERSEDED'],
  ['PUBLISHED', 'SUPERSEDE', 'SUPERSEDED'],
];

describe('the performance report lifecycle', () => {
  describe('every (state, action) pair, by every actor kind', () => {
    for (const from of FROM_STATES) {
      for (const action of PERFORMANCE_REPORT_ACTIONS) {
        const row = rowOf(from, action);
        if (row) {
          const allowed = EXPECTED_ACTORS[action];
          const refused = PERFORMANCE_REPORT_ACTOR_KINDS.filter((kind) => !allowed.includes(kind));
          it(`${from ?? 'no report'} --${action}--> ${row.to}: ${allowed.join(', ')} may; ${refused.join(', ')} may not`, () => {
            for (const kind of allowed) expect(requirePerformanceReportTransition(from, complete(action), [kind], CONTEXT).to).toBe(row.to);
            for (const kind of refused) expect(codeOf(() => requirePerformanceReportTransition(from, complete(action), [kind], CONTEXT))).toBe('ACTION_NOT_PERMITTED');
            expect(codeOf(() => requirePerformanceReportTransition(from, complete(action), [], CONTEXT))).toBe('ACTION_NOT_PERMITTED');
          });
        } else {
          it(`${from ?? 'no report'} --${action}--> refused as INVALID_TRANSITION, whoever asks`, () => {
            for (const kind of PERFORMANCE_REPORT_ACTOR_KINDS) {
              expect(codeOf(() => requirePerformanceReportTransition(from, complete(action), [kind], CONTEXT))).toBe('INVALID_TRANSITION');
            }
            expect(codeOf(() => requirePerformanceReportTransition(from, complete(action), [...PERFORMANCE_REPORT_ACTOR_KINDS], CONTEXT))).toBe('INVALID_TRANSITION');
          });
        }
      }
    }
  });

  it('has exactly the moves of the design, and no other', () => {
    expect(PERFORMANCE_REPORT_TRANSITIONS.map((row) => [row.from, row.action, row.to])).toEqual(EXPECTED_MOVES);
  });

  it('never lets the higher board act before the CCG has signed: its moves start only from SIGNED_BY_CCG', () => {
    for (const from of FROM_STATES) {
      const higher = availablePerformanceReportActions(from, ['HIGHER_BOARD_MEMBER']);
      expect(higher).toEqual(from === 'SIGNED_BY_CCG' ? ['SIGN_FOR_HIGHER_BOARD', 'RETURN_BY_HIGHER_BOARD'] : []);
    }
    for (const from of [null, 'DRAFT', 'READY_FOR_CCG'] as const) {
      const error = refusal(() => requirePerformanceReportTransition(from, complete('SIGN_FOR_HIGHER_BOARD'), ['HIGHER_BOARD_MEMBER'], CONTEXT));
      expect(error?.code).toBe('INVALID_TRANSITION');
      expect(error?.details).toEqual({ from, action: 'SIGN_FOR_HIGHER_BOARD', allowed: performanceReportActionsFrom(from) });
    }
  });

  it('does not let a CCG board member sign for the higher board, nor a higher-board member for the CCG, even holding both kinds one at a time', () => {
    expect(codeOf(() => requirePerformanceReportTransition('SIGNED_BY_CCG', complete('SIGN_FOR_HIGHER_BOARD'), ['CCG_BOARD_MEMBER'], CONTEXT))).toBe('ACTION_NOT_PERMITTED');
    expect(codeOf(() => requirePerformanceReportTransition('READY_FOR_CCG', complete('SIGN_FOR_CCG'), ['HIGHER_BOARD_MEMBER'], CONTEXT))).toBe('ACTION_NOT_PERMITTED');
    expect(requirePerformanceReportTransition('SIGNED_BY_CCG', complete('SIGN_FOR_HIGHER_BOARD'), ['CCG_BOARD_MEMBER', 'HIGHER_BOARD_MEMBER'], CONTEXT).to).toBe('PUBLISHED');
  });

  it('walks a report through both signatures, the way seed 000 closes the governance loop', () => {
    const walk: [PerformanceReportAction, PerformanceReportActorKind, PerformanceReportState][] = [
      ['PREPARE', 'ANALYST', 'DRAFT'],
      ['EDIT', 'ANALYST', 'DRAFT'],
      ['SUBMIT_TO_CCG', 'ANALYST', 'READY_FOR_CCG'],
      ['RETURN_TO_ANALYST', 'CCG_BOARD_MEMBER', 'DRAFT'],
      ['EDIT', 'ANALYST', 'DRAFT'],
      ['SUBMIT_TO_CCG', 'ANALYST', 'READY_FOR_CCG'],
      ['SIGN_FOR_CCG', 'CCG_BOARD_MEMBER', 'SIGNED_BY_CCG'],
      ['SIGN_FOR_HIGHER_BOARD', 'HIGHER_BOARD_MEMBER', 'PUBLISHED'],
      ['SUPERSEDE', 'SYSTEM', 'SUPERSEDED'],
    ];
    let state: PerformanceReportState | null = null;
    for (const [action, actor, expected] of walk) {
      state = requirePerformanceReportTransition(state, complete(action), [actor], CONTEXT).to;
      expect(state).toBe(expected);
    }
    expect(performanceReportActionsFrom('SUPERSEDED')).toEqual([]);
  });

  it('ends a return by the higher board only with a correction: the returned version is frozen and cannot go back to draft', () => {
    expect(performanceReportActionsFrom('RETURNED_BY_HIGHER_BOARD')).toEqual(['CORRECT']);
    expect(codeOf(() => requirePerformanceReportTransition('RETURNED_BY_HIGHER_BOARD', complete('EDIT'), ['ANALYST'], CONTEXT))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => requirePerformanceReportTransition('RETURNED_BY_HIGHER_BOARD', complete('SUBMIT_TO_CCG'), ['ANALYST'], CONTEXT))).toBe('INVALID_TRANSITION');
  });

  it('starts a new version on every correction; the corrected one is superseded at once unless it is the published one', () => {
    const corrections = PERFORMANCE_REPORT_TRANSITIONS.filter((row) => row.action === 'CORRECT');
    expect(corrections.every((row) => row.startsNewVersion && row.reasonRequired)).toBe(true);
    expect(Object.fromEntries(corrections.map((row) => [row.from, row.to]))).toEqual({
      SIGNED_BY_CCG: 'SUPERSEDED',
      PUBLISHED: 'PUBLISHED',
      RETURNED_BY_HIGHER_BOARD: 'SUPERSEDED',
    });
    expect(PERFORMANCE_REPORT_TRANSITIONS.filter((row) => row.startsNewVersion).map((row) => row.action)).toEqual(['CORRECT', 'CORRECT', 'CORRECT']);
    expect(codeOf(() => requirePerformanceReportTransition('DRAFT', complete('CORRECT'), ['ANALYST'], CONTEXT))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => requirePerformanceReportTransition('SUPERSEDED', complete('CORRECT'), ['ANALYST'], CONTEXT))).toBe('INVALID_TRANSITION');
  });

  it('freezes the report when the CCG signs, and at no other move', () => {
    expect(PERFORMANCE_REPORT_TRANSITIONS.filter((row) => row.freezes).map((row) => row.action)).toEqual(['SIGN_FOR_CCG']);
    expect(FROZEN_PERFORMANCE_REPORT_STATES).toEqual(['SIGNED_BY_CCG', 'PUBLISHED', 'RETURNED_BY_HIGHER_BOARD', 'SUPERSEDED']);
    for (const state of PERFORMANCE_REPORT_STATES) expect(isFrozenPerformanceReportState(state)).toBe(!['DRAFT', 'READY_FOR_CCG'].includes(state));
    // Every move into a frozen state comes from a frozen state, or is the freezing signature itself.
    for (const row of PERFORMANCE_REPORT_TRANSITIONS) {
      if (isFrozenPerformanceReportState(row.to)) expect(row.freezes || (row.from !== null && isFrozenPerformanceReportState(row.from))).toBe(true);
    }
  });

  describe('reasons', () => {
    it('needs a reason to return (either board) and to correct; not for other moves', () => {
      expect(PERFORMANCE_REPORT_TRANSITIONS.filter((row) => row.reasonRequired).map((row) => row.action)).toEqual([
        'RETURN_TO_ANALYST',
        'RETURN_BY_HIGHER_BOARD',
        'CORRECT',
        'CORRECT',
        'CORRECT',
      ]);
      for (const row of PERFORMANCE_REPORT_TRANSITIONS.filter((r) => r.reasonRequired)) {
        for (const reason of [undefined, null, '', '   ']) {
          const error = refusal(() => requirePerformanceReportTransition(row.from, { ...complete(row.action), reason }, [...row.actors], CONTEXT));
          expect(error?.code).toBe('REASON_REQUIRED');
          expect(error?.details).toEqual({ action: row.action, fields: { reason: `${PERFORMANCE_REPORT_ACTION_LABELS[row.action]} needs a reason.` } });
        }
      }
    });

    it('takes the moves without a reason, a meeting or a date where none is needed', () => {
      for (const row of PERFORMANCE_REPORT_TRANSITIONS.filter((r) => !r.reasonRequired && !r.signature)) {
        expect(requirePerformanceReportTransition(row.from, { action: row.action }, [...row.actors], CONTEXT).to).toBe(row.to);
      }
    });
  });

  describe('signatures', () => {
    const SIGNATURES = [
      ['READY_FOR_CCG', 'SIGN_FOR_CCG', 'CCG_BOARD_MEMBER', 'the CCG'],
      ['SIGNED_BY_CCG', 'SIGN_FOR_HIGHER_BOARD', 'HIGHER_BOARD_MEMBER', 'the higher board'],
    ] as const;

    it('are the two sign-off moves, the CCG’s then the higher board’s', () => {
      expect(PERFORMANCE_REPORT_TRANSITIONS.filter((row) => row.signature).map((row) => [row.action, row.signature])).toEqual([
        ['SIGN_FOR_CCG', 'CCG'],
        ['SIGN_FOR_HIGHER_BOARD', 'HIGHER_BOARD'],
      ]);
    });

    describe.each(SIGNATURES)('from %s, %s', (from, action, actor, who) => {
      const sign = (move: Partial<PerformanceReportMove>, context: Parameters<typeof requirePerformanceReportTransition>[3] = CONTEXT) =>
        requirePerformanceReportTransition(from, { action, meeting: 'Governing Body', signedOn: '2018-05-23', ...move }, [actor], context);

      it('needs the meeting, named', () => {
        for (const meeting of [undefined, null, '', '  ']) {
          const error = refusal(() => sign({ meeting }));
          expect(error?.code).toBe('MEETING_REQUIRED');
          expect(error?.details).toEqual({ action, fields: { meeting: `Enter the meeting at which ${who} signed off the report.` } });
        }
      });

      it('needs the date signed, a real date', () => {
        for (const signedOn of [undefined, null, '']) {
          const error = refusal(() => sign({ signedOn }));
          expect(error?.code).toBe('SIGNED_ON_REQUIRED');
          expect(error?.details).toEqual({ action, fields: { signedOn: `Enter the date ${who} signed off the report.` } });
        }
        for (const signedOn of ['2018-02-30', '23/05/2018', '2018-5-23']) {
          expect(refusal(() => sign({ signedOn }))?.details).toEqual({ action, fields: { signedOn: 'The date signed must be a real date.' } });
          expect(codeOf(() => sign({ signedOn }))).toBe('INVALID_DATE');
        }
      });

      it('takes a date of today or earlier, never tomorrow', () => {
        expect(sign({ signedOn: TODAY }).action).toBe(action);
        expect(sign({ signedOn: '2017-01-01' }).action).toBe(action);
        const error = refusal(() => sign({ signedOn: '2018-05-25' }));
        expect(error?.code).toBe('SIGNED_ON_IN_FUTURE');
        expect(error?.details).toEqual({ action, fields: { signedOn: 'The date signed must be today or in the past.' } });
      });

      it('given the report’s month, refuses a date before the month has ended', () => {
        const march = { today: TODAY, month: '2018-03-01' };
        expect(sign({ signedOn: '2018-04-01' }, march).action).toBe(action);
        expect(sign({ signedOn: '2018-04-01' }, { today: TODAY, month: '2018-03-17' }).action).toBe(action);
        for (const signedOn of ['2018-03-31', '2018-03-01', '2018-02-28']) {
          const error = refusal(() => sign({ signedOn }, march));
          expect(error?.code).toBe('SIGNED_ON_BEFORE_MONTH_END');
          expect(error?.details).toEqual({ action, fields: { signedOn: 'The date signed must be after the end of the report’s month.' } });
        }
      });
    });

    it('refuses a higher-board date before the date the CCG signed; the same day is fine', () => {
      const higher = (signedOn: string) =>
        requirePerformanceReportTransition('SIGNED_BY_CCG', { action: 'SIGN_FOR_HIGHER_BOARD', meeting: 'NHS England Yorkshire and the Humber', signedOn }, ['HIGHER_BOARD_MEMBER'], {
          today: TODAY,
          ccgSignedOn: '2018-05-02',
        });
      expect(higher('2018-05-02').to).toBe('PUBLISHED');
      expect(higher('2018-05-20').to).toBe('PUBLISHED');
      const error = refusal(() => higher('2018-05-01'));
      expect(error?.code).toBe('SIGNED_ON_BEFORE_CCG');
      expect(error?.details).toEqual({ action: 'SIGN_FOR_HIGHER_BOARD', fields: { signedOn: 'The higher board cannot sign off before the date the CCG signed.' } });
    });

    it('does not hold the CCG’s own signature to a CCG date', () => {
      const ccg = requirePerformanceReportTransition('READY_FOR_CCG', { action: 'SIGN_FOR_CCG', meeting: 'Governing Body', signedOn: '2018-04-10' }, ['CCG_BOARD_MEMBER'], {
        today: TODAY,
        ccgSignedOn: '2018-05-01',
      });
      expect(ccg.to).toBe('SIGNED_BY_CCG');
    });

    it('checks who may act before what the move brings: a stranger learns nothing about the missing meeting', () => {
      expect(codeOf(() => requirePerformanceReportTransition('READY_FOR_CCG', { action: 'SIGN_FOR_CCG' }, ['ANALYST'], CONTEXT))).toBe('ACTION_NOT_PERMITTED');
    });
  });

  it('refuses an unknown action, naming the allowed ones', () => {
    const error = refusal(() => requirePerformanceReportTransition('DRAFT', { action: 'DELETE' as PerformanceReportAction }, ['ANALYST'], CONTEXT));
    expect(error?.code).toBe('UNKNOWN_PERFORMANCE_REPORT_ACTION');
    expect(error?.details).toEqual({ action: 'DELETE', allowed: [...PERFORMANCE_REPORT_ACTIONS] });
  });

  it('gives each viewer the moves their kinds allow, as availableActions', () => {
    expect(availablePerformanceReportActions(null, ['ANALYST'])).toEqual(['PREPARE']);
    expect(availablePerformanceReportActions('DRAFT', ['ANALYST'])).toEqual(['EDIT', 'SUBMIT_TO_CCG']);
    expect(availablePerformanceReportActions('DRAFT', ['CCG_BOARD_MEMBER', 'HIGHER_BOARD_MEMBER'])).toEqual([]);
    expect(availablePerformanceReportActions('READY_FOR_CCG', ['CCG_BOARD_MEMBER'])).toEqual(['RETURN_TO_ANALYST', 'SIGN_FOR_CCG']);
    expect(availablePerformanceReportActions('READY_FOR_CCG', ['ANALYST'])).toEqual([]);
    expect(availablePerformanceReportActions('SIGNED_BY_CCG', ['ANALYST'])).toEqual(['CORRECT']);
    expect(availablePerformanceReportActions('PUBLISHED', ['ANALYST', 'CCG_BOARD_MEMBER', 'HIGHER_BOARD_MEMBER'])).toEqual(['CORRECT']);
    expect(availablePerformanceReportActions('PUBLISHED', ['SYSTEM'])).toEqual(['SUPERSEDE']);
    for (const state of FROM_STATES) expect(availablePerformanceReportActions(state, [])).toEqual([]);
    expect(availablePerformanceReportActions('SUPERSEDED', [...PERFORMANCE_REPORT_ACTOR_KINDS])).toEqual([]);
  });

  it('leaves SUPERSEDED final and every other state with a way on', () => {
    expect(TERMINAL_PERFORMANCE_REPORT_STATES).toEqual(['SUPERSEDED']);
    for (const state of PERFORMANCE_REPORT_STATES) expect(performanceReportActionsFrom(state).length === 0).toBe(TERMINAL_PERFORMANCE_REPORT_STATES.includes(state));
  });

  it('cites seed 000 for preparing, sending to the CCG and both signatures; the product for the rest', () => {
    const seeded = PERFORMANCE_REPORT_TRANSITIONS.filter((row) => row.source.basis === 'SEED').map((row) => row.action);
    expect(seeded).toEqual(['PREPARE', 'EDIT', 'SUBMIT_TO_CCG', 'SIGN_FOR_CCG', 'SIGN_FOR_HIGHER_BOARD', 'RETURN_BY_HIGHER_BOARD']);
    for (const row of PERFORMANCE_REPORT_TRANSITIONS) {
      expect(['SEED', 'PRODUCT']).toContain(row.source.basis);
      expect(row.source.text.trim()).not.toBe('');
      if (row.source.basis === 'SEED') expect(row.source.document).toMatch(/^seeds\/000_8f1b8476286a8a6f\.txt: /);
      else expect(row.source.document).toMatch(/issue 17/);
    }
  });

  it('lists the changes of status, labels every state and action in words, and recognises its states and actions', () => {
    expect(PERFORMANCE_REPORT_STATUS_CHANGES).toEqual([
      { from: 'DRAFT', to: 'READY_FOR_CCG' },
      { from: 'READY_FOR_CCG', to: 'DRAFT' },
      { from: 'READY_FOR_CCG', to: 'SIGNED_BY_CCG' },
      { from: 'SIGNED_BY_CCG', to: 'PUBLISHED' },
      { from: 'SIGNED_BY_CCG', to: 'RETURNED_BY_HIGHER_BOARD' },
      { from: 'SIGNED_BY_CCG', to: 'SUPERSEDED' },
      { from: 'RETURNED_BY_HIGHER_BOARD', to: 'SUPERSEDED' },
      { from: 'PUBLISHED', to: 'SUPERSEDED' },
    ]);
    for (const state of PERFORMANCE_REPORT_STATES) expect(PERFORMANCE_REPORT_STATE_LABELS[state]).toMatch(/^[A-Z][a-z]/);
    for (const action of PERFORMANCE_REPORT_ACTIONS) expect(PERFORMANCE_REPORT_ACTION_LABELS[action]).toMatch(/^[A-Z][a-z]/);
    expect(new Set(Object.values(PERFORMANCE_REPORT_STATE_LABELS)).size).toBe(PERFORMANCE_REPORT_STATES.length);
    expect(isPerformanceReportState('PUBLISHED')).toBe(true);
    expect(isPerformanceReportState('SIGNED')).toBe(false);
    expect(isPerformanceReportAction('SIGN_FOR_CCG')).toBe(true);
    expect(isPerformanceReportAction('SIGN')).toBe(false);
  });
});
