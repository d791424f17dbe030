import { Money, type FineIncomeSummary } from '@ccg-assure/domain';
import type { FineIncomeReportView, SanctionLedgerEntryView, SanctionLedgerView, SanctionScheduleEntryView } from './sanction-views';
import { ContractPartyRole, SanctionBasis, SanctionLedgerEntryKind, SanctionSourceBasis } from './sanctions-enums';
import { FineIncomeReport, SanctionLedger, SanctionLedgerEntry, SanctionScheduleEntry, SanctionTotals } from './sanctions.type';

// The sanctions service's views as GraphQL types.

export function toScheduleEntry(view: SanctionScheduleEntryView): SanctionScheduleEntry {
  return Object.assign(new SanctionScheduleEntry(), {
    id: view.id,
    scope: view.scope,
    financialYear: view.financialYear,
    contractId: view.contractId,
    code: view.code,
    description: view.description,
    countUnit: view.countUnit,
    unitValue: view.unitValue,
    measure: view.measure,
    sources: view.sources.map((source) => ({ ...source, basis: source.basis as SanctionSourceBasis })),
    version: view.version,
    updatedAt: view.updatedAt,
  });
}

const moneyOrNull = (text: string | null) => (text === null ? null : Money.parse(text));

export function toLedgerEntry(view: SanctionLedgerEntryView): SanctionLedgerEntry {
  return Object.assign(new SanctionLedgerEntry(), {
    id: view.id,
    contractId: view.contractId,
    noticeId: view.noticeId,
    kind: view.kind as SanctionLedgerEntryKind,
    sanctionCode: view.sanctionCode,
    sanctionId: view.scheduleEntryId,
    description: view.description,
    period: view.month,
    count: view.count,
    unitValue: view.unitValue,
    amount: view.amount,
    basis: view.basis as SanctionBasis,
    calculation: { ...view.calculation, annualContractValue: moneyOrNull(view.calculation.annualContractValue), monthlyValue: moneyOrNull(view.calculation.monthlyValue) },
    status: view.status,
    reason: view.reason,
    incomeUse: view.incomeUse,
    incomeUseNote: view.incomeUseNote,
    history: view.history.map((event) => ({ ...event, actorKind: String(event.actorKind) })),
    availableActions: view.availableActions,
    version: view.version,
    createdAt: view.createdAt,
  });
}

export function toTotals(summary: FineIncomeSummary): SanctionTotals {
  return Object.assign(new SanctionTotals(), {
    applied: summary.applied,
    byUse: summary.byUse.map((row) => ({ use: row.use, amount: row.amount, entries: row.entries })),
    unallocated: summary.unallocated,
    unallocatedEntries: summary.unallocatedEntries,
    calculated: summary.calculated,
    withheld: summary.withheld,
    waived: summary.waived,
    returned: summary.returned,
  });
}

export function toLedger(view: SanctionLedgerView): SanctionLedger {
  return Object.assign(new SanctionLedger(), {
    contractId: view.contract.id,
    entries: view.entries.map(toLedgerEntry),
    totals: toTotals(view.totals),
    sanctions: view.sanctions.map(toScheduleEntry),
    viewerMayAct: view.viewerMayAct,
  });
}

export function toFineIncomeReport(view: FineIncomeReportView): FineIncomeReport {
  return Object.assign(new FineIncomeReport(), {
    ccg: view.ccgCode,
    financialYear: view.financialYear,
    totals: toTotals(view.totals),
    contracts: view.contracts.map((line) => ({
      contractId: line.contract.id,
      providerCode: line.contract.providerCode,
      title: line.contract.title,
      illustrative: line.contract.illustrative,
      role: line.role as ContractPartyRole,
      totals: toTotals(line.totals),
    })),
  });
}
