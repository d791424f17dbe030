import {
  applySanctionLedgerMove,
  availableSanctionLedgerActions,
  calculateContractSanctions,
  calculateContractWithholding,
  calculateFourHourSanction,
  findStandard,
  FINE_INCOME_USES,
  isSanctionCode,
  Money,
  organisationName,
  parseFinancialYear,
  Percentage,
  SANCTION_COUNT_UNITS,
  SANCTION_MEASURES,
  sanctionRateFor,
  summariseFineIncome,
  type FineIncomeUse,
  type SanctionCountUnit,
  type SanctionLedgerAction,
  type SanctionLedgerActorKind,
  type SanctionLedgerMove,
  type SanctionLedgerState,
  type SanctionMeasure,
  type SanctionScheduleEntry,
} from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { checkingInput, fieldsOf, optionalText, requireCcg, requireFinancialYear, requiredText } from '../assessments/assurance-checks';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import { AppError, forbidden } from '../server/app-error';
import { SanctionLedgerEntryEntity } from './sanction-ledger-entry.entity';
import { SanctionLedgerEventEntity } from './sanction-ledger-event.entity';
import { SanctionScheduleEntity } from './sanction-schedule.entity';
import type {
  ContractNoticeLetterView,
  FineIncomeReportView,
  SanctionBasis,
  SanctionCalculationView,
  SanctionContractView,
  SanctionLedgerEntryKind,
  SanctionLedgerEntryView,
  SanctionLedgerEventView,
  SanctionLedgerView,
  SanctionScheduleEntryView,
  SanctionSourceView,
} from './sanction-views';
import {
  aeMonthOfProvider,
  contractIndicatorThreshold,
  contractsByIds,
  contractsOfCcg,
  eventsOfEntries,
  ledgerEntriesByIds,
  ledgerOfContracts,
  ledgerOfNotice,
  lockContract,
  lockLedgerEntry,
  nationalScheduleOfYear,
  noticeEventsForLetter,
  noticeForSanctions,
  scheduleEntryById,
  scheduleOfContracts,
  withholdingTermsOfYear,
} from './sanctions.queries';
import { loadStandardsCatalogue } from '../scores/scores.service';

// Sanctions and fine income (issue 15 item 5, decision 0023): the schedule rows (reference data), the calculation
// from the data, the contract's ledger with its moves, the use of fine income and its report. One transaction per
// change with its audit row; the arithmetic and the moves are the domain's.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The indicator whose data prices the A&E four-hour sanction: all department types, as the standard is set. */
export const AE_SANCTION_INDICATOR = 'AE_4HR_ALL';

type ContractRow = Awaited<ReturnType<typeof contractsByIds.rows>>[number];
type ScheduleRow = Awaited<ReturnType<typeof nationalScheduleOfYear.rows>>[number];
type EntryRow = Awaited<ReturnType<typeof ledgerOfContracts.rows>>[number];
type EventRow = Awaited<ReturnType<typeof eventsOfEntries.rows>>[number];

const holds = (viewer: Viewer | null, roles: readonly Role[], organisationCode: string) =>
  viewer?.roles.some((assignment) => roles.includes(assignment.role) && assignment.organisationCode === organisationCode) ?? false;
const holdsAnywhere = (viewer: Viewer | null, roles: readonly Role[]) => viewer?.roles.some((assignment) => roles.includes(assignment.role)) ?? false;

/** Analysts and NHS England assessors read every contract's ledger (the design's "Access"). */
const readsEveryLedger = (viewer: Viewer | null) => holdsAnywhere(viewer, [Role.ANALYST, Role.ASSESSOR]);

/** Whether the viewer may read a contract's ledger: its lead's and associates' commissioning managers and finance officers, analysts, assessors. */
export function mayReadLedger(viewer: Viewer | null, contract: Pick<SanctionContractView, 'leadCommissionerCode' | 'associateCodes'>): boolean {
  if (readsEveryLedger(viewer)) return true;
  return [contract.leadCommissionerCode, ...contract.associateCodes].some((code) => holds(viewer, [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER], code));
}

/** The ledger's actor kinds the viewer holds for a contract: from their roles at the lead commissioner only. */
export function ledgerActorKinds(viewer: Viewer | null, contract: Pick<SanctionContractView, 'leadCommissionerCode'>): SanctionLedgerActorKind[] {
  const kinds: SanctionLedgerActorKind[] = [];
  if (holds(viewer, [Role.COMMISSIONING_MANAGER], contract.leadCommissionerCode)) kinds.push('LEAD_COMMISSIONING_MANAGER');
  if (holds(viewer, [Role.FINANCE_OFFICER], contract.leadCommissionerCode)) kinds.push('LEAD_FINANCE_OFFICER');
  return kinds;
}

const contractView = (row: ContractRow): SanctionContractView => ({
  id: row.id,
  providerCode: row.providerCode,
  financialYear: row.financialYear,
  leadCommissionerCode: row.leadCommissionerCode,
  associateCodes: row.associateCodes,
  contractValue: Money.parse(row.contractValue),
  title: row.title,
  reference: row.reference,
  illustrative: row.illustrative,
});

