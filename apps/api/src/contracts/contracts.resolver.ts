import { todayInEngland, type ContractNoticeAction } from '@ccg-assure/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { organisationOf } from '../assessments/assessment-fields.resolver';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { toIndicator } from '../indicators/indicator.mapper';
import { Indicator } from '../indicators/indicator.type';
import { Organisation } from '../organisations/organisation.type';
import { DateScalar } from '../server/scalars';
import type { RequestContext } from '../server/request-context';
import { CONTRACT_READER_ROLES } from './contract-access';
import { BreachProposalStatus, ContractNoticeActionEnum } from './contracts-enums';
import {
  AgreeRemedialActionPlanInput,
  ApplyContractNoticeActionInput,
  CreateContractInput,
  DismissBreachProposalInput,
  ProposeContractNoticeInput,
  UpdateContractInput,
  UpdateContractManagementTermsInput,
  UpdateRemedialActionInput,
} from './contracts.input';
import {
  BreachProposal,
  CcgProviders,
  Contract,
  ContractManagementTerms,
  ContractNotice,
  MonitoredIndicator,
  NoticeEvidenceIndicator,
  RemedialActionPlan,
  TrajectoryMiss,
  TrajectoryPoint,
} from './contracts.type';

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

async function indicatorOf(code: string, context: RequestContext): Promise<Indicator> {
  const row = await context.loaders.indicator.load(code);
  if (!row) throw new Error(`contract data names indicator ${code}, which is not known`);
  return toIndicator(row);
}

async function requireContract(id: string, context: RequestContext): Promise<Contract> {
  const contract = await context.services.contracts.contract(viewerOf(context), id);
  if (!contract) throw new Error(`contract ${id} is not known`);
  return contract;
}

async function requireNotice(id: string, context: RequestContext): Promise<ContractNotice> {
  const notice = await context.services.contracts.notice(viewerOf(context), id);
  if (!notice) throw new Error(`contract notice ${id} is not known`);
  return notice;
}

/**
 * Provider contracts (issue 15; decision 0022): contracts, breach proposals, contract performance notices through the
 * GC9 contract management lifecycle, remedial action plans and trajectories. Commissioning managers of the lead CCG
 * act; associates' commissioning managers and finance officers, analysts and assessors read; the public sees nothing.
 */
