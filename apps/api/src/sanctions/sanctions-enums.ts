import {
  FINE_INCOME_USE_LABELS,
  FINE_INCOME_USES,
  SANCTION_COUNT_UNITS,
  SANCTION_LEDGER_ACTIONS,
  SANCTION_LEDGER_STATES,
  SANCTION_LEDGER_TRANSITIONS,
  SANCTION_MEASURES,
  SANCTION_SCOPES,
  type FineIncomeUse,
  type SanctionCountUnit,
  type SanctionLedgerAction,
  type SanctionLedgerState,
  type SanctionMeasure,
  type SanctionScope,
} from '@ccg-assure/domain';
import { registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';

// The GraphQL enums of sanctions and fine income, built from the domain's own lists.

export const SanctionScopeEnum = enumOf(SANCTION_SCOPES);
registerEnumType(SanctionScopeEnum, {
  name: 'SanctionScope',
  description: 'Whether a sanction is national (the NHS Standard Contract of the year) or local (agreed in one contract).',
  valuesConfig: describedValues<SanctionScope>({
    NATIONAL: 'A national sanction of the NHS Standard Contract of the year, with its published source.',
    LOCAL: 'A local sanction agreed in the contract.',
  }),
});

export const SanctionCountUnitEnum = enumOf(SANCTION_COUNT_UNITS);
registerEnumType(SanctionCountUnitEnum, {
  name: 'SanctionCountUnit',
  description: 'What one counted unit of a sanction is.',
  valuesConfig: describedValues<SanctionCountUnit>({
    BREACH: 'Each breach: a patient or an incident.',
    PATIENT_DAY: 'Each day of each patient affected by a breach.',
    BREACH_BEYOND_TOLERANCE: 'Each breach beyond what the standard tolerates (for the A&E four-hour standard, breaches beyond 100% minus the threshold of attendances, rounded down to whole patients).',
  }),
});

export const SanctionMeasureEnum = enumOf(SANCTION_MEASURES);
registerEnumType(SanctionMeasureEnum, {
  name: 'SanctionMeasure',
  description: 'The data a sanction is counted from, where the data allows (calculateContractSanctions).',
  valuesConfig: describedValues<SanctionMeasure>({
    AE_FOUR_HOUR_WAIT: 'The provider’s A&E attendances over four hours in the month (all department types), beyond the standard’s tolerance.',
  }),
});

export const SanctionLedgerStatusEnum = enumOf(SANCTION_LEDGER_STATES);
registerEnumType(SanctionLedgerStatusEnum, {
  name: 'SanctionLedgerStatus',
  description: 'Where a sum of a contract’s sanctions ledger stands. APPLIED, WAIVED and RETURNED are final.',
  valuesConfig: describedValues<SanctionLedgerState>({
    CALCULATED: 'Calculated from the data or a count; not yet applied or waived.',
    APPLIED: 'Charged to the provider (or a withholding retained): income, whose use is recorded.',
    WAIVED: 'Not charged, with the reason.',
    WITHHELD: 'Withheld from the monthly payment under GC9 of the contract; to be returned or retained.',
    RETURNED: 'A withheld sum paid back to the provider (the plan was agreed or the failure remedied).',
  }),
});

const moves = (action: SanctionLedgerAction) =>
  SANCTION_LEDGER_TRANSITIONS.filter((row) => row.action === action)
    .map((row) => `${row.from ?? 'new'} -> ${row.to}`)
    .join(', ');
export const SanctionLedgerActionEnum = enumOf(SANCTION_LEDGER_ACTIONS);
registerEnumType(SanctionLedgerActionEnum, {
  name: 'SanctionLedgerAction',
  description:
    'A move of a sanctions ledger entry (the domain’s SANCTION_LEDGER_TRANSITIONS). Only a commissioning manager or finance officer of the lead commissioner moves entries; any move not allowed from the entry’s status is refused with INVALID_TRANSITION.',
  valuesConfig: describedValues<SanctionLedgerAction>({
    CALCULATE: `Record a calculated sanction (${moves('CALCULATE')}): calculateContractSanctions or recordSanction.`,
    APPLY: `Charge the sanction (${moves('APPLY')}).`,
    WAIVE: `Waive it, with the reason (${moves('WAIVE')}).`,
    WITHHOLD: `Withhold the GC9 share of the monthly contract value (${moves('WITHHOLD')}): recordContractWithholding.`,
    RETURN: `Return a withheld sum to the provider (${moves('RETURN')}).`,
    RETAIN: `Retain a withheld sum, which becomes income (${moves('RETAIN')}).`,
    RECORD_INCOME_USE: `Record how an applied sum’s income is used (${moves('RECORD_INCOME_USE')}): recordFineIncomeUse.`,
  }),
});

export const FineIncomeUseEnum = enumOf(FINE_INCOME_USES);
registerEnumType(FineIncomeUseEnum, {
  name: 'FineIncomeUse',
  description: 'How the income of an applied sanction is used (seed 001: "be explicit about what we will fine for and ... how we will use any income gained from fines").',
  valuesConfig: describedValues<FineIncomeUse>({
    INVESTED_IN_FIX: `${FINE_INCOME_USE_LABELS.INVESTED_IN_FIX}: reinvested in resolving the issue the sanction is for.`,
    OFFSET_IN_YEAR_PRESSURE: `${FINE_INCOME_USE_LABELS.OFFSET_IN_YEAR_PRESSURE}.`,
  }),
});

export enum SanctionLedgerEntryKind {
  SANCTION = 'SANCTION',
  WITHHOLDING = 'WITHHOLDING',
}
registerEnumType(SanctionLedgerEntryKind, {
  name: 'SanctionLedgerEntryKind',
  description: 'A sanction (national or local) or a GC9 withholding.',
  valuesConfig: {
    SANCTION: { description: 'A sanction of the contract’s schedule, national or local.' },
    WITHHOLDING: { description: 'A withholding of a share of the monthly contract value under GC9 (contract management).' },
  },
});

export enum SanctionBasis {
  DATA = 'DATA',
  COUNT = 'COUNT',
  GC9 = 'GC9',
}
registerEnumType(SanctionBasis, {
  name: 'SanctionBasis',
  description: 'How an amount was obtained.',
  valuesConfig: {
    DATA: { description: 'Calculated from the imported data (see calculation).' },
    COUNT: { description: 'A count entered by the lead commissioner, priced from the schedule.' },
    GC9: { description: 'The share of the monthly contract value the contract year’s terms allow to be withheld.' },
  },
});

export enum SanctionSourceBasis {
  SEED = 'SEED',
  REF = 'REF',
  PRODUCT = 'PRODUCT',
  LOCAL = 'LOCAL',
}
registerEnumType(SanctionSourceBasis, {
  name: 'SanctionSourceBasis',
  description: 'What a sanction’s cited source is.',
  valuesConfig: {
    SEED: { description: 'One of the project’s seed papers, quoted.' },
    REF: { description: 'A published NHS figure or document.' },
    PRODUCT: { description: 'The product’s own rule.' },
    LOCAL: { description: 'The contract’s own terms, as the lead commissioner recorded them.' },
  },
});

export enum ContractPartyRole {
  LEAD = 'LEAD',
  ASSOCIATE = 'ASSOCIATE',
}
registerEnumType(ContractPartyRole, {
  name: 'ContractPartyRole',
  description: 'A CCG’s part in a contract.',
  valuesConfig: {
    LEAD: { description: 'The lead (co-ordinating) commissioner.' },
    ASSOCIATE: { description: 'An associate the lead commissions on behalf of.' },
  },
});
