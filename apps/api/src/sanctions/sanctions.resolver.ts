import { todayInEngland } from '@ccg-assure/domain';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, roles, SIGNED_IN } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { Contract } from '../contracts/contracts.type';
import type { RequestContext } from '../server/request-context';
import type { SanctionLedgerView } from './sanction-views';
import {
  ApplySanctionLedgerActionInput,
  CalculateContractSanctionsInput,
  RecordContractWithholdingInput,
  RecordFineIncomeUseInput,
  RecordSanctionInput,
  SetLocalSanctionInput,
  UpdateSanctionRateInput,
} from './sanctions.input';
import { toFineIncomeReport, toLedger, toLedgerEntry, toScheduleEntry } from './sanctions.mapper';
import { FineIncomeReport, SanctionLedger, SanctionLedgerEntry, SanctionScheduleEntry } from './sanctions.type';

// Sanctions and fine income (issue 15 item 5, decision 0023). Readers of a ledger: the contract's lead and associate
// commissioning managers and finance officers, analysts, NHS England assessors; movers: the lead's commissioning
// managers and finance officers (object checks in SanctionsService).

const LEDGER_READERS = [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER, Role.ANALYST, Role.ASSESSOR];
const LEDGER_ACTORS = [Role.COMMISSIONING_MANAGER, Role.FINANCE_OFFICER];
const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

/** One ledger loader per request (a list of contracts costs a fixed number of queries), kept beside the request's context. */
const ledgerLoaders = new WeakMap<RequestContext, DataLoader<string, SanctionLedgerView | null>>();
function ledgerLoader(context: RequestContext): DataLoader<string, SanctionLedgerView | null> {
  let loader = ledgerLoaders.get(context);
  if (!loader) {
    loader = new DataLoader<string, SanctionLedgerView | null>((ids) => context.services.sanctions.ledgersOf(context.viewer, ids));
    ledgerLoaders.set(context, loader);
  }
  return loader;
}

async function entryOf(context: RequestContext, id: string): Promise<SanctionLedgerEntry> {
  const [entry] = await context.services.sanctions.entries(context.viewer, [id]);
  if (!entry) throw new Error(`ledger entry ${id} not readable after it was written`);
  return toLedgerEntry(entry);
}

@Resolver()
export class SanctionsResolver {
  @Query(() => [SanctionScheduleEntry], {
    description: 'The national sanctions of a contract year (NHS Standard Contract), in order, with their sources; empty for a year with none recorded. BAD_USER_INPUT INVALID_FINANCIAL_YEAR. Any signed-in user.',
  })
  @Access(SIGNED_IN)
  async sanctionSchedule(
    @Arg('financialYear', () => String, { description: 'The contract year, for example 2013/14.' }) financialYear: string,
    @Ctx() context: RequestContext,
  ): Promise<SanctionScheduleEntry[]> {
    return (await context.services.sanctions.nationalSchedule(financialYear)).map(toScheduleEntry);
  }

  @Query(() => SanctionLedger, {
    description:
      'A contract’s sanctions ledger (also Contract.sanctionLedger). NOT_FOUND CONTRACT_NOT_FOUND; FORBIDDEN unless a commissioning manager or finance officer of the lead or an associate CCG, an analyst or an NHS England assessor.',
  })
  @Access(roles(...LEDGER_READERS))
  async sanctionLedger(@Arg('contractId', () => ID, { description: 'The contract.' }) contractId: string, @Ctx() context: RequestContext): Promise<SanctionLedger> {
    return toLedger(await context.services.sanctions.ledger(context.viewer, contractId));
  }

