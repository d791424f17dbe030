import { DomainError } from '../errors';
import {
  CONTRACT_NOTICE_ACTIONS,
  CONTRACT_NOTICE_ACTOR_KINDS,
  CONTRACT_NOTICE_STATES,
  CONTRACT_NOTICE_STATUS_CHANGES,
  CONTRACT_NOTICE_TRANSITIONS,
  TERMINAL_CONTRACT_NOTICE_STATES,
  applyContractNoticeAction,
  availableContractNoticeActions,
  contractNoticeActionsFrom,
  isContractNoticeState,
  type ContractNoticeAction,
  type ContractNoticeState,
} from './contract-management-lifecycle';

const FROM_STATES: (ContractNoticeState | null)[] = [null, ...CONTRACT_NOTICE_STATES];
const rowOf = (from: ContractNoticeState | null, action: ContractNoticeAction) => CONTRACT_NOTICE_TRANSITIONS.find((row) => row.from === from && row.action === action);
const fullMove = (action: ContractNoticeAction) => ({ action, note: 'A reason', meetingOn: '2017-05-10' });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
}

describe('the contract management lifecycle (GC9)', () => {
  describe('every (state, action) pair, by every actor kind', () => {
    for (const from of FROM_STATES) {
      for (const action of CONTRACT_NOTICE_ACTIONS) {
        const row = rowOf(from, action);
        if (row) {
          it(`${from ?? 'no notice'} --${action}--> ${row.to}: the lead commissioner may; an associate and the system may not`, () => {
            expect(applyContractNoticeAction(from, fullMove(action), ['LEAD_COMMISSIONER']).to).toBe(row.to);
            expect(codeOf(() => applyContractNoticeAction(from, fullMove(action), ['ASSOCIATE']))).toBe('ACTION_NOT_PERMITTED');
            expect(codeOf(() => applyContractNoticeAction(from, fullMove(action), ['SYSTEM']))).toBe('ACTION_NOT_PERMITTED');
            expect(codeOf(() => applyContractNoticeAction(from, fullMove(action), []))).toBe('ACTION_NOT_PERMITTED');
          });
        } else {
          it(`${from ?? 'no notice'} --${action}--> refused as INVALID_TRANSITION, whoever asks`, () => {
            for (const kind of CONTRACT_NOTICE_ACTOR_KINDS) {
              expect(codeOf(() => applyContractNoticeAction(from, fullMove(action), [kind]))).toBe('INVALID_TRANSITION');
            }
          });
        }
      }
    }
  });

  it('refuses an unknown action', () => {
    expect(codeOf(() => applyContractNoticeAction('ISSUED', { action: 'FINE' as ContractNoticeAction }, ['LEAD_COMMISSIONER']))).toBe('UNKNOWN_CONTRACT_NOTICE_ACTION');
  });

  it('names the moves allowed from a state in INVALID_TRANSITION', () => {
    try {
      applyContractNoticeAction('ISSUED', { action: 'CLOSE', note: 'x' }, ['LEAD_COMMISSIONER']);
      throw new Error('not refused');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ from: 'ISSUED', action: 'CLOSE', allowed: ['WITHDRAW', 'HOLD_MEETING'] });
    }
  });

  it('needs a reason where the row says so, and the meeting date to record the meeting', () => {
    const needingReason = CONTRACT_NOTICE_TRANSITIONS.filter((row) => row.reasonRequired);
    expect(needingReason.map((row) => `${row.from}:${row.action}`)).toEqual(
      expect.arrayContaining(['DRAFT:DISCARD', 'ISSUED:WITHDRAW', 'MONITORING:REPORT_RAP_BREACH', 'RAP_BREACHED:APPLY_WITHHOLDING', 'WITHHOLDING_APPLIED:REPORT_EXCEPTION', 'ESCALATED:CLOSE']),
    );
    for (const row of needingReason) {
      expect(codeOf(() => applyContractNoticeAction(row.from, { action: row.action, note: '  ', meetingOn: '2017-05-10' }, ['LEAD_COMMISSIONER']))).toBe('REASON_REQUIRED');
      expect(codeOf(() => applyContractNoticeAction(row.from, { action: row.action, meetingOn: '2017-05-10' }, ['LEAD_COMMISSIONER']))).toBe('REASON_REQUIRED');
    }
    for (const row of CONTRACT_NOTICE_TRANSITIONS.filter((r) => !r.reasonRequired && !r.meetingDateRequired)) {
      expect(applyContractNoticeAction(row.from, { action: row.action }, ['LEAD_COMMISSIONER']).to).toBe(row.to);
    }
    expect(codeOf(() => applyContractNoticeAction('ISSUED', { action: 'HOLD_MEETING' }, ['LEAD_COMMISSIONER']))).toBe('MEETING_DATE_REQUIRED');
    expect(applyContractNoticeAction('ISSUED', { action: 'HOLD_MEETING', meetingOn: '2017-05-10' }, ['LEAD_COMMISSIONER']).to).toBe('MEETING_HELD');
  });

  it('has no move out of a final state, and every other state is reachable from a proposal and can reach a final state', () => {
    for (const state of TERMINAL_CONTRACT_NOTICE_STATES) expect(contractNoticeActionsFrom(state)).toEqual([]);
    const reachable = new Set<ContractNoticeState>();
    const queue: (ContractNoticeState | null)[] = [null];
    while (queue.length) {
      const from = queue.shift() as ContractNoticeState | null;
      for (const row of CONTRACT_NOTICE_TRANSITIONS.filter((r) => r.from === from)) {
        if (!reachable.has(row.to)) {
          reachable.add(row.to);
          queue.push(row.to);
        }
      }
    }
    expect([...reachable].sort()).toEqual([...CONTRACT_NOTICE_STATES].sort());
    for (const state of CONTRACT_NOTICE_STATES.filter((s) => !TERMINAL_CONTRACT_NOTICE_STATES.includes(s))) {
      expect(contractNoticeActionsFrom(state).length).toBeGreaterThan(0);
    }
  });

  it('walks GC9 end to end: notice, meeting, plan, monitoring, breach, withholding, exception, escalation, close', () => {
    const walk: [ContractNoticeAction, ContractNoticeState][] = [
      ['PROPOSE', 'DRAFT'],
      ['ISSUE', 'ISSUED'],
      ['HOLD_MEETING', 'MEETING_HELD'],
      ['START_INVESTIGATION', 'UNDER_INVESTIGATION'],
      ['AGREE_RAP', 'RAP_AGREED'],
      ['START_MONITORING', 'MONITORING'],
      ['REPORT_RAP_BREACH', 'RAP_BREACHED'],
      ['APPLY_WITHHOLDING', 'WITHHOLDING_APPLIED'],
      ['REPORT_EXCEPTION', 'EXCEPTION_REPORTED'],
      ['ESCALATE', 'ESCALATED'],
      ['CLOSE', 'CLOSED'],
    ];
    let state: ContractNoticeState | null = null;
    for (const [action, expected] of walk) {
      state = applyContractNoticeAction(state, fullMove(action), ['LEAD_COMMISSIONER']).to;
      expect(state).toBe(expected);
    }
  });

  it('cites a source for every move: a GC9 clause (REF), the seed, or the product', () => {
    for (const row of CONTRACT_NOTICE_TRANSITIONS) {
      expect(['REF', 'SEED', 'PRODUCT']).toContain(row.source.basis);
      if (row.source.basis === 'REF') expect(row.source.text).toMatch(/^GC9\.\d+/);
      expect(row.source.text.trim()).not.toBe('');
    }
    expect(CONTRACT_NOTICE_TRANSITIONS.filter((row) => row.source.basis === 'REF').length).toBeGreaterThan(15);
  });

  it('gives the lead commissioner the table’s moves as availableActions and everyone else none', () => {
    for (const state of CONTRACT_NOTICE_STATES) {
      expect(availableContractNoticeActions(state, ['LEAD_COMMISSIONER'])).toEqual(contractNoticeActionsFrom(state));
      expect(availableContractNoticeActions(state, ['ASSOCIATE'])).toEqual([]);
      expect(availableContractNoticeActions(state, ['SYSTEM'])).toEqual([]);
      expect(availableContractNoticeActions(state, ['ASSOCIATE', 'LEAD_COMMISSIONER'])).toEqual(contractNoticeActionsFrom(state));
    }
    expect(availableContractNoticeActions(null, ['LEAD_COMMISSIONER'])).toEqual(['PROPOSE']);
  });

  it('lists the changes of status the table makes, with no move to the same state', () => {
    expect(CONTRACT_NOTICE_STATUS_CHANGES.length).toBe(CONTRACT_NOTICE_TRANSITIONS.filter((row) => row.from !== null).length);
    expect(CONTRACT_NOTICE_STATUS_CHANGES.every((change) => change.from !== change.to)).toBe(true);
  });

  it('recognises its states', () => {
    expect(isContractNoticeState('ISSUED')).toBe(true);
    expect(isContractNoticeState('FINED')).toBe(false);
  });
});
