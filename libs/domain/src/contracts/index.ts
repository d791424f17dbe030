// Provider contracts (issue 15, decision 0022): the contract management lifecycle of a contract performance notice
// (GC9 of the NHS Standard Contract) as a transition table, the GC9 terms as data, and recovery trajectories.
export type {
  ContractNoticeAction,
  ContractNoticeActorKind,
  ContractNoticeMove,
  ContractNoticeState,
  ContractNoticeTransition,
} from './contract-management-lifecycle';
export {
  CONTRACT_NOTICE_ACTIONS,
  CONTRACT_NOTICE_ACTION_LABELS,
  CONTRACT_NOTICE_ACTOR_KINDS,
  CONTRACT_NOTICE_STATES,
  CONTRACT_NOTICE_STATE_LABELS,
  CONTRACT_NOTICE_STATUS_CHANGES,
  CONTRACT_NOTICE_TRANSITIONS,
  GC9_DOCUMENT,
  TERMINAL_CONTRACT_NOTICE_STATES,
  applyContractNoticeAction,
  availableContractNoticeActions,
  contractNoticeActionsFrom,
  isContractNoticeState,
} from './contract-management-lifecycle';
export type { ContractManagementTerms } from './contract-terms';
export { addOperationalDays, responseMeetingDue } from './contract-terms';
export type { TrajectoryComparison, TrajectoryPoint, TrajectoryPolarity } from './recovery-trajectory';
export { compareTrajectory, compareWithTrajectory, proposedStepAfterMiss, validateTrajectory } from './recovery-trajectory';
