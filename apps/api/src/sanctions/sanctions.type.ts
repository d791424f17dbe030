import type { FineIncomeUse, Money, SanctionCountUnit, SanctionLedgerAction, SanctionLedgerState, SanctionMeasure, SanctionScope } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../server/scalars';
import {
  ContractPartyRole,
  FineIncomeUseEnum,
  SanctionBasis,
  SanctionCountUnitEnum,
  SanctionLedgerActionEnum,
  SanctionLedgerEntryKind,
  SanctionLedgerStatusEnum,
  SanctionMeasureEnum,
  SanctionScopeEnum,
  SanctionSourceBasis,
} from './sanctions-enums';

@ObjectType({ description: 'Where a sanction’s value comes from.' })
export class SanctionSource {
  @Field(() => SanctionSourceBasis, { description: 'A seed paper, a published figure, the product’s rule or the contract’s own terms.' })
  basis!: SanctionSourceBasis;

  @Field(() => String, { description: 'The document.' })
  document!: string;

  @Field(() => String, { nullable: true, description: 'Where in it, if known.' })
  locator!: string | null;

  @Field(() => String, { description: 'The words the value rests on.' })
  text!: string;
}

@ObjectType({ description: 'A sanction rate: a national sanction of a contract year, or a contract’s local sanction. Reference data: administrators change national rates, the lead commissioner local ones; every change is audited.' })
export class SanctionScheduleEntry {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field(() => SanctionScopeEnum, { description: 'National or local.' })
  scope!: SanctionScope;

  @Field(() => String, { description: 'The contract year, for example 2013/14.' })
  financialYear!: string;

  @Field(() => ID, { nullable: true, description: 'The contract of a local sanction; null for a national one.' })
  contractId!: string | null;

  @Field(() => String, { description: 'The sanction’s code, for example RTT_52_WEEK_WAIT.' })
  code!: string;

  @Field(() => String, { description: 'What it is for.' })
  description!: string;

  @Field(() => SanctionCountUnitEnum, { description: 'What one counted unit is.' })
  countUnit!: SanctionCountUnit;

  @Field(() => MoneyScalar, { description: 'The sanction for each counted unit.' })
  unitValue!: Money;

  @Field(() => SanctionMeasureEnum, { nullable: true, description: 'The data it is counted from; null when counted by hand.' })
  measure!: SanctionMeasure | null;

  @Field(() => [SanctionSource], { description: 'Its sources, the published figure first.' })
  sources!: SanctionSource[];

  @Field(() => Int, { description: 'The version read: updateSanctionRate names it.' })
  version!: number;

  @Field(() => GraphQLDateTime, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'The inputs of a ledger amount, frozen when it was recorded; the fields of its basis are set, the others null.' })
export class SanctionCalculationDetail {
  @Field(() => String, { nullable: true, description: 'DATA: the indicator whose data counted it (AE_4HR_ALL).' })
  indicatorCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'DATA: A&E attendances in the month, all department types.' })
  attendances!: number | null;

  @Field(() => Int, { nullable: true, description: 'DATA: of them, attendances over four hours.' })
  breaches!: number | null;

  @Field(() => String, { nullable: true, description: 'DATA: the standard applied, percent seen within four hours ("95").' })
  standardPercent!: string | null;

  @Field(() => String, { nullable: true, description: 'DATA: NATIONAL (the standard in force) or LOCAL (the contract’s threshold).' })
  thresholdSource!: string | null;

  @Field(() => Int, { nullable: true, description: 'DATA: the breaches the standard tolerates, rounded down to whole patients.' })
  toleratedBreaches!: number | null;

  @Field(() => Int, { nullable: true, description: 'DATA: the breaches beyond the tolerance: the count charged.' })
  excessBreaches!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'GC9: the annual contract value.' })
  annualContractValue!: Money | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'GC9: the monthly contract value (the annual over twelve, rounded down to the penny for display).' })
  monthlyValue!: Money | null;

  @Field(() => String, { nullable: true, description: 'GC9: the share withheld, percent ("2").' })
  withholdingPercent!: string | null;

  @Field(() => String, { nullable: true, description: 'GC9: the source of the contract year’s terms.' })
  termsSource!: string | null;
}

@ObjectType({ description: 'One move of a ledger entry.' })
export class SanctionLedgerEvent {
  @Field(() => SanctionLedgerActionEnum, { description: 'The move.' })
  action!: SanctionLedgerAction;

  @Field(() => SanctionLedgerStatusEnum, { nullable: true, description: 'The status before; null when the move recorded the entry.' })
  from!: SanctionLedgerState | null;

  @Field(() => SanctionLedgerStatusEnum, { description: 'The status after.' })
  to!: SanctionLedgerState;

  @Field(() => String, { nullable: true, description: 'Who made it (display name); null if the account is gone.' })
  actorName!: string | null;

  @Field(() => String, { description: 'As whom: LEAD_COMMISSIONING_MANAGER or LEAD_FINANCE_OFFICER.' })
  actorKind!: string;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The note, the waiver reason or the income use note.' })
  note!: string | null;
}

