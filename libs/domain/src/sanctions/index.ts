// Contract sanctions: national sanction values by contract year, as data, and their money.
export {
  calculateContractSanctions,
  findSanctionSchedule,
  listSanctionContractYears,
  SANCTION_CODES,
  SANCTION_SCHEDULES,
} from './contract-sanctions';
export type {
  ContractSanction,
  SanctionCalculation,
  SanctionCalculationInput,
  SanctionCode,
  SanctionCount,
  SanctionCountUnit,
  SanctionLine,
  SanctionSchedule,
} from './contract-sanctions';
