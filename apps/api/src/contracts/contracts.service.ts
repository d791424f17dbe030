import {
  CONTRACT_NOTICE_STATE_LABELS,
  DomainError,
  Money,
  Percentage,
  applyContractNoticeAction,
  availableContractNoticeActions,
  compareWithTrajectory,
  isIsoDate,
  parseFinancialYear,
  responseMeetingDue,
  validateTrajectory,
  type ContractNoticeAction,
  type ContractNoticeActorKind,
  type ContractNoticeState,
  type TrajectoryPolarity,
} from '@ccg-assure/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { assertNotInFuture, checkingInput, fieldsOf, optionalText, requireFinancialYear, requiredText } from '../assessments/assurance-checks';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { Role } from '../auth/role';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { IndicatorEntity } from '../indicators/indicator.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { ScorecardsService } from '../scorecards/scorecards.service';
import { AppError, forbidden } from '../server/app-error';
import {
  assertLeadCommissioner,
  assertMayListContractsOf,
  assertMayReadContract,
  contractActorKinds,
  mayReadContract,
  type ContractParties,
} from './contract-access';
import { BreachProposalStatus, NoticeRaisedFrom, ProvidersBasis, RemedialActionStatus, ThresholdSource, type BreachReason } from './contracts-enums';
import {
  ContractAssociateEntity,
  ContractBreachProposalEntity,
  ContractEntity,
  ContractIndicatorEntity,
  ContractManagementTermsEntity,
  ContractNoticeEntity,
  ContractNoticeEventEntity,
  RecoveryTrajectoryPointEntity,
  RemedialActionEntity,
  RemedialActionPlanEntity,
  TrajectoryMissEntity,
} from './contracts.entities';
import { storedMonthValues } from './contracts.queries';
import type {
  BreachProposal,
  CcgProviders,
  Contract,
  ContractManagementTerms,
  ContractNotice,
  ContractNoticeEvent,
  MonitoredIndicator,
  NoticeEvidence,
  RemedialActionPlan,
} from './contracts.type';
import { evidenceChangedSince, evidenceOf, type EvidenceJson } from './notice-evidence';

export interface MonitoredIndicatorRequest {
  indicatorCode: string;
  localThreshold?: number | null;
}

export interface CreateContractRequest {
  provider: string;
  financialYear: string;
  leadCommissioner: string;
  associates: readonly string[];
  contractValue: Money;
  title: string;
  reference?: string | null;
  monitoredIndicators: readonly MonitoredIndicatorRequest[];
  /** The demo seed's label; never set through GraphQL. */
  illustrativeNote?: string | null;
}

export interface UpdateContractRequest {
  contractId: string;
  expectedVersion: number;
  contractValue?: Money | null;
  title?: string | null;
  reference?: string | null;
  associates?: readonly string[] | null;
  monitoredIndicators?: readonly MonitoredIndicatorRequest[] | null;
}

export interface ApplyNoticeActionRequest {
  noticeId: string;
  expectedVersion: number;
  action: ContractNoticeAction;
  note?: string | null;
  meetingOn?: string | null;
  responseMeetingBy?: string | null;
}

export interface AgreePlanRequest {
  noticeId: string;
  expectedVersion: number;
  agreedOn: string;
  summary: string;
  actions: readonly { description: string; owner: string; dueOn: string; status?: RemedialActionStatus | null }[];
  trajectory: readonly { indicatorCode: string; month: string; value: number }[];
}

export interface TermsRequest {
  financialYear: string;
  meetingWithinOperationalDays: number;
  investigationReportOperationalDays: number;
  rapAgreeWithinOperationalDays: number;
  withholdingPercent: string;
  withholdingRetainedAfterMonths: number;
  source: string;
}

/** A contract with its associates and monitored indicators, as loaded. */
interface ContractRecord {
  contract: ContractEntity;
  associates: string[];
  indicators: ContractIndicatorEntity[];
}

/** Every stored move is made by the lead commissioner's commissioning manager (the lifecycle's only acting kind). */
const MOVE_ACTOR_KIND: ContractNoticeActorKind = 'LEAD_COMMISSIONER';

/** The input fields each of the domain's refusals of a move concerns. */
const MOVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  INVALID_TRANSITION: ['action'],
  UNKNOWN_CONTRACT_NOTICE_ACTION: ['action'],
  REASON_REQUIRED: ['note'],
  MEETING_DATE_REQUIRED: ['meetingOn'],
};

/**
 * Provider contracts (issue 15; decision 0022): contracts, breach proposals, contract performance notices through the
 * GC9 lifecycle (the domain's transition table), remedial action plans and trajectories, and the GC9 terms. One
 * transaction per change with its audit row; object-level checks in contract-access.ts.
 */
