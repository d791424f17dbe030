import type { PerformanceReportAction, ReportActionStatus, ReportSectionKey } from '@ccg-assure/domain';
import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SHORT_TEXT, MAX_TEXT_LENGTH } from '../assessments/assessment.input';
import { DateScalar } from '../server/scalars';
import { PerformanceReportActionEnum, ReportActionStatusEnum, ReportSectionKeyEnum } from './performance-report-enums';

// Inputs of the monthly performance report (issue 17). Shapes are checked here; rules (the lifecycle, months,
// versions) in the service with the domain's functions, every refusal naming its fields in details.fields.

@InputType({ description: 'A new report for a CCG and a month (version 1, a draft). An analyst of the CCG.' })
export class PreparePerformanceReportInput {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => DateScalar, { description: 'Any day of the month reported on; the CCG was open in it and it has ended.' })
  month!: string;
}

@InputType({ description: 'A section’s commentary on a draft report. An analyst of the CCG.' })
export class UpdateReportCommentaryInput {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => Int, { description: 'The report’s rowVersion as read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ReportSectionKeyEnum, { description: 'The section.' })
  section!: ReportSectionKey;

  @Field(() => String, { description: 'The commentary; blank removes it.' })
  @MaxLength(MAX_TEXT_LENGTH)
  commentary!: string;
}

@InputType({ description: 'A note on one point of a series on a draft report; later charts of the series show it too. An analyst of the CCG.' })
export class AnnotateSeriesPointInput {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => Int, { description: 'The report’s rowVersion as read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'The indicator of the series (one of the report’s scorecard rows).' })
  @MaxLength(40)
  indicatorCode!: string;

  @Field(() => String, { description: 'ODS code of the provider of the series.' })
  @MaxLength(12)
  organisationCode!: string;

  @Field(() => DateScalar, { description: 'The point’s period (its first day), on the report’s chart of the series.' })
  period!: string;

  @Field(() => String, { description: 'The note.' })
  @MaxLength(MAX_TEXT_LENGTH)
  text!: string;
}

@InputType({ description: 'A remedial action added to a draft report. An analyst of the CCG.' })
export class AddReportActionInput {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => Int, { description: 'The report’s rowVersion as read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'ODS code of the provider it concerns; omit for the CCG’s own.' })
  @IsOptional()
  @MaxLength(12)
  providerCode?: string | null;

  @Field(() => String, { description: 'What is to be done.' })
  @MaxLength(MAX_TEXT_LENGTH)
  description!: string;

  @Field(() => String, { description: 'Who owns it (a person or a team).' })
  @MaxLength(MAX_SHORT_TEXT)
  owner!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due; omit for none.' })
  @IsOptional()
  dueOn?: string | null;
}

@InputType({ description: 'A change to a remedial action shown on a draft report: its status (closing it in this report), text, owner or date. An analyst of the CCG.' })
export class UpdateReportActionInput {
  @Field(() => ID, { description: 'The draft report the change is made in.' })
  reportId!: string;

  @Field(() => ID, { description: 'The action.' })
  actionId!: string;

  @Field(() => Int, { description: 'The action’s version as read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ReportActionStatusEnum, { nullable: true, description: 'The new status; DONE or DROPPED closes it in this report; omit to keep.' })
  @IsOptional()
  status?: ReportActionStatus | null;

  @Field(() => String, { nullable: true, description: 'The new description; omit to keep.' })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The new owner; omit to keep.' })
  @IsOptional()
  @MaxLength(MAX_SHORT_TEXT)
  owner?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The new due date; omit to keep.' })
  @IsOptional()
  dueOn?: string | null;
}

@InputType({ description: 'A move in a report’s sign-off: SUBMIT_TO_CCG, RETURN_TO_ANALYST, SIGN_FOR_CCG, SIGN_FOR_HIGHER_BOARD or RETURN_BY_HIGHER_BOARD (CORRECT has its own mutation).' })
export class ApplyPerformanceReportActionInput {
  @Field(() => ID, { description: 'The report.' })
  reportId!: string;

  @Field(() => Int, { description: 'The report’s rowVersion as read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => PerformanceReportActionEnum, { description: 'The move.' })
  action!: PerformanceReportAction;

  @Field(() => String, { nullable: true, description: 'Why (returns).' })
  @IsOptional()
  @MaxLength(MAX_TEXT_LENGTH)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'The meeting at which the report was signed off (signatures).' })
  @IsOptional()
  @MaxLength(MAX_SHORT_TEXT)
  meeting?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date it was signed off at that meeting (signatures): after the month ended, not in the future.' })
  @IsOptional()
  signedOn?: string | null;
}

@InputType({ description: 'A correction: a new version (a draft) of the latest version of a signed, published or returned report, with the reason. An analyst of the CCG.' })
export class CorrectPerformanceReportInput {
  @Field(() => ID, { description: 'The version corrected (the latest).' })
  reportId!: string;

  @Field(() => Int, { description: 'Its rowVersion as read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: 'Why the report is corrected.' })
  @MaxLength(MAX_TEXT_LENGTH)
  reason!: string;
}