function sourcesOf(value: unknown): SanctionSourceView[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      basis: (['SEED', 'REF', 'PRODUCT', 'LOCAL'].includes(String(item.basis)) ? item.basis : 'LOCAL') as SanctionSourceView['basis'],
      document: String(item.document ?? ''),
      locator: typeof item.locator === 'string' ? item.locator : null,
      text: String(item.text ?? ''),
    }));
}

const scheduleView = (row: ScheduleRow): SanctionScheduleEntryView => ({
  id: row.id,
  scope: row.scope as SanctionScheduleEntryView['scope'],
  financialYear: row.financialYear,
  contractId: row.contractId,
  code: row.code,
  description: row.description,
  countUnit: row.countUnit as SanctionCountUnit,
  unitValue: Money.parse(row.unitValue),
  measure: row.measure as SanctionMeasure | null,
  sources: sourcesOf(row.sources),
  position: row.position,
  version: row.version,
  updatedAt: row.updatedAt,
});

/** A schedule row as the domain's arithmetic takes it. */
const domainRow = (view: SanctionScheduleEntryView): SanctionScheduleEntry => ({
  code: view.code,
  scope: view.scope,
  contractYear: view.financialYear,
  description: view.description,
  countUnit: view.countUnit,
  unitValue: view.unitValue,
  measure: view.measure,
  sources: view.sources.filter((source) => source.basis !== 'LOCAL').map((source) => ({ basis: source.basis as 'SEED' | 'REF', document: source.document, locator: source.locator ?? '', text: source.text })),
});

function calculationOf(value: unknown): SanctionCalculationView {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null);
  const number = (key: string) => (typeof record[key] === 'number' ? (record[key] as number) : null);
  return {
    indicatorCode: text('indicatorCode'),
    attendances: number('attendances'),
    breaches: number('breaches'),
    standardPercent: text('standardPercent'),
    thresholdSource: text('thresholdSource'),
    toleratedBreaches: number('toleratedBreaches'),
    excessBreaches: number('excessBreaches'),
    annualContractValue: text('annualContractValue'),
    monthlyValue: text('monthlyValue'),
    withholdingPercent: text('withholdingPercent'),
    termsSource: text('termsSource'),
  };
}

const eventView = (row: EventRow): SanctionLedgerEventView => ({
  action: row.action as SanctionLedgerAction,
  from: row.fromStatus as SanctionLedgerState | null,
  to: row.toStatus as SanctionLedgerState,
  actorName: row.actorName,
  actorKind: row.actorKind,
  at: row.at,
  note: row.note,
});