@Resolver()
export class ContractsResolver {
  @Query(() => [Contract], {
    description:
      "The contracts a CCG leads or is associate to (of the financial year, when given). The CCG's commissioning managers and finance officers, analysts and NHS England assessors; FORBIDDEN for anyone else.",
  })
  @Access(roles(...CONTRACT_READER_ROLES))
  contracts(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Arg('financialYear', () => String, { nullable: true, description: 'The financial year, for example 2015/16; every year when omitted.' }) financialYear: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Contract[]> {
    return context.services.contracts.contractsOf(viewerOf(context), ccg, financialYear ?? null);
  }

  @Query(() => Contract, { nullable: true, description: 'One contract; null when there is none. FORBIDDEN for a viewer who may not read it.' })
  @Access(roles(...CONTRACT_READER_ROLES))
  contract(@Arg('id', () => ID, { description: 'The contract.' }) id: string, @Ctx() context: RequestContext): Promise<Contract | null> {
    return context.services.contracts.contract(viewerOf(context), id);
  }

  @Query(() => ContractNotice, { nullable: true, description: 'One contract performance notice; null when there is none. FORBIDDEN for a viewer who may not read its contract.' })
  @Access(roles(...CONTRACT_READER_ROLES))
  contractNotice(@Arg('id', () => ID, { description: 'The notice.' }) id: string, @Ctx() context: RequestContext): Promise<ContractNotice | null> {
    return context.services.contracts.notice(viewerOf(context), id);
  }

  @Query(() => [Contract], { description: "A provider's contracts the viewer may read, newest year first (for a scorecard tile's \"propose a notice\")." })
  @Access(roles(...CONTRACT_READER_ROLES))
  providerContracts(@Arg('provider', () => String, { description: 'ODS code of the provider.' }) provider: string, @Ctx() context: RequestContext): Promise<Contract[]> {
    return context.services.contracts.providerContracts(viewerOf(context), provider);
  }

  @Query(() => CcgProviders, {
    description:
      "A CCG's providers: those it holds contracts with for the financial year of asOf (as lead or associate), else the NHS trusts of its NHS England region; `basis` says which. Signed-in readers of contracts.",
  })
  @Access(roles(...CONTRACT_READER_ROLES))
  ccgProviders(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'As at this date; the latest period with data when omitted.' }) asOf: string | null,
    @Ctx() context: RequestContext,
  ): Promise<CcgProviders> {
    return context.services.contracts.ccgProviders(ccg, asOf ?? null);
  }

  @Query(() => [ContractManagementTerms], { description: 'The figures the contract management condition (GC9) names, per contract year, newest first. Signed-in readers of contracts and administrators.' })
  @Access(roles(...CONTRACT_READER_ROLES, Role.ADMIN))
  contractManagementTerms(@Ctx() context: RequestContext): Promise<ContractManagementTerms[]> {
    return context.services.contracts.allTerms();
  }

  @Mutation(() => Contract, {
    description:
      'Records a contract. A commissioning manager of the lead commissioner. NOT_FOUND ORGANISATION_NOT_FOUND, INDICATOR_NOT_FOUND; BAD_USER_INPUT NOT_A_CCG, NOT_A_PROVIDER, INVALID_FINANCIAL_YEAR, TEXT_REQUIRED, INVALID_THRESHOLD; CONFLICT CONTRACT_EXISTS; FORBIDDEN ACTION_NOT_PERMITTED.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async createContract(@Arg('input', () => CreateContractInput, { description: 'The contract.' }) input: CreateContractInput, @Ctx() context: RequestContext): Promise<Contract> {
    const id = await context.services.contracts.createContract(viewerOf(context), context.requestId, input);
    return requireContract(id, context);
  }

  @Mutation(() => Contract, { description: 'Changes a contract (value, title, reference, associates, monitored indicators and thresholds). A commissioning manager of the lead commissioner. CONFLICT STALE_VERSION.' })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async updateContract(@Arg('input', () => UpdateContractInput, { description: 'The changes.' }) input: UpdateContractInput, @Ctx() context: RequestContext): Promise<Contract> {
    const id = await context.services.contracts.updateContract(viewerOf(context), context.requestId, input);
    return requireContract(id, context);
  }

  @Mutation(() => ContractNotice, {
    description:
      'Drafts a contract performance notice (DRAFT: not issued). A commissioning manager of the lead commissioner. BAD_USER_INPUT INDICATOR_NOT_MONITORED; NOT_FOUND BREACH_PROPOSAL_NOT_FOUND; CONFLICT BREACH_PROPOSAL_DECIDED; FORBIDDEN ACTION_NOT_PERMITTED.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async proposeContractNotice(@Arg('input', () => ProposeContractNoticeInput, { description: 'The contract and indicators.' }) input: ProposeContractNoticeInput, @Ctx() context: RequestContext): Promise<ContractNotice> {
    const id = await context.services.contracts.proposeNotice(viewerOf(context), context.requestId, input);
    return requireNotice(id, context);
  }

  @Mutation(() => ContractNotice, {
    description:
      "Makes one move of a notice through the GC9 lifecycle (the domain's transition table). BAD_USER_INPUT INVALID_TRANSITION (details: from, action, allowed), REASON_REQUIRED, MEETING_DATE_REQUIRED, RESPONSE_MEETING_DATE_REQUIRED, DATE_IN_FUTURE, DATE_BEFORE_ISSUE, USE_AGREE_REMEDIAL_ACTION_PLAN; CONFLICT STALE_VERSION, RAP_REQUIRED; FORBIDDEN ACTION_NOT_PERMITTED (associates read only).",
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async applyContractNoticeAction(@Arg('input', () => ApplyContractNoticeActionInput, { description: 'The notice, the version read and the move.' }) input: ApplyContractNoticeActionInput, @Ctx() context: RequestContext): Promise<ContractNotice> {
    const id = await context.services.contracts.applyNoticeAction(viewerOf(context), context.requestId, input, todayInEngland(new Date()));
    return requireNotice(id, context);
  }

  @Mutation(() => BreachProposal, { description: 'Dismisses an open breach proposal with a reason. A commissioning manager of the lead commissioner. BAD_USER_INPUT REASON_REQUIRED; CONFLICT BREACH_PROPOSAL_DECIDED.' })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async dismissBreachProposal(@Arg('input', () => DismissBreachProposalInput, { description: 'The proposal and the reason.' }) input: DismissBreachProposalInput, @Ctx() context: RequestContext): Promise<BreachProposal> {
    const id = await context.services.contracts.dismissBreachProposal(viewerOf(context), context.requestId, input);
    return context.services.contracts.breachProposal(id);
  }

  @Mutation(() => ContractNotice, {
    description:
      'Agrees a remedial action plan (actions and a monthly recovery trajectory) under a notice: the AGREE_RAP move. BAD_USER_INPUT ACTIONS_REQUIRED, TRAJECTORY_REQUIRED, INVALID_TRAJECTORY, INVALID_TRANSITION; CONFLICT RAP_ALREADY_AGREED, STALE_VERSION.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async agreeRemedialActionPlan(@Arg('input', () => AgreeRemedialActionPlanInput, { description: 'The plan.' }) input: AgreeRemedialActionPlanInput, @Ctx() context: RequestContext): Promise<ContractNotice> {
    const id = await context.services.contracts.agreePlan(viewerOf(context), context.requestId, input, todayInEngland(new Date()));
    return requireNotice(id, context);
  }

  @Mutation(() => ContractNotice, { description: 'Changes an action of a remedial action plan (status, owner, due date); answers the notice. NOT_FOUND REMEDIAL_ACTION_NOT_FOUND; CONFLICT STALE_VERSION.' })
  @Access(roles(Role.COMMISSIONING_MANAGER))
  async updateRemedialAction(@Arg('input', () => UpdateRemedialActionInput, { description: 'The action and the changes.' }) input: UpdateRemedialActionInput, @Ctx() context: RequestContext): Promise<ContractNotice> {
    const id = await context.services.contracts.updateRemedialAction(viewerOf(context), context.requestId, input);
    return requireNotice(id, context);
  }

  @Mutation(() => ContractManagementTerms, { description: 'Records the GC9 figures of a contract year (editable reference data). Administrators. BAD_USER_INPUT INVALID_FINANCIAL_YEAR, INVALID_PERCENTAGE, TEXT_REQUIRED.' })
  @Access(roles(Role.ADMIN))
  updateContractManagementTerms(@Arg('input', () => UpdateContractManagementTermsInput, { description: 'The figures.' }) input: UpdateContractManagementTermsInput, @Ctx() context: RequestContext): Promise<ContractManagementTerms> {
    return context.services.contracts.updateTerms(viewerOf(context), context.requestId, input);
  }
}

@Resolver(() => Contract)
export class ContractFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The provider.' })
  provider(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(contract.providerCode, context);
  }

  @FieldResolver(() => Organisation, { description: 'The lead (co-ordinating) commissioner: a CCG.' })
  leadCommissioner(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(contract.leadCommissionerCode, context);
  }

  @FieldResolver(() => [Organisation], { description: 'The associate CCGs, on whose behalf the lead commissions, by code.' })
  associates(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<Organisation[]> {
    return Promise.all(contract.associateCodes.map((code) => organisationOf(code, context)));
  }

  @FieldResolver(() => [MonitoredIndicator], { description: 'The indicators monitored, with their thresholds and latest stored scores, by code.' })
  monitoredIndicators(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<MonitoredIndicator[]> {
    return context.services.contracts.monitoredIndicators(contract);
  }

  @FieldResolver(() => [ContractNotice], { description: 'Its notices, newest first.' })
  notices(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<ContractNotice[]> {
    return context.services.contracts.noticesOf(contract.id);
  }

  @FieldResolver(() => [BreachProposal], { description: 'Its breach proposals (of the status, when given), newest period first.' })
  breachProposals(
    @Root() contract: Contract,
    @Arg('status', () => BreachProposalStatus, { nullable: true, description: 'Only those of this status.' }) status: BreachProposalStatus | null,
    @Ctx() context: RequestContext,
  ): Promise<BreachProposal[]> {
    return context.services.contracts.breachProposalsOf(contract.id, status ?? null);
  }

  @FieldResolver(() => Boolean, { description: 'True when the viewer is a commissioning manager of the lead commissioner (may act); associates and readers get false.' })
  viewerMayAct(@Root() contract: Contract, @Ctx() context: RequestContext): boolean {
    return context.services.contracts.viewerMayAct(context.viewer, contract);
  }

  @FieldResolver(() => ContractManagementTerms, { nullable: true, description: 'The GC9 figures of the contract year; null when none are recorded.' })
  managementTerms(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<ContractManagementTerms | null> {
    return context.services.contracts.termsOf(contract.financialYear);
  }
}

@Resolver(() => MonitoredIndicator)
export class MonitoredIndicatorFieldsResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() monitored: MonitoredIndicator, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOf(monitored.indicatorCode, context);
  }
}

@Resolver(() => BreachProposal)
export class BreachProposalFieldsResolver {
  @FieldResolver(() => Contract, { description: 'The contract.' })
  contract(@Root() proposal: BreachProposal, @Ctx() context: RequestContext): Promise<Contract> {
    return requireContract(proposal.contractId, context);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() proposal: BreachProposal, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOf(proposal.indicatorCode, context);
  }
}

@Resolver(() => ContractNotice)
export class ContractNoticeFieldsResolver {
  @FieldResolver(() => Contract, { description: 'The contract.' })
  contract(@Root() notice: ContractNotice, @Ctx() context: RequestContext): Promise<Contract> {
    return requireContract(notice.contractId, context);
  }

  @FieldResolver(() => [Indicator], { description: 'The indicators the notice is about.' })
  indicators(@Root() notice: ContractNotice, @Ctx() context: RequestContext): Promise<Indicator[]> {
    return Promise.all(notice.indicatorCodes.map((code) => indicatorOf(code, context)));
  }

  @FieldResolver(() => RemedialActionPlan, { nullable: true, description: 'The remedial action plan agreed under it; null until agreed.' })
  remedialActionPlan(@Root() notice: ContractNotice, @Ctx() context: RequestContext): Promise<RemedialActionPlan | null> {
    return context.services.contracts.planOf(notice.id);
  }

  @FieldResolver(() => [ContractNoticeActionEnum], {
    description: "The moves the viewer may make now (the domain's GC9 transition table): for a commissioning manager of the lead commissioner those allowed from the status; empty for associates and readers.",
  })
  async availableActions(@Root() notice: ContractNotice, @Ctx() context: RequestContext): Promise<ContractNoticeAction[]> {
    return context.services.contracts.availableActions(context.viewer, await requireContract(notice.contractId, context), notice.status);
  }

  @FieldResolver(() => Int, { description: 'How many values of the frozen evidence the data has since changed (corrected or removed); 0 while a draft.' })
  evidenceChangedSince(@Root() notice: ContractNotice, @Ctx() context: RequestContext): Promise<number> {
    return context.services.contracts.evidenceChangedSince(notice);
  }
}

@Resolver(() => NoticeEvidenceIndicator)
export class NoticeEvidenceIndicatorFieldsResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() evidence: NoticeEvidenceIndicator, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOf(evidence.indicatorCode, context);
  }
}

@Resolver(() => TrajectoryPoint)
export class TrajectoryPointFieldsResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() point: TrajectoryPoint, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOf(point.indicatorCode, context);
  }
}

@Resolver(() => TrajectoryMiss)
export class TrajectoryMissFieldsResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() miss: TrajectoryMiss, @Ctx() context: RequestContext): Promise<Indicator> {
    return indicatorOf(miss.indicatorCode, context);
  }
}

@Resolver(() => CcgProviders)
export class CcgProvidersFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() providers: CcgProviders, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(providers.ccgCode, context);
  }

  @FieldResolver(() => [Organisation], { description: 'The providers, by name.' })
  providers(@Root() providers: CcgProviders, @Ctx() context: RequestContext): Promise<Organisation[]> {
    return Promise.all(providers.providerCodes.map((code) => organisationOf(code, context)));
  }
}

/** Every resolver of the contracts area, for build-schema.ts. */
export const contractResolvers = [
  ContractsResolver,
  ContractFieldsResolver,
  MonitoredIndicatorFieldsResolver,
  BreachProposalFieldsResolver,
  ContractNoticeFieldsResolver,
  NoticeEvidenceIndicatorFieldsResolver,
  TrajectoryPointFieldsResolver,
  TrajectoryMissFieldsResolver,
  CcgProvidersFieldsResolver,
] as const;
