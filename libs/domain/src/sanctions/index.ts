// Contract sanctions: the arithmetic of sanctions priced by schedule rows (the rows themselves are reference data
// in the database, decision 0023), the A&E four-hour excess, the GC9 withholding, and the sanctions ledger's
// transition table with the use of fine income.
export {
  calculateContractSanctions,
  calculateContractWithholding,
  calculateFourHourSanction,
  fourHourExcessBreaches,
  isSanctionCode,
  SANCTION_COUNT_UNITS,
  SANCTION_MEASURES,
  SANCTION_SCOPES,
  sanctionContractYears,
  sanctionRateFor,
  sanctionScheduleOf,
} from './contract-sanctions';
export type {
  ContractWithholding,
  FourHourExcess,
  FourHourMonth,
  FourHourSanction,
  SanctionCalculation,
  SanctionCalculationInput,
  SanctionCode,
  SanctionCount,
  SanctionCountUnit,
  SanctionLine,
  SanctionMeasure,
  SanctionScheduleEntry,
  SanctionScope,
} from './contract-sanctions';
export {
  applySanctionLedgerMove,
  availableSanctionLedgerActions,
  FINE_INCOME_GUIDANCE,
  FINE_INCOME_USE_LABELS,
  FINE_INCOME_USES,
  SANCTION_LEDGER_ACTIONS,
  SANCTION_LEDGER_ACTOR_KINDS,
  SANCTION_LEDGER_STATE_LABELS,
  SANCTION_LEDGER_STATES,
  SANCTION_LEDGER_STATUS_CHANGES,
  SANCTION_LEDGER_TRANSITIONS,
  sanctionLedgerActionsFrom,
  summariseFineIncome,
  TERMINAL_SANCTION_LEDGER_STATES,
} from './sanction-ledger';
export type {
  FineIncomeItem,
  FineIncomeSummary,
  FineIncomeUse,
  SanctionLedgerAction,
  SanctionLedgerActorKind,
  SanctionLedgerMove,
  SanctionLedgerState,
  SanctionLedgerTransition,
} from './sanction-ledger';