  @Query(() => FineIncomeReport, {
    description:
      'How a CCG’s fine income of a year is used: applied sums by use (reinvested in the fix, or offset against an in-year pressure) and the rest by status, over the contracts it leads or is associate to. BAD_USER_INPUT INVALID_FINANCIAL_YEAR, NOT_A_CCG; NOT_FOUND ORGANISATION_NOT_FOUND; FORBIDDEN unless the CCG’s commissioning manager or finance officer, an analyst or an assessor.',
  })
  @Access(roles(...LEDGER_READERS))
  async fineIncomeReport(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Arg('financialYear', () => String, { description: 'The financial year, for example 2016/17.' }) financialYear: string,
    @Ctx() context: RequestContext,
  ): Promise<FineIncomeReport> {
    return toFineIncomeReport(await context.services.sanctions.fineIncomeReport(context.viewer, ccg, financialYear));
  }

  @Mutation(() => SanctionScheduleEntry, {
    description: 'Changes a sanction rate of the schedule, audited. BAD_USER_INPUT NEGATIVE_AMOUNT, TEXT_REQUIRED; NOT_FOUND SANCTION_NOT_FOUND; CONFLICT STALE_VERSION. Administrators.',
  })
  @Access(roles(Role.ADMIN))
  async updateSanctionRate(
    @Arg('input', () => UpdateSanctionRateInput, { description: 'The row, the version read and the new rate.' }) input: UpdateSanctionRateInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionScheduleEntry> {
    return toScheduleEntry(await context.services.sanctions.updateSanctionRate(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => SanctionScheduleEntry, {
    description:
      'Records or changes (by code) a local sanction of a contract: what it is for, its rate, and whether the A&E data counts it. Audited. BAD_USER_INPUT INVALID_SANCTION_CODE, TEXT_REQUIRED, MEASURE_NEEDS_TOLERANCE, NEGATIVE_AMOUNT; FORBIDDEN ACTION_NOT_PERMITTED. A commissioning manager of the lead commissioner, or an administrator.',
  })
  @Access(roles(Role.COMMISSIONING_MANAGER, Role.ADMIN))
  async setLocalSanction(
    @Arg('input', () => SetLocalSanctionInput, { description: 'The contract and the sanction.' }) input: SetLocalSanctionInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionScheduleEntry> {
    return toScheduleEntry(await context.services.sanctions.setLocalSanction(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => [SanctionLedgerEntry], {
    description:
      'Calculates the month’s sanctions the data allows into the ledger, as CALCULATED: the A&E four-hour breaches beyond the standard’s tolerance (the contract’s AE_4HR_ALL threshold, else the national standard), priced at the national rate of the contract year if it has one, else the contract’s local rate; exact to the penny. ' +
      'BAD_USER_INPUT NO_SANCTION_RATE, NO_DATA_FOR_MONTH, MONTH_NOT_IN_CONTRACT_YEAR, DATE_IN_FUTURE, NOTICE_NOT_OF_CONTRACT; CONFLICT ALREADY_IN_LEDGER; FORBIDDEN ACTION_NOT_PERMITTED. The lead commissioner’s commissioning managers and finance officers.',
  })
  @Access(roles(...LEDGER_ACTORS))
  async calculateContractSanctions(
    @Arg('input', () => CalculateContractSanctionsInput, { description: 'The contract and the month.' }) input: CalculateContractSanctionsInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionLedgerEntry[]> {
    const ids = await context.services.sanctions.calculate(viewerOf(context), context.requestId, input, todayInEngland(new Date()));
    return Promise.all(ids.map((id) => entryOf(context, id)));
  }

  @Mutation(() => SanctionLedgerEntry, {
    description:
      'Records a sanction counted by hand (one the data does not count), priced from the contract’s schedule, as CALCULATED. BAD_USER_INPUT UNKNOWN_SANCTION, INVALID_SANCTION_COUNT, MONTH_NOT_IN_CONTRACT_YEAR, DATE_IN_FUTURE; CONFLICT ALREADY_IN_LEDGER; FORBIDDEN ACTION_NOT_PERMITTED. The lead commissioner’s commissioning managers and finance officers.',
  })
  @Access(roles(...LEDGER_ACTORS))
  async recordSanction(
    @Arg('input', () => RecordSanctionInput, { description: 'The contract, the sanction, the month and the count.' }) input: RecordSanctionInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionLedgerEntry> {
    return entryOf(context, await context.services.sanctions.recordSanction(viewerOf(context), context.requestId, input, todayInEngland(new Date())));
  }

  @Mutation(() => SanctionLedgerEntry, {
    description:
      'Records the month’s withholding under GC9, as WITHHELD: the share of the monthly contract value (the annual value over twelve) that the contract year’s terms allow, rounded down to the penny. BAD_USER_INPUT NOTICE_NOT_ISSUED, NOTICE_NOT_OF_CONTRACT, NO_CONTRACT_MANAGEMENT_TERMS, MONTH_NOT_IN_CONTRACT_YEAR; CONFLICT ALREADY_IN_LEDGER; FORBIDDEN ACTION_NOT_PERMITTED. The lead commissioner’s commissioning managers and finance officers.',
  })
  @Access(roles(...LEDGER_ACTORS))
  async recordContractWithholding(
    @Arg('input', () => RecordContractWithholdingInput, { description: 'The contract, the notice and the month.' }) input: RecordContractWithholdingInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionLedgerEntry> {
    return entryOf(context, await context.services.sanctions.recordWithholding(viewerOf(context), context.requestId, input, todayInEngland(new Date())));
  }

  @Mutation(() => SanctionLedgerEntry, {
    description:
      'Moves a ledger entry (the domain’s SANCTION_LEDGER_TRANSITIONS): APPLY or WAIVE a calculated sanction, RETURN or RETAIN a withheld sum. BAD_USER_INPUT INVALID_TRANSITION (details: from, action, allowed), REASON_REQUIRED; CONFLICT STALE_VERSION; FORBIDDEN ACTION_NOT_PERMITTED. The lead commissioner’s commissioning managers and finance officers.',
  })
  @Access(roles(...LEDGER_ACTORS))
  async applySanctionLedgerAction(
    @Arg('input', () => ApplySanctionLedgerActionInput, { description: 'The entry, the version read and the move.' }) input: ApplySanctionLedgerActionInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionLedgerEntry> {
    return entryOf(context, await context.services.sanctions.applyAction(viewerOf(context), context.requestId, input));
  }

  @Mutation(() => SanctionLedgerEntry, {
    description:
      'Records how an applied sum’s income is used, with a note saying what it pays for (seed 001: be explicit about how income from fines is used). BAD_USER_INPUT INVALID_TRANSITION (not applied), INCOME_USE_NOTE_REQUIRED; CONFLICT STALE_VERSION; FORBIDDEN ACTION_NOT_PERMITTED. The lead commissioner’s commissioning managers and finance officers.',
  })
  @Access(roles(...LEDGER_ACTORS))
  async recordFineIncomeUse(
    @Arg('input', () => RecordFineIncomeUseInput, { description: 'The entry, the version read, the use and the note.' }) input: RecordFineIncomeUseInput,
    @Ctx() context: RequestContext,
  ): Promise<SanctionLedgerEntry> {
    return entryOf(context, await context.services.sanctions.recordIncomeUse(viewerOf(context), context.requestId, input));
  }
}

@Resolver(() => Contract)
export class ContractSanctionsResolver {
  @FieldResolver(() => SanctionLedger, {
    nullable: true,
    description: 'The contract’s sanctions ledger: its sums (sanctions and GC9 withholdings), their totals and the sanctions it is under; null where the viewer may not read it.',
  })
  async sanctionLedger(@Root() contract: Contract, @Ctx() context: RequestContext): Promise<SanctionLedger | null> {
    const view = await ledgerLoader(context).load(contract.id);
    return view ? toLedger(view) : null;
  }
}

export const sanctionsResolvers = [SanctionsResolver, ContractSanctionsResolver] as const;