function entryView(row: EntryRow, events: EventRow[], kinds: readonly SanctionLedgerActorKind[]): SanctionLedgerEntryView {
  const status = row.status as SanctionLedgerState;
  return {
    id: row.id,
    contractId: row.contractId,
    noticeId: row.noticeId,
    kind: row.kind as SanctionLedgerEntryKind,
    sanctionCode: row.sanctionCode,
    scheduleEntryId: row.scheduleEntryId,
    description: row.description,
    month: row.month,
    count: row.count,
    unitValue: row.unitValue === null ? null : Money.parse(row.unitValue),
    amount: Money.parse(row.amount),
    basis: row.basis as SanctionBasis,
    calculation: calculationOf(row.calculation),
    status,
    reason: row.reason,
    incomeUse: row.incomeUse as FineIncomeUse | null,
    incomeUseNote: row.incomeUseNote,
    history: events.filter((event) => event.entryId === row.id).map(eventView),
    availableActions: availableSanctionLedgerActions(status, kinds),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const notPermitted = (contract: SanctionContractView) =>
  new AppError('FORBIDDEN', 'ACTION_NOT_PERMITTED', 'Only a commissioning manager or finance officer of the lead commissioner may record and move sums in the sanctions ledger; associates read.', {
    leadCommissioner: contract.leadCommissionerCode,
  });

/** The input fields each refusal of a ledger move concerns. */
const MOVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  INVALID_TRANSITION: ['action'],
  UNKNOWN_SANCTION_LEDGER_ACTION: ['action'],
  REASON_REQUIRED: ['reason'],
  UNKNOWN_INCOME_USE: ['incomeUse'],
  INCOME_USE_NOTE_REQUIRED: ['note'],
};

export interface ApplyLedgerActionRequest {
  entryId: string;
  expectedVersion: number;
  action: SanctionLedgerAction;
  reason?: string | null;
  note?: string | null;
}

export interface SetLocalSanctionRequest {
  contractId: string;
  code: string;
  description: string;
  countUnit: SanctionCountUnit;
  unitValue: Money;
  measure?: SanctionMeasure | null;
  note?: string | null;
}

export class SanctionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** The national sanctions of a contract year, in their order (empty for a year with none recorded). */
  async nationalSchedule(financialYear: string): Promise<SanctionScheduleEntryView[]> {
    const year = requireFinancialYear(financialYear);
    return (await nationalScheduleOfYear.rows(this.dataSource.manager, [year.label])).map(scheduleView);
  }

  /** The contract, readable by the viewer: NOT_FOUND CONTRACT_NOT_FOUND, or FORBIDDEN. */
  async readableContract(viewer: Viewer | null, contractId: string, manager: EntityManager = this.dataSource.manager): Promise<SanctionContractView> {
    const [row] = await contractsByIds.rows(manager, [[contractId]]);
    if (!row) throw new AppError('NOT_FOUND', 'CONTRACT_NOT_FOUND', 'There is no such contract.', { contractId, ...fieldsOf('contractId') });
    const contract = contractView(row);
    if (!mayReadLedger(viewer, contract)) throw forbidden('Only the contract’s commissioners, analysts and NHS England assessors may see its sanctions ledger.');
    return contract;
  }

  /** The ledgers of contracts, in the order asked; null for a contract that does not exist or the viewer may not read. */
  async ledgersOf(viewer: Viewer | null, contractIds: readonly string[]): Promise<(SanctionLedgerView | null)[]> {
    const manager = this.dataSource.manager;
    const ids = [...new Set(contractIds)];
    const contracts = new Map((await contractsByIds.rows(manager, [ids])).map((row) => [row.id, contractView(row)]));
    const readable = ids.filter((id) => contracts.has(id) && mayReadLedger(viewer, contracts.get(id) as SanctionContractView));
    if (readable.length === 0) return contractIds.map(() => null);
    const [entries, schedule] = [await ledgerOfContracts.rows(manager, [readable]), await scheduleOfContracts.rows(manager, [readable])];
    const events = entries.length > 0 ? await eventsOfEntries.rows(manager, [entries.map((entry) => entry.id)]) : [];
    const views = new Map<string, SanctionLedgerView>();
    for (const id of readable) {
      const contract = contracts.get(id) as SanctionContractView;
      const kinds = ledgerActorKinds(viewer, contract);
      const own = entries.filter((entry) => entry.contractId === id).map((entry) => entryView(entry, events, kinds));
      views.set(id, {
        contract,
        entries: own,
        totals: summariseFineIncome(own),
        sanctions: schedule.filter((row) => row.forContract === id).map(scheduleView),
        viewerMayAct: kinds.length > 0,
      });
    }
    return contractIds.map((id) => views.get(id) ?? null);
  }

  /** One contract's ledger: NOT_FOUND or FORBIDDEN as readableContract. */
  async ledger(viewer: Viewer | null, contractId: string): Promise<SanctionLedgerView> {
    await this.readableContract(viewer, contractId);
    const [view] = await this.ledgersOf(viewer, [contractId]);
    return view as SanctionLedgerView;
  }

  /** Ledger entries by id, for the viewer (null where missing or not readable). */
  async entries(viewer: Viewer | null, entryIds: readonly string[]): Promise<(SanctionLedgerEntryView | null)[]> {
    const rows = await ledgerEntriesByIds.rows(this.dataSource.manager, [[...entryIds]]);
    const ledgers = await this.ledgersOf(viewer, [...new Set(rows.map((row) => row.contractId))]);
    const all = new Map(ledgers.flatMap((ledger) => ledger?.entries ?? []).map((entry) => [entry.id, entry]));
    return entryIds.map((id) => all.get(id) ?? null);
  }

  /**
   * What the fine income of a CCG's contracts of a year (lead or associate) is used for: applied sums by use, with
   * the rest by status, in total and per contract. Its commissioning managers and finance officers, analysts and
   * assessors may read it.
   */
  async fineIncomeReport(viewer: Viewer | null, ccgCode: string, financialYear: string): Promise<FineIncomeReportView> {
    const year = requireFinancialYear(financialYear);
    const ccg = await requireCcg(this.organisations, ccgCode);
    if (!readsEveryLedger(viewer) && !holds(viewer, [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER], ccg.code)) {
      throw forbidden('Only the CCG’s commissioning managers and finance officers, analysts and NHS England assessors may see its fine income.');
    }
    const contracts = (await contractsOfCcg.rows(this.dataSource.manager, [ccg.code, year.label])).map(contractView);
    const entries = contracts.length > 0 ? await ledgerOfContracts.rows(this.dataSource.manager, [contracts.map((contract) => contract.id)]) : [];
    const items = (rows: EntryRow[]) =>
      rows.map((row) => ({ status: row.status as SanctionLedgerState, amount: Money.parse(row.amount), incomeUse: row.incomeUse as FineIncomeUse | null }));
    return {
      ccgCode: ccg.code,
      financialYear: year.label,
      totals: summariseFineIncome(items(entries)),
      contracts: contracts.map((contract) => ({
        contract,
        role: contract.leadCommissionerCode === ccg.code ? 'LEAD' : 'ASSOCIATE',
        totals: summariseFineIncome(items(entries.filter((entry) => entry.contractId === contract.id))),
      })),
    };
  }

  /**
   * Everything the notice letter prints: the notice with its frozen evidence, dates and history, the contract, the
   * parties' names and the sums recorded under it. Readable as the notice is: the contract's lead and associate
   * commissioning managers and finance officers, analysts and assessors (NOT_FOUND NOTICE_NOT_FOUND, FORBIDDEN).
   */
  async noticeLetter(viewer: Viewer | null, noticeId: string): Promise<ContractNoticeLetterView> {
    const manager = this.dataSource.manager;
    const notice = UUID.test(noticeId) ? await noticeForSanctions.first(manager, [noticeId]) : null;
    if (!notice) throw new AppError('NOT_FOUND', 'NOTICE_NOT_FOUND', 'There is no such contract notice.', { noticeId });
    const contract = await this.readableContract(viewer, notice.contractId);
    const names = new Map(
      (await this.organisations.byCodes([contract.providerCode, contract.leadCommissionerCode, ...contract.associateCodes])).map((row) => [row.code, organisationName(row.name)]),
    );
    const entries = await ledgerOfNotice.rows(manager, [notice.id]);
    const events = entries.length > 0 ? await eventsOfEntries.rows(manager, [entries.map((entry) => entry.id)]) : [];
    return {
      notice: { ...notice, evidence: notice.evidence ?? null },
      contract,
      names: Object.fromEntries(names),
      history: await noticeEventsForLetter.rows(manager, [notice.id]),
      sanctions: entries.map((entry) => entryView(entry, events, [])),
    };
  }

  /** A contract's ledger for its CSV and xlsx files, with the parties' names. */
  async ledgerExport(viewer: Viewer | null, contractId: string): Promise<{ ledger: SanctionLedgerView; names: Record<string, string> }> {
    if (!UUID.test(contractId)) throw new AppError('NOT_FOUND', 'CONTRACT_NOT_FOUND', 'There is no such contract.', { contractId });
    const ledger = await this.ledger(viewer, contractId);
    const codes = [ledger.contract.providerCode, ledger.contract.leadCommissionerCode, ...ledger.contract.associateCodes];
    return { ledger, names: Object.fromEntries((await this.organisations.byCodes(codes)).map((row) => [row.code, organisationName(row.name)])) };
  }

  // ---- schedule changes ----------------------------------------------------------------------------

  /** An administrator changes a schedule row's rate (and, if given, its description): audited, from the version read. */
  async updateSanctionRate(
    viewer: Viewer,
    requestId: string,
    input: { id: string; expectedVersion: number; unitValue: Money; description?: string | null },
  ): Promise<SanctionScheduleEntryView> {
    if (!holdsAnywhere(viewer, [Role.ADMIN])) throw forbidden('Only an administrator may change the sanction schedule.');
    if (input.unitValue.isNegative()) throw new AppError('BAD_USER_INPUT', 'NEGATIVE_AMOUNT', 'A sanction rate cannot be negative.', fieldsOf('unitValue'));
    const description = input.description == null ? null : requiredText(input.description, 'TEXT_REQUIRED', 'Say what the sanction is for.', 'description');
    return this.change(viewer, requestId, async (manager, actor) => {
      const before = await scheduleEntryById.first(manager, [input.id]);
      if (!before) throw new AppError('NOT_FOUND', 'SANCTION_NOT_FOUND', 'There is no such sanction.', { id: input.id, ...fieldsOf('id') });
      const result = await manager
        .createQueryBuilder()
        .update(SanctionScheduleEntity)
        .set({ unitValue: input.unitValue.toString(), ...(description ? { description } : {}), updatedBy: viewer.userId, updatedAt: () => 'now()', version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: input.id, version: input.expectedVersion })
        .execute();
      if (!result.affected) throw staleVersion('sanction', input.id, input.expectedVersion, before.version);
      await recordAudit(manager, actor, {
        action: 'UPDATE_SANCTION_RATE',
        entityType: 'sanction_schedule',
        entityId: input.id,
        before: { scope: before.scope, financialYear: before.financialYear, contractId: before.contractId, code: before.code, unitValue: before.unitValue, description: before.description },
        after: { unitValue: input.unitValue.toString(), description: description ?? before.description },
      });
      return scheduleView((await scheduleEntryById.one(manager, [input.id])) as ScheduleRow);
    });
  }

  /**
   * Records or changes a local sanction of a contract (what it is for, its rate, whether the data counts it): the lead
   * commissioner's commissioning manager (it is agreed in the contract) or an administrator. Audited.
   */
  async setLocalSanction(viewer: Viewer, requestId: string, input: SetLocalSanctionRequest): Promise<SanctionScheduleEntryView> {
    const contract = await this.contractForChange(viewer, input.contractId, { allowAdmin: true, roles: [Role.COMMISSIONING_MANAGER] });
    const code = input.code.trim().toUpperCase();
    if (!isSanctionCode(code)) {
      throw new AppError('BAD_USER_INPUT', 'INVALID_SANCTION_CODE', 'A sanction code is 2 to 60 capitals, digits and underscores, starting with a capital.', { code, ...fieldsOf('code') });
    }
    const description = requiredText(input.description, 'TEXT_REQUIRED', 'Say what the sanction is for.', 'description');
    if (!(SANCTION_COUNT_UNITS as readonly string[]).includes(input.countUnit)) throw new AppError('BAD_USER_INPUT', 'UNKNOWN_COUNT_UNIT', 'Unknown count unit.', fieldsOf('countUnit'));
    const measure = input.measure ?? null;
    if (measure !== null && !(SANCTION_MEASURES as readonly string[]).includes(measure)) throw new AppError('BAD_USER_INPUT', 'UNKNOWN_MEASURE', 'Unknown measure.', fieldsOf('measure'));
    if (measure !== null && input.countUnit !== 'BREACH_BEYOND_TOLERANCE') {
      throw new AppError('BAD_USER_INPUT', 'MEASURE_NEEDS_TOLERANCE', 'A sanction counted from the A&E data charges each breach beyond the standard’s tolerance (count unit BREACH_BEYOND_TOLERANCE).', fieldsOf('countUnit', 'measure'));
    }
    if (input.unitValue.isNegative()) throw new AppError('BAD_USER_INPUT', 'NEGATIVE_AMOUNT', 'A sanction rate cannot be negative.', fieldsOf('unitValue'));
    const note = optionalText(input.note);
    const sources = note ? [{ basis: 'LOCAL', document: `Contract ${contract.reference ?? contract.title}`, locator: null, text: note }] : [];
    return this.change(viewer, requestId, async (manager, actor) => {
      await lockContract.one(manager, [contract.id]);
      const existing = await manager.findOne(SanctionScheduleEntity, { where: { contractId: contract.id, code } });
      const repository = manager.getRepository(SanctionScheduleEntity);
      let id: string;
      if (existing) {
        await repository.update(
          { id: existing.id },
          { description, countUnit: input.countUnit, unitValue: input.unitValue.toString(), measure, ...(note ? { sources } : {}), updatedBy: viewer.userId, updatedAt: new Date(), version: existing.version + 1 },
        );
        id = existing.id;
      } else {
        const position = (await repository.count({ where: { contractId: contract.id } })) + 1;
        const saved = await repository.save(
          repository.create({ scope: 'LOCAL', financialYear: contract.financialYear, contractId: contract.id, code, description, countUnit: input.countUnit, unitValue: input.unitValue.toString(), measure, sources, position, updatedBy: viewer.userId }),
        );
        id = saved.id;
      }
      await recordAudit(manager, actor, {
        action: existing ? 'UPDATE_LOCAL_SANCTION' : 'ADD_LOCAL_SANCTION',
        entityType: 'sanction_schedule',
        entityId: id,
        before: existing ? { code, description: existing.description, countUnit: existing.countUnit, unitValue: existing.unitValue, measure: existing.measure } : null,
        after: { contractId: contract.id, code, description, countUnit: input.countUnit, unitValue: input.unitValue.toString(), measure },
      });
      return scheduleView((await scheduleEntryById.one(manager, [id])) as ScheduleRow);
    });
  }

  // ---- ledger changes ------------------------------------------------------------------------------

  /**
   * Calculates the month's sanctions the data allows, into the ledger as CALCULATED: the A&E four-hour breaches
   * beyond the standard's tolerance (the contract's threshold for AE_4HR_ALL, else the national standard in force),
   * priced at the national rate of the contract year if it has one, else the contract's local rate. Refuses a
   * month with no rate, no data, or already in the ledger.
   */
  async calculate(viewer: Viewer, requestId: string, input: { contractId: string; month: string; noticeId?: string | null }, today: string): Promise<string[]> {
    const contract = await this.contractForChange(viewer, input.contractId);
    const kinds = ledgerActorKinds(viewer, contract);
    const month = this.requireMonth(contract, input.month, today);
    const [ledger] = await this.ledgersOf(viewer, [contract.id]);
    const sanctions = (ledger?.sanctions ?? []).map((view) => ({ view, row: domainRow(view) }));
    const rate = sanctionRateFor(
      'AE_FOUR_HOUR_WAIT',
      contract.financialYear,
      sanctions.filter((s) => s.view.scope === 'NATIONAL').map((s) => s.row),
      sanctions.filter((s) => s.view.scope === 'LOCAL').map((s) => s.row),
    );
    if (!rate) {
      throw new AppError(
        'BAD_USER_INPUT',
        'NO_SANCTION_RATE',
        `The ${contract.financialYear} national schedule has no A&E four-hour sanction and the contract has no local one: record the contract’s local rate first.`,
        { contractYear: contract.financialYear, measure: 'AE_FOUR_HOUR_WAIT', ...fieldsOf('contractId') },
      );
    }
    const rateView = sanctions.find((s) => s.row === rate)?.view as SanctionScheduleEntryView;
    return this.change(viewer, requestId, async (manager, actor) => {
      await lockContract.one(manager, [contract.id]);
      const noticeId = await this.requireNotice(manager, contract, input.noticeId ?? null, false);
      const data = await aeMonthOfProvider.one(manager, [contract.providerCode, month]);
      if (data.rows === '0' || data.attendances === null || data.breaches === null) {
        throw new AppError('BAD_USER_INPUT', 'NO_DATA_FOR_MONTH', `There is no A&E data for ${contract.providerCode} for the month of ${month}.`, { provider: contract.providerCode, month, ...fieldsOf('month') });
      }
      const threshold = await contractIndicatorThreshold.first(manager, [contract.id, AE_SANCTION_INDICATOR]);
      const standard = threshold?.threshold ?? String(findStandard(AE_SANCTION_INDICATOR, month, await loadStandardsCatalogue(manager))?.threshold ?? 95);
      const result = checkingInput({}, ['month'], () =>
        calculateFourHourSanction(rate, { attendances: Number(data.attendances), breaches: Number(data.breaches), standardPercent: Percentage.parse(standard) }),
      );
      await this.assertNotInLedger(manager, contract.id, rate.code, month);
      const calculation = {
        indicatorCode: AE_SANCTION_INDICATOR,
        attendances: Number(data.attendances),
        breaches: Number(data.breaches),
        standardPercent: Percentage.parse(standard).toString(),
        thresholdSource: threshold?.thresholdSource === 'LOCAL' ? 'LOCAL' : 'NATIONAL',
        toleratedBreaches: result.toleratedBreaches,
        excessBreaches: result.excessBreaches,
      };
      const id = await this.insertEntry(manager, actor, kinds, {
        contractId: contract.id,
        noticeId,
        kind: 'SANCTION',
        sanctionCode: rate.code,
        scheduleEntryId: rateView.id,
        description: rate.description,
        month,
        count: result.excessBreaches,
        unitValue: result.unitValue,
        amount: result.amount,
        basis: 'DATA',
        calculation,
        action: 'CALCULATE',
        note: null,
      });
      return [id];
    });
  }

  /** Records a sanction the data does not count (a count entered by the lead), priced from the contract's schedule, as CALCULATED. */
  async recordSanction(
    viewer: Viewer,
    requestId: string,
    input: { contractId: string; sanctionCode: string; month: string; count: number; noticeId?: string | null; note?: string | null },
    today: string,
  ): Promise<string> {
    const contract = await this.contractForChange(viewer, input.contractId);
    const kinds = ledgerActorKinds(viewer, contract);
    const month = this.requireMonth(contract, input.month, today);
    const [ledger] = await this.ledgersOf(viewer, [contract.id]);
    const views = ledger?.sanctions ?? [];
    const code = input.sanctionCode.trim().toUpperCase();
    const calculated = checkingInput({ UNKNOWN_SANCTION: ['sanctionCode'], INVALID_SANCTION_COUNT: ['count'], UNKNOWN_CONTRACT_YEAR: ['sanctionCode'] }, ['count'], () =>
      calculateContractSanctions({ contractYear: contract.financialYear, schedule: views.map(domainRow), counts: [{ sanction: code, count: input.count }] }),
    );
    const line = calculated.lines.find((candidate) => candidate.sanction === code);
    const view = views.find((candidate) => candidate.code === code && candidate.financialYear === contract.financialYear);
    if (!line || !view) throw new AppError('BAD_USER_INPUT', 'UNKNOWN_SANCTION', `The contract has no sanction "${code}".`, fieldsOf('sanctionCode'));
    return this.change(viewer, requestId, async (manager, actor) => {
      await lockContract.one(manager, [contract.id]);
      const noticeId = await this.requireNotice(manager, contract, input.noticeId ?? null, false);
      await this.assertNotInLedger(manager, contract.id, code, month);
      return this.insertEntry(manager, actor, kinds, {
        contractId: contract.id,
        noticeId,
        kind: 'SANCTION',
        sanctionCode: code,
        scheduleEntryId: view.id,
        description: view.description,
        month,
        count: line.count,
        unitValue: line.unitValue,
        amount: line.amount,
        basis: 'COUNT',
        calculation: {},
        action: 'CALCULATE',
        note: optionalText(input.note),
      });
    });
  }

  /**
   * Records the month's GC9 withholding under an issued notice, as WITHHELD: the share of the monthly contract value
   * the contract year's terms (contract_management_terms.withholding_percent) allow.
   */
  async recordWithholding(viewer: Viewer, requestId: string, input: { contractId: string; noticeId: string; month: string; note?: string | null }, today: string): Promise<string> {
    const contract = await this.contractForChange(viewer, input.contractId);
    const kinds = ledgerActorKinds(viewer, contract);
    const month = this.requireMonth(contract, input.month, today);
    return this.change(viewer, requestId, async (manager, actor) => {
      await lockContract.one(manager, [contract.id]);
      const noticeId = await this.requireNotice(manager, contract, input.noticeId, true);
      const terms = await withholdingTermsOfYear.first(manager, [contract.financialYear]);
      if (!terms) {
        throw new AppError('BAD_USER_INPUT', 'NO_CONTRACT_MANAGEMENT_TERMS', `There are no contract management terms (GC9) for ${contract.financialYear}: the share that may be withheld is not known.`, {
          contractYear: contract.financialYear,
          ...fieldsOf('contractId'),
        });
      }
      const withholding = calculateContractWithholding(contract.contractValue, Percentage.parse(terms.withholdingPercent));
      const existing = await manager.findOne(SanctionLedgerEntryEntity, { where: { contractId: contract.id, kind: 'WITHHOLDING', month } });
      if (existing) throw new AppError('CONFLICT', 'ALREADY_IN_LEDGER', `A withholding for ${month} is already in the ledger.`, { entryId: existing.id, ...fieldsOf('month') });
      return this.insertEntry(manager, actor, kinds, {
        contractId: contract.id,
        noticeId,
        kind: 'WITHHOLDING',
        sanctionCode: null,
        scheduleEntryId: null,
        description: `Withholding under GC9: ${withholding.withholdingPercent.toString()}% of the monthly contract value`,
        month,
        count: null,
        unitValue: null,
        amount: withholding.amount,
        basis: 'GC9',
        calculation: {
          annualContractValue: contract.contractValue.toString(),
          monthlyValue: withholding.monthlyValue.toString(),
          withholdingPercent: withholding.withholdingPercent.toString(),
          termsSource: terms.source,
        },
        action: 'WITHHOLD',
        note: optionalText(input.note),
      });
    });
  }

  /** Moves an entry: APPLY, WAIVE (with a reason), RETURN or RETAIN; from the version read. */
  async applyAction(viewer: Viewer, requestId: string, input: ApplyLedgerActionRequest): Promise<string> {
    if (input.action === 'RECORD_INCOME_USE' || input.action === 'CALCULATE' || input.action === 'WITHHOLD') {
      throw new AppError('BAD_USER_INPUT', 'INVALID_TRANSITION', `${input.action} is not a move of a recorded entry here: use ${input.action === 'RECORD_INCOME_USE' ? 'recordFineIncomeUse' : input.action === 'CALCULATE' ? 'calculateContractSanctions or recordSanction' : 'recordContractWithholding'}.`, fieldsOf('action'));
    }
    const move = (input.action === 'WAIVE' ? { type: 'WAIVE', reason: input.reason ?? '' } : { type: input.action, note: input.note ?? null }) as SanctionLedgerMove;
    return this.move(viewer, requestId, input.entryId, input.expectedVersion, move, optionalText(input.action === 'WAIVE' ? input.reason : input.note), (move.type === 'WAIVE' ? { reason: optionalText(input.reason) } : {}));
  }

  /** Records how an applied sum's income is used, with a note saying what it pays for (seed 001). */
  async recordIncomeUse(viewer: Viewer, requestId: string, input: { entryId: string; expectedVersion: number; incomeUse: FineIncomeUse; note: string }): Promise<string> {
    if (!(FINE_INCOME_USES as readonly string[]).includes(input.incomeUse)) throw new AppError('BAD_USER_INPUT', 'UNKNOWN_INCOME_USE', 'Unknown use of fine income.', fieldsOf('incomeUse'));
    const move: SanctionLedgerMove = { type: 'RECORD_INCOME_USE', incomeUse: input.incomeUse, note: input.note };
    return this.move(viewer, requestId, input.entryId, input.expectedVersion, move, optionalText(input.note), { incomeUse: input.incomeUse, incomeUseNote: optionalText(input.note) });
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private async move(
    viewer: Viewer,
    requestId: string,
    entryId: string,
    expectedVersion: number,
    move: SanctionLedgerMove,
    note: string | null,
    changes: Partial<Pick<SanctionLedgerEntryEntity, 'reason' | 'incomeUse' | 'incomeUseNote'>>,
  ): Promise<string> {
    const [current] = await ledgerEntriesByIds.rows(this.dataSource.manager, [[entryId]]);
    if (!current) throw new AppError('NOT_FOUND', 'LEDGER_ENTRY_NOT_FOUND', 'There is no such ledger entry.', { entryId, ...fieldsOf('entryId') });
    const contract = await this.contractForChange(viewer, current.contractId);
    const kinds = ledgerActorKinds(viewer, contract);
    return this.change(viewer, requestId, async (manager, actor) => {
      const entry = await lockLedgerEntry.one(manager, [entryId]);
      if (entry.version !== expectedVersion) throw staleVersion('ledger entry', entryId, expectedVersion, entry.version);
      const from = entry.status as SanctionLedgerState;
      const to = checkingInput(MOVE_FIELDS, ['action'], () => applySanctionLedgerMove(from, move, kinds));
      await manager.getRepository(SanctionLedgerEntryEntity).update({ id: entryId }, { status: to, ...changes, updatedAt: new Date(), version: entry.version + 1 });
      await manager.getRepository(SanctionLedgerEventEntity).insert({ entryId, action: move.type, fromStatus: from, toStatus: to, actorId: viewer.userId, actorKind: kinds[0], note, details: changes });
      await recordAudit(manager, actor, {
        action: `SANCTION_LEDGER_${move.type}`,
        entityType: 'sanction_ledger',
        entityId: entryId,
        before: { status: from, amount: entry.amount, incomeUse: entry.incomeUse, incomeUseNote: entry.incomeUseNote },
        after: { status: to, amount: entry.amount, ...changes, ...(note ? { note } : {}) },
      });
      return entryId;
    });
  }

  private async insertEntry(
    manager: EntityManager,
    actor: AuditActor,
    kinds: readonly SanctionLedgerActorKind[],
    entry: {
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
      calculation: Record<string, unknown>;
      action: 'CALCULATE' | 'WITHHOLD';
      note: string | null;
    },
  ): Promise<string> {
    const to = checkingInput({}, ['contractId'], () => applySanctionLedgerMove(null, { type: entry.action }, kinds));
    const repository = manager.getRepository(SanctionLedgerEntryEntity);
    const saved = await repository.save(
      repository.create({
        contractId: entry.contractId,
        noticeId: entry.noticeId,
        kind: entry.kind,
        sanctionCode: entry.sanctionCode,
        scheduleEntryId: entry.scheduleEntryId,
        description: entry.description,
        month: entry.month,
        count: entry.count,
        unitValue: entry.unitValue?.toString() ?? null,
        amount: entry.amount.requireStorable('amount').toString(),
        basis: entry.basis,
        calculation: entry.calculation,
        status: to,
        createdBy: actor.userId,
      }),
    );
    await manager.getRepository(SanctionLedgerEventEntity).insert({
      entryId: saved.id,
      action: entry.action,
      fromStatus: null,
      toStatus: to,
      actorId: actor.userId,
      actorKind: kinds[0],
      note: entry.note,
      details: entry.calculation,
    });
    await recordAudit(manager, actor, {
      action: `SANCTION_LEDGER_${entry.action}`,
      entityType: 'sanction_ledger',
      entityId: saved.id,
      after: {
        contractId: entry.contractId,
        noticeId: entry.noticeId,
        kind: entry.kind,
        sanctionCode: entry.sanctionCode,
        month: entry.month,
        count: entry.count,
        unitValue: entry.unitValue?.toString() ?? null,
        amount: entry.amount.toString(),
        basis: entry.basis,
        status: to,
        calculation: entry.calculation,
      },
    });
    return saved.id;
  }

  /** The contract, which the viewer must be allowed to change: a lead actor kind (or, where allowed, an administrator). */
  private async contractForChange(viewer: Viewer, contractId: string, options: { allowAdmin?: boolean; roles?: Role[] } = {}): Promise<SanctionContractView> {
    const [row] = await contractsByIds.rows(this.dataSource.manager, [[contractId]]);
    if (!row) throw new AppError('NOT_FOUND', 'CONTRACT_NOT_FOUND', 'There is no such contract.', { contractId, ...fieldsOf('contractId') });
    const contract = contractView(row);
    if (options.allowAdmin && holdsAnywhere(viewer, [Role.ADMIN])) return contract;
    if (!mayReadLedger(viewer, contract)) throw forbidden('Only the contract’s commissioners, analysts and NHS England assessors may see its sanctions ledger.');
    const allowed = options.roles ?? [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER];
    if (!holds(viewer, allowed, contract.leadCommissionerCode)) throw notPermitted(contract);
    return contract;
  }

  /** A month of the contract year that has begun, as its first day: BAD_USER_INPUT otherwise. */
  private requireMonth(contract: SanctionContractView, month: string, today: string): string {
    const year = parseFinancialYear(contract.financialYear);
    if (!year.months.includes(month)) {
      throw new AppError('BAD_USER_INPUT', 'MONTH_NOT_IN_CONTRACT_YEAR', `${month} is not the first day of a month of the contract year ${contract.financialYear}.`, {
        month,
        contractYear: contract.financialYear,
        ...fieldsOf('month'),
      });
    }
    if (month > today) throw new AppError('BAD_USER_INPUT', 'DATE_IN_FUTURE', `The month of ${month} has not begun.`, { month, ...fieldsOf('month') });
    return month;
  }

  /** The notice, which must be the contract's (and, where `issued`, issued and still open): its id, or null when none is given. */
  private async requireNotice(manager: EntityManager, contract: SanctionContractView, noticeId: string | null, issued: boolean): Promise<string | null> {
    if (noticeId === null) return null;
    const notice = await noticeForSanctions.first(manager, [noticeId]);
    if (!notice || notice.contractId !== contract.id) {
      throw new AppError('BAD_USER_INPUT', 'NOTICE_NOT_OF_CONTRACT', 'The notice is not one of this contract’s.', { noticeId, ...fieldsOf('noticeId') });
    }
    if (issued && (notice.issuedOn === null || ['DRAFT', 'WITHDRAWN', 'CLOSED'].includes(notice.status))) {
      throw new AppError('BAD_USER_INPUT', 'NOTICE_NOT_ISSUED', 'A payment is withheld under an issued, open contract performance notice (GC9).', { noticeId, status: notice.status, ...fieldsOf('noticeId') });
    }
    return notice.id;
  }

  private async assertNotInLedger(manager: EntityManager, contractId: string, sanctionCode: string, month: string): Promise<void> {
    const existing = await manager.findOne(SanctionLedgerEntryEntity, { where: { contractId, kind: 'SANCTION', sanctionCode, month } });
    if (existing) {
      throw new AppError('CONFLICT', 'ALREADY_IN_LEDGER', `${sanctionCode} for ${month} is already in the ledger (${existing.status}).`, { entryId: existing.id, sanctionCode, month, ...fieldsOf('month') });
    }
  }

  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }
}

function staleVersion(what: string, id: string, expectedVersion: number, currentVersion: number): AppError {
  return new AppError('CONFLICT', 'STALE_VERSION', `The ${what} has changed since you read it: read it again, then make your change.`, {
    id,
    expectedVersion,
    currentVersion,
    ...fieldsOf('expectedVersion'),
  });
}