@ObjectType({ description: 'A sum of a contract’s sanctions ledger: a sanction or a GC9 withholding, where it stands, and, once applied, how its income is used.' })
export class SanctionLedgerEntry {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => ID, { nullable: true, description: 'The contract performance notice it was recorded under, if any.' })
  noticeId!: string | null;

  @Field(() => SanctionLedgerEntryKind, { description: 'A sanction or a withholding.' })
  kind!: SanctionLedgerEntryKind;

  @Field(() => String, { nullable: true, description: 'The sanction’s code; null for a withholding.' })
  sanctionCode!: string | null;

  sanctionId!: string | null;

  @Field(() => String, { description: 'What the sum is for, as recorded.' })
  description!: string;

  @Field(() => DateScalar, { description: 'The month it is for (its first day).' })
  period!: string;

  @Field(() => Int, { nullable: true, description: 'The count charged; null for a withholding.' })
  count!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The rate for each unit, as it was when recorded; null for a withholding.' })
  unitValue!: Money | null;

  @Field(() => MoneyScalar, { description: 'The sum, exact to the penny.' })
  amount!: Money;

  @Field(() => SanctionBasis, { description: 'How the amount was obtained.' })
  basis!: SanctionBasis;

  @Field(() => SanctionCalculationDetail, { description: 'The inputs of the amount, frozen.' })
  calculation!: SanctionCalculationDetail;

  @Field(() => SanctionLedgerStatusEnum, { description: 'Where it stands.' })
  status!: SanctionLedgerState;

  @Field(() => String, { nullable: true, description: 'WAIVED: the reason.' })
  reason!: string | null;

  @Field(() => FineIncomeUseEnum, { nullable: true, description: 'APPLIED: how the income is used; null until recorded.' })
  incomeUse!: FineIncomeUse | null;

  @Field(() => String, { nullable: true, description: 'What the income pays for.' })
  incomeUseNote!: string | null;

  @Field(() => [SanctionLedgerEvent], { description: 'Every move, oldest first.' })
  history!: SanctionLedgerEvent[];

  @Field(() => [SanctionLedgerActionEnum], { description: 'The moves the viewer may make now (none for readers).' })
  availableActions!: SanctionLedgerAction[];

  @Field(() => Int, { description: 'The version read: applySanctionLedgerAction and recordFineIncomeUse name it.' })
  version!: number;

  @Field(() => GraphQLDateTime, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType({ description: 'Applied sums for one use of fine income.' })
export class FineIncomeUseTotal {
  @Field(() => FineIncomeUseEnum, { description: 'The use.' })
  use!: FineIncomeUse;

  @Field(() => MoneyScalar, { description: 'The total, exact.' })
  amount!: Money;

  @Field(() => Int, { description: 'How many sums.' })
  entries!: number;
}

@ObjectType({ description: 'Totals of ledger sums: applied income by use, and the rest by status. Exact, no rounding.' })
export class SanctionTotals {
  @Field(() => MoneyScalar, { description: 'Applied sums (income), whatever their use.' })
  applied!: Money;

  @Field(() => [FineIncomeUseTotal], { description: 'Applied sums by their recorded use; every use listed.' })
  byUse!: FineIncomeUseTotal[];

  @Field(() => MoneyScalar, { description: 'Applied sums whose use is not yet recorded.' })
  unallocated!: Money;

  @Field(() => Int, { description: 'How many applied sums have no recorded use.' })
  unallocatedEntries!: number;

  @Field(() => MoneyScalar, { description: 'Calculated, not yet applied or waived.' })
  calculated!: Money;

  @Field(() => MoneyScalar, { description: 'Withheld, not yet returned or retained.' })
  withheld!: Money;

  @Field(() => MoneyScalar, { description: 'Waived.' })
  waived!: Money;

  @Field(() => MoneyScalar, { description: 'Withheld and returned to the provider.' })
  returned!: Money;
}

@ObjectType({ description: 'A contract’s sanctions ledger: its sums, their totals, and the sanctions the contract is under.' })
export class SanctionLedger {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => [SanctionLedgerEntry], { description: 'Every sum, oldest month first.' })
  entries!: SanctionLedgerEntry[];

  @Field(() => SanctionTotals, { description: 'Totals by status and by use of income.' })
  totals!: SanctionTotals;

  @Field(() => [SanctionScheduleEntry], { description: 'The sanctions the contract is under: the national sanctions of its year, then its local ones.' })
  sanctions!: SanctionScheduleEntry[];

  @Field(() => Boolean, { description: 'Whether the viewer may record and move sums (a commissioning manager or finance officer of the lead commissioner).' })
  viewerMayAct!: boolean;
}

@ObjectType({ description: 'One contract’s part of a fine income report.' })
export class FineIncomeContractLine {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => String, { description: 'ODS code of the provider.' })
  providerCode!: string;

  @Field(() => String, { description: 'The contract’s title.' })
  title!: string;

  @Field(() => Boolean, { description: 'True for an illustrative demo contract.' })
  illustrative!: boolean;

  @Field(() => ContractPartyRole, { description: 'The CCG’s part in the contract.' })
  role!: ContractPartyRole;

  @Field(() => SanctionTotals, { description: 'The contract’s totals.' })
  totals!: SanctionTotals;
}

@ObjectType({ description: 'How a CCG’s fine income of a year is used, over the contracts it leads or is associate to (seed 001).' })
export class FineIncomeReport {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  ccg!: string;

  @Field(() => String, { description: 'The financial year, for example 2016/17.' })
  financialYear!: string;

  @Field(() => SanctionTotals, { description: 'Totals over the contracts.' })
  totals!: SanctionTotals;

  @Field(() => [FineIncomeContractLine], { description: 'Each contract’s totals.' })
  contracts!: FineIncomeContractLine[];
}
