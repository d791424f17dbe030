import type { AssuranceCategory } from '@ccg-assure/domain';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../server/scalars';
import { AssurancePartner, AssuranceCategoryEnum, EvidenceKind } from './assurance-enums';

/** Longest narrative, rationale, comment or note kept: a few pages of text. */
export const MAX_TEXT_LENGTH = 10_000;
/** Longest reference, owner or name kept. */
export const MAX_SHORT_TEXT = 500;

@InputType({ description: 'Starts a draft assessment of a CCG for a quarter.' })
export class StartAssessmentInput {
  @Field(() => String, { description: 'ODS code of the CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => String, { description: 'The financial year, as the NHS writes it: "2015/16". Its framework is the one in force on the first day of the quarter.' })
  @MaxLength(20)
  financialYear!: string;

  @Field(() => Int, { description: 'The quarter, 1 (April to June) to 4 (January to March).' })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the assessment (the next one is due from it); today when omitted; never in the future.' })
  assessedOn?: string | null;
}

@InputType({ description: 'The rating and narrative of one domain.' })
export class DomainRatingInput {
  @Field(() => String, { description: 'The domain code, for example WELL_LED (see the assessment’s framework).' })
  @MaxLength(60)
  domain!: string;

  @Field(() => AssuranceCategoryEnum, { description: 'The rating.' })
  rating!: AssuranceCategory;

  @Field(() => String, { nullable: true, description: 'Why: the assessor’s narrative.' })
  @MaxLength(MAX_TEXT_LENGTH)
  narrative?: string | null;
}

/** What every change to an existing assessment names: the assessment and the version it was read at. */
@InputType({ description: 'The assessment a change is to and the version it was read at (a base of the change inputs; not in the schema itself).' })
abstract class AssessmentChangeInput {
  @Field(() => ID, { description: 'The assessment.' })
  @IsUUID()
  assessmentId!: string;

  @Field(() => Int, { description: 'Assessment.version as last read; a stale one gets CONFLICT, STALE_VERSION, and nothing changes.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: 'Rates some or all domains of a draft assessment; domains not named keep their rating.' })
export class RateAssessmentInput extends AssessmentChangeInput {
  @Field(() => [DomainRatingInput], { description: 'The ratings, each domain at most once.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  ratings!: DomainRatingInput[];
}

@InputType({ description: "The assessor's decision on the overall category of a fully rated draft assessment." })
export class DecideAssessmentCategoryInput extends AssessmentChangeInput {
  @Field(() => AssuranceCategoryEnum, { description: 'The category decided.' })
  category!: AssuranceCategory;

  @Field(() => String, { nullable: true, description: 'Why; required (BAD_USER_INPUT, RATIONALE_REQUIRED) when the category differs from the proposal.' })
  @MaxLength(MAX_TEXT_LENGTH)
  rationale?: string | null;
}

@InputType({ description: 'Links a piece of evidence to a draft assessment. A reference or a URL is required; a partner for PARTNER_REPORT only.' })
export class AddAssessmentEvidenceInput extends AssessmentChangeInput {
  @Field(() => EvidenceKind, { description: 'The kind of evidence.' })
  kind!: EvidenceKind;

  @Field(() => AssurancePartner, { nullable: true, description: 'The partner; required for PARTNER_REPORT, refused otherwise.' })
  partner?: AssurancePartner | null;

  @Field(() => String, { nullable: true, description: 'The domain it supports (a code of the assessment’s framework); the whole assessment when omitted.' })
  @MaxLength(60)
  domain?: string | null;

  @Field(() => String, { nullable: true, description: 'A reference (see EvidenceKind for the form of references to the product’s own data).' })
  @MaxLength(MAX_SHORT_TEXT)
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'A link, http or https.' })
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'What it shows.' })
  @MaxLength(MAX_TEXT_LENGTH)
  note?: string | null;
}

@InputType({ description: 'Removes a piece of evidence from a draft assessment.' })
export class RemoveAssessmentEvidenceInput extends AssessmentChangeInput {
  @Field(() => ID, { description: 'The evidence.' })
  @IsUUID()
  evidenceId!: string;
}

@InputType({ description: 'Publishes a decided assessment: it becomes read-only and public.' })
export class PublishAssessmentInput extends AssessmentChangeInput {}

@InputType({ description: "A response to an assessment from one of the CCG's own users." })
export class CommentOnAssessmentInput {
  @Field(() => ID, { description: 'The assessment.' })
  @IsUUID()
  assessmentId!: string;

  @Field(() => String, { description: 'The comment; not blank.' })
  @MaxLength(MAX_TEXT_LENGTH)
  text!: string;
}

@InputType({ description: 'Pairs a CCG whose latest published category is Limited assurance with a buddy CCG, or ends the pairing.' })
export class AssignBuddyCcgInput {
  @Field(() => String, { description: 'ODS code of the Limited-assurance CCG.' })
  @MaxLength(12)
  ccg!: string;

  @Field(() => String, { nullable: true, description: 'ODS code of the buddy CCG; null ends the pairing.' })
  @MaxLength(12)
  buddyCcg?: string | null;
}