export class ContractsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
  ) {}

  // ---- reads ---------------------------------------------------------------------------------------

  /** The contracts the CCG leads or is associate to (of the year, when given), by provider. */
  async contractsOf(viewer: Viewer, ccg: string, financialYear: string | null): Promise<Contract[]> {
    const code = ccg.trim().toUpperCase();
    await this.requireOrganisation(this.dataSource.manager, code, 'CCG', 'ccg');
    assertMayListContractsOf(viewer, code);
    const year = financialYear === null ? null : requireFinancialYear(financialYear).label;
    const query = this.dataSource
      .getRepository(ContractEntity)
      .createQueryBuilder('c')
      .where('(c.lead_commissioner_code = :code OR EXISTS (SELECT 1 FROM contract_associate a WHERE a.contract_id = c.id AND a.commissioner_code = :code))', { code });
    if (year) query.andWhere('c.financial_year = :year', { year });
    const contracts = await query.orderBy('c.financial_year', 'DESC').addOrderBy('c.provider_code').getMany();
    return (await this.records(this.dataSource.manager, contracts)).map(toContract);
  }

  /** One contract; null when there is none; FORBIDDEN for a viewer who may not read it. */
  async contract(viewer: Viewer, id: string): Promise<Contract | null> {
    const contract = await this.dataSource.getRepository(ContractEntity).findOneBy({ id });
    if (!contract) return null;
    const [record] = await this.records(this.dataSource.manager, [contract]);
    assertMayReadContract(viewer, partiesOf(record));
    return toContract(record);
  }

  /** The provider's contracts the viewer may read, newest year first. */
  async providerContracts(viewer: Viewer, provider: string): Promise<Contract[]> {
    const code = provider.trim().toUpperCase();
    const contracts = await this.dataSource.getRepository(ContractEntity).find({ where: { providerCode: code }, order: { financialYear: 'DESC', leadCommissionerCode: 'ASC' } });
    return (await this.records(this.dataSource.manager, contracts)).filter((record) => mayReadContract(viewer, partiesOf(record))).map(toContract);
  }

  /** The monitored indicators of a contract with their latest stored scores within its financial year. */
  async monitoredIndicators(contract: Contract): Promise<MonitoredIndicator[]> {
    const evidence = await evidenceOf(
      this.dataSource.manager,
      contract.providerCode,
      contract.monitored.map((m) => ({ indicatorCode: m.indicatorCode, localThreshold: m.thresholdSource === ThresholdSource.LOCAL ? m.threshold : null })),
      parseFinancialYear(contract.financialYear).end,
    );
    const byCode = new Map(evidence.map((e) => [e.indicatorCode, e]));
    const polarities = await this.polarities(contract.monitored.map((m) => m.indicatorCode));
    return contract.monitored.map((m) => {
      const latest = byCode.get(m.indicatorCode);
      const threshold = m.thresholdSource === ThresholdSource.LOCAL ? m.threshold : (latest?.threshold ?? null);
      const polarity = polarities.get(m.indicatorCode);
      const meets =
        latest === undefined || threshold === null || polarity === 'NEUTRAL' ? null : polarity === 'LOWER_IS_BETTER' ? latest.value <= threshold : latest.value >= threshold;
      return {
        indicatorCode: m.indicatorCode,
        threshold,
        thresholdSource: m.thresholdSource,
        period: latest?.period ?? null,
        periodLabel: latest?.periodLabel ?? null,
        value: latest?.value ?? null,
        meetsThreshold: meets,
        rag: latest?.rag ?? null,
        variationType: latest?.variationType ?? null,
        assuranceType: latest?.assuranceType ?? null,
      };
    });
  }

  /** The notices of a contract, newest first. */
  async noticesOf(contractId: string): Promise<ContractNotice[]> {
    const notices = await this.dataSource.getRepository(ContractNoticeEntity).find({ where: { contractId }, order: { createdAt: 'DESC' } });
    return Promise.all(notices.map((notice) => this.toNotice(this.dataSource.manager, notice)));
  }

  /** One notice; null when there is none; FORBIDDEN for a viewer who may not read its contract. */
  async notice(viewer: Viewer, id: string): Promise<ContractNotice | null> {
    const notice = await this.dataSource.getRepository(ContractNoticeEntity).findOneBy({ id });
    if (!notice) return null;
    const record = await this.record(this.dataSource.manager, notice.contractId);
    assertMayReadContract(viewer, partiesOf(record));
    return this.toNotice(this.dataSource.manager, notice);
  }

  /** The breach proposals of a contract (of the status, when given), newest period first. */
  async breachProposalsOf(contractId: string, status: BreachProposalStatus | null): Promise<BreachProposal[]> {
    const rows = await this.dataSource
      .getRepository(ContractBreachProposalEntity)
      .createQueryBuilder('b')
      .innerJoin('period', 'p', 'p.id = b.period_id')
      .select(['b.id', 'b.contractId', 'b.indicatorCode', 'b.reasons', 'b.evidence', 'b.status', 'b.dismissedReason', 'b.createdAt'])
      .where('b.contract_id = :contractId', { contractId })
      .andWhere(status ? 'b.status = :status' : 'TRUE', { status })
      .orderBy('p.start_date', 'DESC')
      .addOrderBy('b.indicator_code')
      .getMany();
    return rows.map(toBreachProposal);
  }

  /** One breach proposal (after a change that the resolver answers with). */
  async breachProposal(id: string): Promise<BreachProposal> {
    return toBreachProposal(await this.dataSource.getRepository(ContractBreachProposalEntity).findOneByOrFail({ id }));
  }

  /** The remedial action plan of a notice, with the trajectory's actuals from the stored scores; null when none. */
  async planOf(noticeId: string): Promise<RemedialActionPlan | null> {
    const manager = this.dataSource.manager;
    const plan = await manager.getRepository(RemedialActionPlanEntity).findOneBy({ noticeId });
    if (!plan) return null;
    const notice = await manager.getRepository(ContractNoticeEntity).findOneByOrFail({ id: noticeId });
    const contract = await manager.getRepository(ContractEntity).findOneByOrFail({ id: notice.contractId });
    const actions = await manager.getRepository(RemedialActionEntity).find({ where: { planId: plan.id }, order: { position: 'ASC' } });
    const points = await manager.getRepository(RecoveryTrajectoryPointEntity).find({ where: { planId: plan.id }, order: { month: 'ASC', indicatorCode: 'ASC' } });
    const misses = await manager.getRepository(TrajectoryMissEntity).find({ where: { planId: plan.id }, order: { month: 'ASC', indicatorCode: 'ASC' } });
    const actuals = await storedMonthValues.rows(manager, [contract.providerCode, [...new Set(points.map((p) => p.indicatorCode))], [...new Set(points.map((p) => p.month))]]);
    const actualOf = new Map(actuals.map((row) => [`${row.indicatorCode}|${row.month}`, row]));
    return {
      id: plan.id,
      agreedOn: plan.agreedOn,
      summary: plan.summary,
      actions: actions.map((a) => ({ id: a.id, description: a.description, owner: a.owner, dueOn: a.dueOn, status: a.status as RemedialActionStatus, version: a.version })),
      trajectory: points.map((p) => {
        const actual = actualOf.get(`${p.indicatorCode}|${p.month}`);
        const value = Number(p.value);
        const met =
          actual === undefined || actual.polarity === 'NEUTRAL'
            ? null
            : compareWithTrajectory({ indicatorCode: p.indicatorCode, month: p.month, value }, actual.value, actual.polarity as TrajectoryPolarity).met;
        return { indicatorCode: p.indicatorCode, month: p.month, value, actual: actual?.value ?? null, met };
      }),
      misses: misses.map((m) => ({
        indicatorCode: m.indicatorCode,
        month: m.month,
        committedValue: Number(m.committedValue),
        actualValue: Number(m.actualValue),
        proposedNextStep: m.proposedNextStep as ContractNoticeAction,
        recordedAt: m.recordedAt,
      })),
    };
  }

  /** How many values of an issued notice's frozen evidence the data has since changed (0 for a draft). */
  async evidenceChangedSince(notice: ContractNotice): Promise<number> {
    const entity = await this.dataSource.getRepository(ContractNoticeEntity).findOneByOrFail({ id: notice.id });
    if (!entity.evidence) return 0;
    const contract = await this.dataSource.getRepository(ContractEntity).findOneByOrFail({ id: entity.contractId });
    return evidenceChangedSince(this.dataSource.manager, contract.providerCode, entity.evidence);
  }

  /** The moves the viewer may make on a notice now: the lifecycle's, for the kinds the viewer holds. */
  availableActions(viewer: Viewer | null, contract: Contract, state: ContractNoticeState): ContractNoticeAction[] {
    return availableContractNoticeActions(state, contractActorKinds(viewer, contract));
  }

  /** Whether the viewer is a commissioning manager of the lead commissioner. */
  viewerMayAct(viewer: Viewer | null, contract: Contract): boolean {
    return contractActorKinds(viewer, contract).includes('LEAD_COMMISSIONER');
  }

  /** The GC9 terms of the contract year, or null when none are recorded. */
  async termsOf(financialYear: string): Promise<ContractManagementTerms | null> {
    const terms = await this.dataSource.getRepository(ContractManagementTermsEntity).findOneBy({ financialYear });
    return terms ? toTerms(terms) : null;
  }

  /** Every year's GC9 terms, newest first. */
  async allTerms(): Promise<ContractManagementTerms[]> {
    return (await this.dataSource.getRepository(ContractManagementTermsEntity).find({ order: { financialYear: 'DESC' } })).map(toTerms);
  }

  /** A CCG's providers as at asOf: its contracted providers for the year, else the region's (basis says which). */
  async ccgProviders(ccg: string, asOf: string | null): Promise<CcgProviders> {
    const code = ccg.trim().toUpperCase();
    const view = await this.scorecards.providersOfCcg(code, asOf);
    return { ccgCode: code, providerCodes: view.providerCodes, asOf: view.asOf, basis: view.basis === 'CONTRACTS' ? ProvidersBasis.CONTRACTS : ProvidersBasis.REGION };
  }

  // ---- changes -------------------------------------------------------------------------------------

  async createContract(viewer: Viewer, requestId: string, input: CreateContractRequest): Promise<string> {
    const lead = input.leadCommissioner.trim().toUpperCase();
    const parties: ContractParties = { leadCommissionerCode: lead, associateCodes: [] };
    return this.change(viewer, requestId, async (manager, actor) => {
      await this.requireOrganisation(manager, lead, 'CCG', 'leadCommissioner');
      assertLeadCommissioner(viewer, parties);
      const provider = input.provider.trim().toUpperCase();
      await this.requireOrganisation(manager, provider, 'NHS_TRUST', 'provider');
      const year = requireFinancialYear(input.financialYear).label;
      const associates = await this.checkedAssociates(manager, lead, input.associates);
      const indicators = await this.checkedIndicators(manager, input.monitoredIndicators);
      const title = requiredText(input.title, 'TEXT_REQUIRED', 'A contract needs a title.', 'title');
      const existing = await manager.getRepository(ContractEntity).findOneBy({ providerCode: provider, financialYear: year, leadCommissionerCode: lead });
      if (existing) {
        throw new AppError('CONFLICT', 'CONTRACT_EXISTS', `${lead} already holds a ${year} contract with ${provider}.`, { contractId: existing.id, ...fieldsOf('provider', 'financialYear') });
      }
      const note = optionalText(input.illustrativeNote);
      const saved = await manager.getRepository(ContractEntity).save(
        manager.getRepository(ContractEntity).create({
          providerCode: provider,
          financialYear: year,
          leadCommissionerCode: lead,
          contractValue: input.contractValue.toString(),
          title,
          reference: optionalText(input.reference),
          illustrative: note !== null,
          illustrativeNote: note,
          createdBy: actor.userId,
          version: 1,
        }),
      );
      await this.writeParts(manager, saved.id, associates, indicators);
      await recordAudit(manager, actor, {
        action: 'CREATE_CONTRACT',
        entityType: 'contract',
        entityId: saved.id,
        after: { provider, financialYear: year, leadCommissioner: lead, associates, contractValue: input.contractValue.toString(), title, indicators, illustrative: note !== null },
      });
      return saved.id;
    });
  }

  async updateContract(viewer: Viewer, requestId: string, input: UpdateContractRequest): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const record = await this.record(manager, input.contractId);
      assertLeadCommissioner(viewer, partiesOf(record));
      await this.advance(manager, ContractEntity, 'contract', input.contractId, input.expectedVersion);
      const { contract } = record;
      const before = { contractValue: contract.contractValue, title: contract.title, reference: contract.reference, associates: record.associates, indicators: record.indicators.map(indicatorSetting) };
      const associates = input.associates != null ? await this.checkedAssociates(manager, contract.leadCommissionerCode, input.associates) : record.associates;
      const indicators = input.monitoredIndicators != null ? await this.checkedIndicators(manager, input.monitoredIndicators) : record.indicators.map(indicatorSetting);
      const after = {
        contractValue: input.contractValue != null ? input.contractValue.toString() : contract.contractValue,
        title: input.title != null ? requiredText(input.title, 'TEXT_REQUIRED', 'A contract needs a title.', 'title') : contract.title,
        reference: input.reference != null ? optionalText(input.reference) : contract.reference,
        associates,
        indicators,
      };
      await manager.getRepository(ContractEntity).update({ id: contract.id }, { contractValue: after.contractValue, title: after.title, reference: after.reference, updatedAt: new Date() });
      await manager.getRepository(ContractAssociateEntity).delete({ contractId: contract.id });
      await manager.getRepository(ContractIndicatorEntity).delete({ contractId: contract.id });
      await this.writeParts(manager, contract.id, associates, indicators);
      await recordAudit(manager, actor, { action: 'UPDATE_CONTRACT', entityType: 'contract', entityId: contract.id, before, after });
      return contract.id;
    });
  }

  async proposeNotice(viewer: Viewer, requestId: string, input: { contractId: string; indicatorCodes: readonly string[]; fromProposalId?: string | null }): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const record = await this.record(manager, input.contractId);
      const kinds = this.kindsToAct(viewer, record);
      const codes = [...new Set(input.indicatorCodes.map((code) => code.trim()))];
      const monitored = record.indicators.map((i) => i.indicatorCode);
      const unknown = codes.filter((code) => !monitored.includes(code));
      if (codes.length === 0 || unknown.length > 0) {
        throw new AppError('BAD_USER_INPUT', 'INDICATOR_NOT_MONITORED', 'A notice is about at least one indicator the contract monitors.', { unknown, monitored, ...fieldsOf('indicatorCodes') });
      }
      checkingInput(MOVE_FIELDS, ['action'], () => applyContractNoticeAction(null, { action: 'PROPOSE' }, kinds));
      let proposalId: string | null = null;
      if (input.fromProposalId) {
        const proposal = await manager.getRepository(ContractBreachProposalEntity).findOne({ where: { id: input.fromProposalId }, lock: { mode: 'pessimistic_write' } });
        if (!proposal || proposal.contractId !== record.contract.id) {
          throw new AppError('NOT_FOUND', 'BREACH_PROPOSAL_NOT_FOUND', 'No breach proposal of this contract has that id.', fieldsOf('fromProposalId'));
        }
        if (proposal.status !== BreachProposalStatus.OPEN) {
          throw new AppError('CONFLICT', 'BREACH_PROPOSAL_DECIDED', `The breach proposal is already ${proposal.status.toLowerCase()}.`, fieldsOf('fromProposalId'));
        }
        if (!codes.includes(proposal.indicatorCode)) codes.push(proposal.indicatorCode);
        await manager.getRepository(ContractBreachProposalEntity).update({ id: proposal.id }, { status: BreachProposalStatus.ACCEPTED, decidedBy: actor.userId, decidedAt: new Date() });
        proposalId = proposal.id;
      }
      const notice = await manager.getRepository(ContractNoticeEntity).save(
        manager.getRepository(ContractNoticeEntity).create({
          contractId: record.contract.id,
          status: 'DRAFT',
          indicatorCodes: codes,
          raisedFrom: proposalId ? NoticeRaisedFrom.BREACH_PROPOSAL : NoticeRaisedFrom.MANUAL,
          breachProposalId: proposalId,
          createdBy: actor.userId,
          evidence: null,
          version: 1,
        }),
      );
      await this.insertEvent(manager, { noticeId: notice.id, action: 'PROPOSE', from: null, to: 'DRAFT', actorId: actor.userId, note: null, details: { indicatorCodes: codes, fromProposalId: proposalId } });
      await recordAudit(manager, actor, {
        action: 'PROPOSE_CONTRACT_NOTICE',
        entityType: 'contract_notice',
        entityId: notice.id,
        after: { contractId: record.contract.id, status: 'DRAFT', indicatorCodes: codes, fromProposalId: proposalId },
      });
      return notice.id;
    });
  }

  async applyNoticeAction(viewer: Viewer, requestId: string, input: ApplyNoticeActionRequest, today: string): Promise<string> {
    if (input.action === 'AGREE_RAP') {
      throw new AppError('BAD_USER_INPUT', 'USE_AGREE_REMEDIAL_ACTION_PLAN', 'A remedial action plan is agreed with agreeRemedialActionPlan, which takes its actions and trajectory.', fieldsOf('action'));
    }
    return this.noticeChange(viewer, requestId, input.noticeId, input.expectedVersion, async (manager, actor, notice, record, kinds) => {
      const row = checkingInput(MOVE_FIELDS, ['action'], () => applyContractNoticeAction(notice.status, { action: input.action, note: input.note, meetingOn: input.meetingOn }, kinds));
      const changes: Partial<ContractNoticeEntity> = { status: row.to };
      const details: Record<string, unknown> = {};
      if (input.action === 'ISSUE') {
        const terms = await manager.getRepository(ContractManagementTermsEntity).findOneBy({ financialYear: record.contract.financialYear });
        const by = input.responseMeetingBy ?? (terms ? responseMeetingDue(today, terms) : null);
        if (by === null) {
          throw new AppError('BAD_USER_INPUT', 'RESPONSE_MEETING_DATE_REQUIRED', `No contract management terms are recorded for ${record.contract.financialYear}: give the date the meeting must be held by.`, fieldsOf('responseMeetingBy'));
        }
        if (by < today) throw new AppError('BAD_USER_INPUT', 'DATE_BEFORE_ISSUE', 'The meeting cannot be due before the notice is issued.', fieldsOf('responseMeetingBy'));
        const settings = record.indicators.filter((i) => notice.indicatorCodes.includes(i.indicatorCode)).map((i) => ({ indicatorCode: i.indicatorCode, localThreshold: i.threshold === null ? null : Number(i.threshold) }));
        // The contract's performance in its own year: data after the year's end belongs to the next year's contract.
        const evidence: EvidenceJson = { frozenAt: new Date().toISOString(), indicators: await evidenceOf(manager, record.contract.providerCode, settings, evidenceAsOf(record.contract.financialYear, today)) };
        Object.assign(changes, { issuedOn: today, responseMeetingBy: by, evidence });
        Object.assign(details, { issuedOn: today, responseMeetingBy: by, evidenceIndicators: evidence.indicators.map((i) => ({ indicatorCode: i.indicatorCode, period: i.period, value: i.value })) });
      }
      if (input.action === 'HOLD_MEETING') {
        const on = input.meetingOn as string;
        if (!isIsoDate(on)) throw new AppError('BAD_USER_INPUT', 'INVALID_DATE', 'The meeting date is not a date.', fieldsOf('meetingOn'));
        assertNotInFuture(on, today, 'meetingOn');
        if (notice.issuedOn && on < notice.issuedOn) throw new AppError('BAD_USER_INPUT', 'DATE_BEFORE_ISSUE', 'The meeting cannot be before the notice was issued.', fieldsOf('meetingOn'));
        changes.meetingHeldOn = on;
        details.meetingOn = on;
      }
      if (input.action === 'RESUME_MONITORING' && !(await manager.getRepository(RemedialActionPlanEntity).existsBy({ noticeId: notice.id }))) {
        throw new AppError('CONFLICT', 'RAP_REQUIRED', 'Monitoring resumes only under an agreed remedial action plan.', fieldsOf('action'));
      }
      await manager.getRepository(ContractNoticeEntity).update({ id: notice.id }, { ...changes, updatedAt: new Date() });
      await this.insertEvent(manager, { noticeId: notice.id, action: input.action, from: notice.status, to: row.to, actorId: actor.userId, note: optionalText(input.note), details });
      await recordAudit(manager, actor, {
        action: `CONTRACT_NOTICE_${input.action}`,
        entityType: 'contract_notice',
        entityId: notice.id,
        before: { status: notice.status },
        after: { status: row.to, note: optionalText(input.note), ...details },
      });
    });
  }

  async agreePlan(viewer: Viewer, requestId: string, input: AgreePlanRequest, today: string): Promise<string> {
    return this.noticeChange(viewer, requestId, input.noticeId, input.expectedVersion, async (manager, actor, notice, _record, kinds) => {
      const row = checkingInput(MOVE_FIELDS, ['action'], () => applyContractNoticeAction(notice.status, { action: 'AGREE_RAP' }, kinds));
      if (await manager.getRepository(RemedialActionPlanEntity).existsBy({ noticeId: notice.id })) {
        throw new AppError('CONFLICT', 'RAP_ALREADY_AGREED', 'This notice already has a remedial action plan.', fieldsOf('noticeId'));
      }
      if (!isIsoDate(input.agreedOn)) throw new AppError('BAD_USER_INPUT', 'INVALID_DATE', 'agreedOn is not a date.', fieldsOf('agreedOn'));
      assertNotInFuture(input.agreedOn, today, 'agreedOn');
      const summary = requiredText(input.summary, 'TEXT_REQUIRED', 'A plan needs a summary.', 'summary');
      if (input.actions.length === 0) throw new AppError('BAD_USER_INPUT', 'ACTIONS_REQUIRED', 'A remedial action plan needs at least one action.', fieldsOf('actions'));
      if (input.trajectory.length === 0) throw new AppError('BAD_USER_INPUT', 'TRAJECTORY_REQUIRED', 'A remedial action plan needs a recovery trajectory of at least one month.', fieldsOf('trajectory'));
      try {
        validateTrajectory(input.trajectory, notice.indicatorCodes);
      } catch (error) {
        // The domain names the trajectory's own fields (trajectory.<index>.<field>).
        if (error instanceof DomainError) throw new AppError('BAD_USER_INPUT', error.code, error.message, { ...error.details });
        throw error;
      }
      const actions = input.actions.map((action, index) => {
        if (!isIsoDate(action.dueOn)) throw new AppError('BAD_USER_INPUT', 'INVALID_DATE', 'An action’s due date is not a date.', fieldsOf(`actions.${index}.dueOn`));
        return {
          position: index + 1,
          description: requiredText(action.description, 'TEXT_REQUIRED', 'An action needs a description.', `actions.${index}.description`),
          owner: requiredText(action.owner, 'TEXT_REQUIRED', 'An action needs an owner.', `actions.${index}.owner`),
          dueOn: action.dueOn,
          status: action.status ?? RemedialActionStatus.NOT_STARTED,
        };
      });
      const plan = await manager.getRepository(RemedialActionPlanEntity).save(
        manager.getRepository(RemedialActionPlanEntity).create({ noticeId: notice.id, agreedOn: input.agreedOn, summary, createdBy: actor.userId, version: 1 }),
      );
      await manager.getRepository(RemedialActionEntity).insert(actions.map((action) => ({ ...action, planId: plan.id, version: 1 })));
      await manager.getRepository(RecoveryTrajectoryPointEntity).insert(input.trajectory.map((p) => ({ planId: plan.id, indicatorCode: p.indicatorCode, month: p.month, value: String(p.value) })));
      await manager.getRepository(ContractNoticeEntity).update({ id: notice.id }, { status: row.to, updatedAt: new Date() });
      await this.insertEvent(manager, { noticeId: notice.id, action: 'AGREE_RAP', from: notice.status, to: row.to, actorId: actor.userId, note: null, details: { planId: plan.id, agreedOn: input.agreedOn } });
      await recordAudit(manager, actor, {
        action: 'CONTRACT_NOTICE_AGREE_RAP',
        entityType: 'contract_notice',
        entityId: notice.id,
        before: { status: notice.status },
        after: { status: row.to, planId: plan.id, agreedOn: input.agreedOn, summary, actions, trajectory: input.trajectory },
      });
    });
  }

  async updateRemedialAction(
    viewer: Viewer,
    requestId: string,
    input: { actionId: string; expectedVersion: number; status?: RemedialActionStatus | null; owner?: string | null; dueOn?: string | null },
  ): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const action = await manager.getRepository(RemedialActionEntity).findOneBy({ id: input.actionId });
      if (!action) throw new AppError('NOT_FOUND', 'REMEDIAL_ACTION_NOT_FOUND', 'No remedial action has that id.', fieldsOf('actionId'));
      const plan = await manager.getRepository(RemedialActionPlanEntity).findOneByOrFail({ id: action.planId });
      const notice = await manager.getRepository(ContractNoticeEntity).findOneByOrFail({ id: plan.noticeId });
      assertLeadCommissioner(viewer, partiesOf(await this.record(manager, notice.contractId)));
      await this.advance(manager, RemedialActionEntity, 'remedial action', action.id, input.expectedVersion);
      if (input.dueOn != null && !isIsoDate(input.dueOn)) throw new AppError('BAD_USER_INPUT', 'INVALID_DATE', 'dueOn is not a date.', fieldsOf('dueOn'));
      const next = {
        status: input.status ?? action.status,
        owner: input.owner != null ? requiredText(input.owner, 'TEXT_REQUIRED', 'An action needs an owner.', 'owner') : action.owner,
        dueOn: input.dueOn ?? action.dueOn,
      };
      await manager.getRepository(RemedialActionEntity).update({ id: action.id }, { ...next, updatedAt: new Date() });
      await recordAudit(manager, actor, {
        action: 'UPDATE_REMEDIAL_ACTION',
        entityType: 'contract_notice',
        entityId: notice.id,
        before: { actionId: action.id, status: action.status, owner: action.owner, dueOn: action.dueOn },
        after: { actionId: action.id, ...next },
      });
      return notice.id;
    });
  }

  async dismissBreachProposal(viewer: Viewer, requestId: string, input: { proposalId: string; reason: string }): Promise<string> {
    const reason = requiredText(input.reason, 'REASON_REQUIRED', 'A dismissed breach proposal needs the reason.', 'reason');
    return this.change(viewer, requestId, async (manager, actor) => {
      const proposal = await manager.getRepository(ContractBreachProposalEntity).findOne({ where: { id: input.proposalId }, lock: { mode: 'pessimistic_write' } });
      if (!proposal) throw new AppError('NOT_FOUND', 'BREACH_PROPOSAL_NOT_FOUND', 'No breach proposal has that id.', fieldsOf('proposalId'));
      assertLeadCommissioner(viewer, partiesOf(await this.record(manager, proposal.contractId)));
      if (proposal.status !== BreachProposalStatus.OPEN) {
        throw new AppError('CONFLICT', 'BREACH_PROPOSAL_DECIDED', `The breach proposal is already ${proposal.status.toLowerCase()}.`, fieldsOf('proposalId'));
      }
      await manager.getRepository(ContractBreachProposalEntity).update({ id: proposal.id }, { status: BreachProposalStatus.DISMISSED, dismissedReason: reason, decidedBy: actor.userId, decidedAt: new Date() });
      await recordAudit(manager, actor, {
        action: 'DISMISS_CONTRACT_BREACH',
        entityType: 'contract',
        entityId: proposal.contractId,
        before: { proposalId: proposal.id, status: proposal.status },
        after: { proposalId: proposal.id, status: BreachProposalStatus.DISMISSED, reason },
      });
      return proposal.id;
    });
  }

  /** Records the GC9 figures of a contract year (administrators). */
  async updateTerms(viewer: Viewer, requestId: string, input: TermsRequest): Promise<ContractManagementTerms> {
    if (!viewer.roles.some((r) => r.role === Role.ADMIN)) throw forbidden('Only administrators edit the contract management terms.');
    const year = requireFinancialYear(input.financialYear).label;
    let percent: string;
    try {
      percent = Percentage.parse(input.withholdingPercent).toString();
    } catch {
      throw new AppError('BAD_USER_INPUT', 'INVALID_PERCENTAGE', 'withholdingPercent is a percentage from 0 to 100, such as "2".', fieldsOf('withholdingPercent'));
    }
    if (Number(percent) < 0 || Number(percent) > 100) throw new AppError('BAD_USER_INPUT', 'INVALID_PERCENTAGE', 'withholdingPercent is from 0 to 100.', fieldsOf('withholdingPercent'));
    const source = requiredText(input.source, 'TEXT_REQUIRED', 'The terms need their source.', 'source');
    return this.change(viewer, requestId, async (manager, actor) => {
      const repository = manager.getRepository(ContractManagementTermsEntity);
      const before = await repository.findOneBy({ financialYear: year });
      const next = {
        financialYear: year,
        meetingWithinOperationalDays: input.meetingWithinOperationalDays,
        investigationReportOperationalDays: input.investigationReportOperationalDays,
        rapAgreeWithinOperationalDays: input.rapAgreeWithinOperationalDays,
        withholdingPercent: percent,
        withholdingRetainedAfterMonths: input.withholdingRetainedAfterMonths,
        source,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      };
      await repository.save(repository.create(next));
      await recordAudit(manager, actor, {
        action: 'UPDATE_CONTRACT_MANAGEMENT_TERMS',
        entityType: 'contract_management_terms',
        entityId: year,
        before: before ? { ...toTerms(before) } : null,
        after: { ...next, updatedAt: undefined },
      });
      return toTerms(await repository.findOneByOrFail({ financialYear: year }));
    });
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }

  /** A change of a notice from the version the caller read, by a lead commissioner. */
  private noticeChange(
    viewer: Viewer,
    requestId: string,
    noticeId: string,
    expectedVersion: number,
    work: (manager: EntityManager, actor: AuditActor, notice: ContractNoticeEntity, record: ContractRecord, kinds: ContractNoticeActorKind[]) => Promise<void>,
  ): Promise<string> {
    return this.change(viewer, requestId, async (manager, actor) => {
      const current = await manager.getRepository(ContractNoticeEntity).findOneBy({ id: noticeId });
      if (!current) throw new AppError('NOT_FOUND', 'CONTRACT_NOTICE_NOT_FOUND', 'No contract notice has that id.', fieldsOf('noticeId'));
      const record = await this.record(manager, current.contractId);
      const kinds = this.kindsToAct(viewer, record);
      await this.advance(manager, ContractNoticeEntity, 'contract notice', noticeId, expectedVersion);
      const notice = await manager.getRepository(ContractNoticeEntity).findOneByOrFail({ id: noticeId });
      await work(manager, actor, notice, record, kinds);
      return noticeId;
    });
  }

  /** The viewer's actor kinds for the contract; FORBIDDEN for one who may not read it or holds none that acts. */
  private kindsToAct(viewer: Viewer, record: ContractRecord): ContractNoticeActorKind[] {
    assertLeadCommissioner(viewer, partiesOf(record));
    return contractActorKinds(viewer, partiesOf(record));
  }

  /** Optimistic concurrency: +1 on the row's version if it is still `expected`; CONFLICT STALE_VERSION otherwise. */
  private async advance(
    manager: EntityManager,
    entity: typeof ContractEntity | typeof ContractNoticeEntity | typeof RemedialActionEntity,
    subject: string,
    id: string,
    expected: number,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(entity)
      .set({ version: () => 'version + 1' })
      .where('id = :id AND version = :expected', { id, expected })
      .execute();
    if (result.affected !== 1) {
      throw new AppError('CONFLICT', 'STALE_VERSION', `The ${subject} has changed since you read it: read it again, then make your change.`, { id, expectedVersion: expected, ...fieldsOf('expectedVersion') });
    }
  }

  private async insertEvent(
    manager: EntityManager,
    event: { noticeId: string; action: ContractNoticeAction; from: ContractNoticeState | null; to: ContractNoticeState; actorId: string | null; note: string | null; details: Record<string, unknown> },
  ): Promise<void> {
    await manager.save(
      manager.create(ContractNoticeEventEntity, {
      noticeId: event.noticeId,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      actorId: event.actorId,
      actorKind: MOVE_ACTOR_KIND,
      note: event.note,
      details: event.details,
    }),
    );
  }

  private async record(manager: EntityManager, contractId: string): Promise<ContractRecord> {
    const contract = await manager.getRepository(ContractEntity).findOneBy({ id: contractId });
    if (!contract) throw new AppError('NOT_FOUND', 'CONTRACT_NOT_FOUND', 'No contract has that id.', fieldsOf('contractId'));
    return (await this.records(manager, [contract]))[0];
  }

  private async records(manager: EntityManager, contracts: readonly ContractEntity[]): Promise<ContractRecord[]> {
    if (contracts.length === 0) return [];
    const ids = contracts.map((c) => c.id);
    const associates = await manager.getRepository(ContractAssociateEntity).find({ where: { contractId: In(ids) }, order: { commissionerCode: 'ASC' } });
    const indicators = await manager.getRepository(ContractIndicatorEntity).find({ where: { contractId: In(ids) }, order: { indicatorCode: 'ASC' } });
    return contracts.map((contract) => ({
      contract,
      associates: associates.filter((a) => a.contractId === contract.id).map((a) => a.commissionerCode),
      indicators: indicators.filter((i) => i.contractId === contract.id),
    }));
  }

  private async requireOrganisation(manager: EntityManager, code: string, type: 'CCG' | 'NHS_TRUST', field: string): Promise<OrganisationEntity> {
    const organisation = await manager.getRepository(OrganisationEntity).findOneBy({ code });
    if (!organisation) throw new AppError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', `No organisation has the ODS code "${code}".`, { code, ...fieldsOf(field) });
    if (organisation.type !== type) {
      const reason = type === 'CCG' ? 'NOT_A_CCG' : 'NOT_A_PROVIDER';
      throw new AppError('BAD_USER_INPUT', reason, `${code} is not ${type === 'CCG' ? 'a CCG' : 'an NHS trust'}.`, { code, ...fieldsOf(field) });
    }
    return organisation;
  }

  private async checkedAssociates(manager: EntityManager, lead: string, codes: readonly string[]): Promise<string[]> {
    const associates = [...new Set(codes.map((code) => code.trim().toUpperCase()))].filter((code) => code !== lead).sort();
    for (const code of associates) await this.requireOrganisation(manager, code, 'CCG', 'associates');
    return associates;
  }

  private async checkedIndicators(manager: EntityManager, requests: readonly MonitoredIndicatorRequest[]): Promise<{ indicatorCode: string; threshold: string | null }[]> {
    const seen = new Set<string>();
    const result: { indicatorCode: string; threshold: string | null }[] = [];
    for (const [index, request] of requests.entries()) {
      const code = request.indicatorCode.trim();
      if (seen.has(code)) continue;
      seen.add(code);
      if (!(await manager.getRepository(IndicatorEntity).existsBy({ code }))) {
        throw new AppError('NOT_FOUND', 'INDICATOR_NOT_FOUND', `No indicator has the code "${code}".`, fieldsOf(`monitoredIndicators.${index}.indicatorCode`));
      }
      const local = request.localThreshold ?? null;
      if (local !== null && !Number.isFinite(local)) throw new AppError('BAD_USER_INPUT', 'INVALID_THRESHOLD', 'A local threshold is a number.', fieldsOf(`monitoredIndicators.${index}.localThreshold`));
      result.push({ indicatorCode: code, threshold: local === null ? null : String(local) });
    }
    return result;
  }

  private async writeParts(manager: EntityManager, contractId: string, associates: readonly string[], indicators: readonly { indicatorCode: string; threshold: string | null }[]): Promise<void> {
    if (associates.length > 0) await manager.getRepository(ContractAssociateEntity).insert(associates.map((commissionerCode) => ({ contractId, commissionerCode })));
    if (indicators.length > 0) {
      await manager
        .getRepository(ContractIndicatorEntity)
        .insert(indicators.map((i) => ({ contractId, indicatorCode: i.indicatorCode, threshold: i.threshold, thresholdSource: i.threshold === null ? ThresholdSource.NATIONAL : ThresholdSource.LOCAL })));
    }
  }

  private async polarities(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(IndicatorEntity).findBy({ code: In([...codes]) });
    return new Map(rows.map((row) => [row.code, row.polarity]));
  }

  private async toNotice(manager: EntityManager, notice: ContractNoticeEntity): Promise<ContractNotice> {
    const events = await manager.getRepository(ContractNoticeEventEntity).find({ where: { noticeId: notice.id }, order: { id: 'ASC' } });
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
    const users = actorIds.length === 0 ? [] : await manager.getRepository(UserEntity).findBy({ id: In(actorIds) });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const history: ContractNoticeEvent[] = events.map((e) => ({
      action: e.action as ContractNoticeAction,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      at: e.at,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      note: e.note,
      meetingOn: typeof e.details.meetingOn === 'string' ? e.details.meetingOn : null,
    }));
    let evidence: NoticeEvidence;
    if (notice.evidence) {
      const frozen = notice.evidence;
      evidence = { frozen: true, frozenAt: frozen.frozenAt ? new Date(frozen.frozenAt) : null, indicators: frozen.indicators };
    } else {
      const record = await this.record(manager, notice.contractId);
      const settings = record.indicators.filter((i) => notice.indicatorCodes.includes(i.indicatorCode)).map((i) => ({ indicatorCode: i.indicatorCode, localThreshold: i.threshold === null ? null : Number(i.threshold) }));
      evidence = { frozen: false, frozenAt: null, indicators: await evidenceOf(manager, record.contract.providerCode, settings, parseFinancialYear(record.contract.financialYear).end) };
    }
    const plan = await manager.getRepository(RemedialActionPlanEntity).findOneBy({ noticeId: notice.id });
    const latestMiss = plan ? await manager.getRepository(TrajectoryMissEntity).findOne({ where: { planId: plan.id }, order: { month: 'DESC', recordedAt: 'DESC' } }) : null;
    const proposed = latestMiss && availableContractNoticeActions(notice.status, ['LEAD_COMMISSIONER']).includes(latestMiss.proposedNextStep as ContractNoticeAction) ? (latestMiss.proposedNextStep as ContractNoticeAction) : null;
    return {
      id: notice.id,
      contractId: notice.contractId,
      status: notice.status,
      statusLabel: CONTRACT_NOTICE_STATE_LABELS[notice.status],
      issuedOn: notice.issuedOn,
      responseMeetingBy: notice.responseMeetingBy,
      meetingHeldOn: notice.meetingHeldOn,
      indicatorCodes: notice.indicatorCodes,
      raisedFrom: notice.raisedFrom as NoticeRaisedFrom,
      breachProposalId: notice.breachProposalId,
      evidence,
      history,
      proposedNextStep: proposed,
      version: notice.version,
      createdAt: notice.createdAt,
    } as ContractNotice;
  }
}

