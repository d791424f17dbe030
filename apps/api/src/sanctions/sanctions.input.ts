import type { FineIncomeUse, Money, SanctionCountUnit, SanctionLedgerAction, SanctionMeasure } from '@ccg-assure/domain';
import { IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../server/scalars';
import { FineIncomeUseEnum, SanctionCountUnitEnum, SanctionLedgerActionEnum, SanctionMeasureEnum } from './sanctions-enums';

const MAX_TEXT = 4000;

@InputType({ description: 'Changes a sanction rate of the schedule (administrators).' })
export class UpdateSanctionRateInput {
  @Field(() => ID, { description: 'The schedule row.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'SanctionScheduleEntry.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => MoneyScalar, { description: 'The new sanction for each counted unit; not negative.' })
  unitValue!: Money;

  @Field(() => String, { nullable: true, description: 'A new description of what it is for; unchanged when omitted.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  description?: string | null;
}

@InputType({ description: 'Records or changes a local sanction of a contract (matched by code).' })
export class SetLocalSanctionInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId!: string;

  @Field(() => String, { description: 'Its code: 2 to 60 capitals, digits and underscores, for example LOCAL_AE_4HR.' })
  @MaxLength(60)
  code!: string;

  @Field(() => String, { description: 'What it is for.' })
  @MaxLength(MAX_TEXT)
  description!: string;

  @Field(() => SanctionCountUnitEnum, { description: 'What one counted unit is.' })
  countUnit!: SanctionCountUnit;

  @Field(() => MoneyScalar, { description: 'The sanction for each counted unit; not negative.' })
  unitValue!: Money;

  @Field(() => SanctionMeasureEnum, { nullable: true, description: 'The data that counts it (AE_FOUR_HOUR_WAIT needs count unit BREACH_BEYOND_TOLERANCE); omit for a sanction counted by hand.' })
  @IsOptional()
  measure?: SanctionMeasure | null;

  @Field(() => String, { nullable: true, description: 'Where the contract agrees it (a schedule, a clause): kept as its source.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string | null;
}

@InputType({ description: 'Calculates a month’s sanctions from the data into the contract’s ledger.' })
export class CalculateContractSanctionsInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId!: string;

  @Field(() => DateScalar, { description: 'The month: its first day, within the contract year, begun.' })
  month!: string;

  @Field(() => ID, { nullable: true, description: 'The contract performance notice to record the sums under, if any.' })
  @IsOptional()
  @IsUUID()
  noticeId?: string | null;
}

@InputType({ description: 'Records a sanction the data does not count, from a count, into the contract’s ledger.' })
export class RecordSanctionInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId!: string;

  @Field(() => String, { description: 'A sanction of the contract: a national one of its year or one of its local ones.' })
  @MaxLength(60)
  sanctionCode!: string;

  @Field(() => DateScalar, { description: 'The month: its first day, within the contract year, begun.' })
  month!: string;

  @Field(() => Int, { description: 'How many units (see the sanction’s countUnit): a whole number, zero or more.' })
  @IsInt()
  count!: number;

  @Field(() => ID, { nullable: true, description: 'The contract performance notice to record it under, if any.' })
  @IsOptional()
  @IsUUID()
  noticeId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note: where the count comes from.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string | null;
}

@InputType({ description: 'Records the month’s GC9 withholding under an issued contract performance notice.' })
export class RecordContractWithholdingInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId!: string;

  @Field(() => ID, { description: 'The issued, open notice the payment is withheld under.' })
  @IsUUID()
  noticeId!: string;

  @Field(() => DateScalar, { description: 'The month: its first day, within the contract year, begun.' })
  month!: string;

  @Field(() => String, { nullable: true, description: 'A note.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string | null;
}

@InputType({ description: 'Moves a ledger entry: APPLY, WAIVE (with a reason), RETURN or RETAIN.' })
export class ApplySanctionLedgerActionInput {
  @Field(() => ID, { description: 'The ledger entry.' })
  @IsUUID()
  entryId!: string;

  @Field(() => Int, { description: 'SanctionLedgerEntry.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => SanctionLedgerActionEnum, { description: 'The move: one of the entry’s availableActions (RECORD_INCOME_USE has its own mutation).' })
  action!: SanctionLedgerAction;

  @Field(() => String, { nullable: true, description: 'WAIVE: the reason (required).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the history.' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  note?: string | null;
}

@InputType({ description: 'Records how an applied sum’s income is used.' })
export class RecordFineIncomeUseInput {
  @Field(() => ID, { description: 'The ledger entry (APPLIED).' })
  @IsUUID()
  entryId!: string;

  @Field(() => Int, { description: 'SanctionLedgerEntry.version as last read; a stale one gets CONFLICT, STALE_VERSION.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => FineIncomeUseEnum, { description: 'Reinvested in fixing the problem, or offset against an in-year pressure.' })
  incomeUse!: FineIncomeUse;

  @Field(() => String, { description: 'What the income pays for (required: be explicit).' })
  @MaxLength(MAX_TEXT)
  note!: string;
}
