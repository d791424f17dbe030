import * as contracts from './index';

describe('contracts public surface', () => {
  it('exports the GC9 lifecycle, the GC9 terms arithmetic and the recovery trajectory', () => {
    expect(Object.keys(contracts).sort()).toEqual(
      [
        'CONTRACT_NOTICE_ACTIONS',
        'CONTRACT_NOTICE_ACTION_LABELS',
        'CONTRACT_NOTICE_ACTOR_KINDS',
        'CONTRACT_NOTICE_STATES',
        'CONTRACT_NOTICE_STATE_LABELS',
        'CONTRACT_NOTICE_STATUS_CHANGES',
        'CONTRACT_NOTICE_TRANSITIONS',
        'GC9_DOCUMENT',
        'TERMINAL_CONTRACT_NOTICE_STATES',
        'addOperationalDays',
        'applyContractNoticeAction',
        'availableContractNoticeActions',
        'compareTrajectory',
        'compareWithTrajectory',
        'contractNoticeActionsFrom',
        'isContractNoticeState',
        'proposedStepAfterMiss',
        'responseMeetingDue',
        'validateTrajectory',
      ].sort(),
    );
  });

  it('labels every state and action in words', () => {
    for (const state of contracts.CONTRACT_NOTICE_STATES) expect(contracts.CONTRACT_NOTICE_STATE_LABELS[state]).toMatch(/^[A-Z][a-z]/);
    for (const action of contracts.CONTRACT_NOTICE_ACTIONS) expect(contracts.CONTRACT_NOTICE_ACTION_LABELS[action]).toMatch(/^[A-Z][a-z]/);
  });
});