const partiesOf = (record: ContractRecord): ContractParties => ({ leadCommissionerCode: record.contract.leadCommissionerCode, associateCodes: record.associates });

const indicatorSetting = (i: ContractIndicatorEntity) => ({ indicatorCode: i.indicatorCode, threshold: i.threshold });

function toContract(record: ContractRecord): Contract {
  const { contract } = record;
  return {
    id: contract.id,
    providerCode: contract.providerCode,
    leadCommissionerCode: contract.leadCommissionerCode,
    associateCodes: record.associates,
    financialYear: contract.financialYear,
    contractValue: Money.parse(contract.contractValue),
    title: contract.title,
    reference: contract.reference,
    illustrative: contract.illustrative,
    illustrativeNote: contract.illustrativeNote,
    version: contract.version,
    monitored: record.indicators.map((i) => ({
      indicatorCode: i.indicatorCode,
      threshold: i.threshold === null ? null : Number(i.threshold),
      thresholdSource: i.thresholdSource as ThresholdSource,
      period: null,
      periodLabel: null,
      value: null,
      meetsThreshold: null,
      rag: null,
      variationType: null,
      assuranceType: null,
    })),
  } as Contract;
}

function toBreachProposal(row: ContractBreachProposalEntity): BreachProposal {
  const evidence = row.evidence;
  return {
    id: row.id,
    contractId: row.contractId,
    indicatorCode: row.indicatorCode,
    period: evidence.period,
    periodLabel: evidence.periodLabel,
    value: evidence.value,
    threshold: evidence.threshold,
    rag: evidence.rag,
    variationType: evidence.variationType,
    assuranceType: evidence.assuranceType,
    reasons: row.reasons as BreachReason[],
    status: row.status as BreachProposalStatus,
    dismissedReason: row.dismissedReason,
    createdAt: row.createdAt,
  } as BreachProposal;
}

function toTerms(row: ContractManagementTermsEntity): ContractManagementTerms {
  return {
    financialYear: row.financialYear,
    meetingWithinOperationalDays: row.meetingWithinOperationalDays,
    investigationReportOperationalDays: row.investigationReportOperationalDays,
    rapAgreeWithinOperationalDays: row.rapAgreeWithinOperationalDays,
    withholdingPercent: row.withholdingPercent,
    withholdingRetainedAfterMonths: row.withholdingRetainedAfterMonths,
    source: row.source,
  };
}

/** The day a notice's evidence is read as at: the end of the contract's financial year, or today if that is earlier. */
function evidenceAsOf(financialYear: string, today: string): string {
  const end = parseFinancialYear(financialYear).end;
  return end < today ? end : today;
}
