import type {
  FineIncomeSummary,
  FineIncomeUse,
  Money,
  SanctionCountUnit,
  SanctionLedgerAction,
  SanctionLedgerActorKind,
  SanctionLedgerState,
  SanctionMeasure,
  SanctionScope,
} from '@ccg-assure/domain';

// What the sanctions service answers (views, never GraphQL types); sanctions.type.ts presents them.

export interface SanctionSourceView {
  basis: 'SEED' | 'REF' | 'PRODUCT' | 'LOCAL';
  document: string;
  locator: string | null;
  text: string;
}

export interface SanctionScheduleEntryView {
  id: string;
  scope: SanctionScope;
  financialYear: string;
  contractId: string | null;
  code: string;
  description: string;
  countUnit: SanctionCountUnit;
  unitValue: Money;
  measure: SanctionMeasure | null;
  sources: SanctionSourceView[];
  position: number;
  version: number;
  updatedAt: Date;
}

export type SanctionLedgerEntryKind = 'SANCTION' | 'WITHHOLDING';
/** How the amount was obtained: calculated from imported data, from a count entered, or the GC9 share of the monthly value. */
export type SanctionBasis = 'DATA' | 'COUNT' | 'GC9';

/** The inputs of an entry's amount, frozen on the entry when it was recorded. */
export interface SanctionCalculationView {
  indicatorCode: string | null;
  attendances: number | null;
  breaches: number | null;
  standardPercent: string | null;
  thresholdSource: string | null;
  toleratedBreaches: number | null;
  excessBreaches: number | null;
  annualContractValue: string | null;
  monthlyValue: string | null;
  withholdingPercent: string | null;
  termsSource: string | null;
}

export interface SanctionLedgerEventView {
  action: SanctionLedgerAction;
  from: SanctionLedgerState | null;
  to: SanctionLedgerState;
  actorName: string | null;
  actorKind: SanctionLedgerActorKind | string;
  at: Date;
  note: string | null;
}

export interface SanctionLedgerEntryView {
  id: string;
  contractId: string;
  noticeId: string | null;
  kind: SanctionLedgerEntryKind;
  sanctionCode: string | null;
  scheduleEntryId: string | null;
  description: string;
  month: string;
  count: number | null;
  unitValue: Money | null;
  amount: Money;
  basis: SanctionBasis;
  calculation: SanctionCalculationView;
  status: SanctionLedgerState;
  reason: string | null;
  incomeUse: FineIncomeUse | null;
  incomeUseNote: string | null;
  history: SanctionLedgerEventView[];
  /** The moves the viewer may make now (the domain's availableSanctionLedgerActions for the viewer's actor kinds). */
  availableActions: SanctionLedgerAction[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The contract as the ledger needs it. */
export interface SanctionContractView {
  id: string;
  providerCode: string;
  financialYear: string;
  leadCommissionerCode: string;
  associateCodes: string[];
  contractValue: Money;
  title: string;
  reference: string | null;
  illustrative: boolean;
}

export interface SanctionLedgerView {
  contract: SanctionContractView;
  entries: SanctionLedgerEntryView[];
  totals: FineIncomeSummary;
  /** The rows the contract is under: the national sanctions of its year, then its own local sanctions. */
  sanctions: SanctionScheduleEntryView[];
  /** Whether the viewer may record sums and move them (a commissioning manager or finance officer of the lead commissioner). */
  viewerMayAct: boolean;
}

export interface FineIncomeContractView {
  contract: SanctionContractView;
  /** LEAD or ASSOCIATE: the CCG's part in the contract. */
  role: 'LEAD' | 'ASSOCIATE';
  totals: FineIncomeSummary;
}

export interface FineIncomeReportView {
  ccgCode: string;
  financialYear: string;
  totals: FineIncomeSummary;
  contracts: FineIncomeContractView[];
}

/** What the notice letter prints (GET /reports/contract-notices/<id>.pdf). */
export interface ContractNoticeLetterView {
  notice: {
    id: string;
    contractId: string;
    status: string;
    issuedOn: string | null;
    responseMeetingBy: string | null;
    meetingHeldOn: string | null;
    /** As frozen when issued (the contracts area's EvidenceJson); null while a draft. */
    evidence: unknown;
    indicatorCodes: string[];
    raisedFrom: string;
    createdAt: Date;
  };
  contract: SanctionContractView;
  /** Organisation names by ODS code: the provider, the lead and the associates. */
  names: Record<string, string>;
  history: { action: string; fromStatus: string | null; toStatus: string; actorName: string | null; actorKind: string; at: Date; note: string | null }[];
  /** The sums recorded under the notice. */
  sanctions: SanctionLedgerEntryView[];
}
