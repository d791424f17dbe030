import type { AssuranceCategory, CategoryRule } from '@ccg-assure/domain';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../server/scalars';
import { AssessmentStatus, AssuranceAreaTerm, AssuranceCategoryEnum, AssurancePartner, CategoryRuleEnum, EvidenceKind } from './assurance-enums';

@ObjectType({ description: 'A person who did something in assurance.' })
export class AssuranceActor {
  @Field(() => String, { description: 'The name they sign in with.' })
  username!: string;

  @Field(() => String, { description: 'The name shown to people.' })
  displayName!: string;
}

@ObjectType({ description: 'An area of a framework a CCG is rated on: a 2013/14 domain or a 2015/16 component.' })
export class AssuranceDomain {
  @Field(() => String, { description: 'Stable code, unique within its framework, for example WELL_LED.' })
  code!: string;

  @Field(() => String, { description: 'Name, for example "Well led".' })
  name!: string;

  @Field(() => String, { description: 'What the domain covers, in the source paper’s words.' })
  description!: string;

  @Field(() => Boolean, { description: 'True when the category policy in force makes the CCG Not assured if this domain is Not assured.' })
  critical!: boolean;
}

@ObjectType({ description: 'A year’s CCG assurance framework (2013/14: six domains; 2015/16: five components).' })
export class AssuranceFramework {
  @Field(() => String, { description: 'Named by the financial year it starts in: "2013-14", "2015-16".' })
  id!: string;

  @Field(() => String, { description: 'Name of the framework.' })
  name!: string;

  @Field(() => AssuranceAreaTerm, { description: 'What the framework calls its areas.' })
  areaTerm!: AssuranceAreaTerm;

  @Field(() => DateScalar, { description: 'First day in force.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null while no later framework replaces it.' })
  validTo!: string | null;

  @Field(() => [AssuranceDomain], { description: 'The domains rated, in the framework’s order.' })
  domains!: AssuranceDomain[];
}

@ObjectType({ description: 'One category of the assurance scale: what it means and what follows for the CCG.' })
export class AssuranceCategoryDefinition {
  @Field(() => AssuranceCategoryEnum, { description: 'The category.' })
  code!: AssuranceCategory;

  @Field(() => String, { description: 'Name, for example "Limited assurance (requires improvement)".' })
  name!: string;

  @Field(() => String, { description: 'When it is used (seed 003).' })
  meaning!: string;

  @Field(() => String, { description: 'What follows for the CCG: the assurance approach, support or intervention (seed 003).' })
  consequence!: string;

  @Field(() => Int, { description: 'Months from an assessment with this category to the next one, under the policy in force (risk based).' })
  reassessmentMonths!: number;
}

@ObjectType({ description: "A framework's critical domains under a category policy." })
export class CriticalDomains {
  @Field(() => String, { description: 'The framework id, for example "2015-16".' })
  framework!: string;

  @Field(() => [String], { description: 'Codes of the critical domains.' })
  domains!: string[];
}

@ObjectType({ description: 'The configurable rule that proposes an overall category from the domain ratings (DOMAIN.md "Assurance category proposal").' })
export class CategoryPolicy {
  @Field(() => String, { description: 'Identifier of the policy.' })
  id!: string;

  @Field(() => String, { description: 'The policy in words.' })
  description!: string;

  @Field(() => [CriticalDomains], { description: 'Step 1: per framework, the domains whose Not assured rating makes the CCG Not assured.' })
  criticalDomains!: CriticalDomains[];

  @Field(() => Int, { description: 'Step 2: this many Limited ratings (or more) make the CCG Limited assurance.' })
  limitedCountThreshold!: number;

  @Field(() => Int, { description: 'Step 3: this many Outstanding ratings (or more) make the CCG Outstanding ...' })
  outstandingCountThreshold!: number;

  @Field(() => AssuranceCategoryEnum, { description: '... provided no domain is rated below this category.' })
  outstandingFloor!: AssuranceCategory;
}

@ObjectType({ description: 'The rating of one domain in an assessment, with the assessor’s narrative.' })
export class DomainRating {
  @Field(() => AssuranceDomain, { description: 'The domain.' })
  domain!: AssuranceDomain;

  @Field(() => AssuranceCategoryEnum, { nullable: true, description: 'The rating; null while the domain is not yet rated.' })
  rating!: AssuranceCategory | null;

  @Field(() => String, { nullable: true, description: 'Why: the assessor’s narrative for this domain.' })
  narrative!: string | null;

  @Field(() => AssuranceActor, { nullable: true, description: 'Who last rated it; null when not rated, for illustrative data and in public views.' })
  ratedBy!: AssuranceActor | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last rated.' })
  ratedAt!: Date | null;
}

@ObjectType({ description: 'One step of the category policy as applied to an assessment’s ratings.' })
export class CategoryReason {
  @Field(() => Int, { description: 'The step, 1 to 4.' })
  step!: number;

  @Field(() => CategoryRuleEnum, { description: 'The rule of the step.' })
  rule!: CategoryRule;

  @Field(() => Boolean, { description: 'True for the step that decided the proposal (the last one).' })
  fired!: boolean;

  @Field(() => [String], { description: 'Codes of the domains that decided the step (see the domain library’s RULES.md).' })
  domains!: string[];

  @Field(() => String, { description: 'The step’s outcome in words, for example "Not Outstanding: Planning is below Good."' })
  explanation!: string;
}

@ObjectType({ description: 'The overall category the policy proposes from the domain ratings (the domain library’s proposeCategory), with its reasons.' })
export class CategoryProposal {
  @Field(() => AssuranceCategoryEnum, { description: 'The proposed category.' })
  category!: AssuranceCategory;

  @Field(() => Int, { description: 'The step that decided it, 1 to 4.' })
  step!: number;

  @Field(() => CategoryRuleEnum, { description: 'The rule of that step.' })
  rule!: CategoryRule;

  @Field(() => [CategoryReason], { description: 'Every step tried, in order; the last one fired.' })
  reasons!: CategoryReason[];

  @Field(() => String, { description: 'The id of the category policy applied.' })
  policy!: string;
}

@ObjectType({ description: 'A piece of evidence linked to an assessment: from the product (scorecards, plans, the survey) or outside it (documents, audits, partner reports).' })
export class AssessmentEvidence {
  @Field(() => ID, { description: 'Identifier of the evidence.' })
  id!: string;

  @Field(() => EvidenceKind, { description: 'What kind of evidence it is.' })
  kind!: EvidenceKind;

  @Field(() => AssurancePartner, { nullable: true, description: 'The partner, for PARTNER_REPORT; null otherwise.' })
  partner!: AssurancePartner | null;

  @Field(() => String, { nullable: true, description: 'The domain it supports; null when it bears on the whole assessment.' })
  domain!: string | null;

  @Field(() => String, { nullable: true, description: 'A reference: for evidence in the product, the form given by its EvidenceKind; otherwise a document reference.' })
  reference!: string | null;

  @Field(() => String, { nullable: true, description: 'A link (http or https).' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'What it shows.' })
  note!: string | null;

  @Field(() => AssuranceActor, { nullable: true, description: 'Who added it; null for illustrative data and in public views.' })
  addedBy!: AssuranceActor | null;

  @Field(() => GraphQLDateTime, { description: 'When it was added.' })
  addedAt!: Date;
}

@ObjectType({ description: "A response to an assessment by one of the CCG's own users." })
export class AssessmentComment {
  @Field(() => ID, { description: 'Identifier of the comment.' })
  id!: string;

  @Field(() => AssuranceActor, { description: 'Who wrote it.' })
  author!: AssuranceActor;

  @Field(() => String, { description: 'The comment.' })
  text!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was written.' })
  createdAt!: Date;
}

@ObjectType({ description: "An NHS England assessment of one CCG for one quarter, under the framework in force: ratings and narrative per domain, evidence, the proposed and decided categories, and the next assessment date." })
export class Assessment {
  @Field(() => ID, { description: 'Identifier of the assessment.' })
  id!: string;

  /** Resolved through the organisation loader. */
  ccgCode!: string;

  @Field(() => String, { description: 'The financial year, as the NHS writes it: "2015/16".' })
  financialYear!: string;

  @Field(() => Int, { description: 'The quarter of the financial year, 1 (April to June) to 4 (January to March).' })
  quarter!: number;

  @Field(() => String, { description: 'The quarter as people write it: "2015/16 Q2".' })
  quarterLabel!: string;

  @Field(() => DateScalar, { description: 'First day of the quarter.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the quarter.' })
  periodEnd!: string;

  @Field(() => AssuranceFramework, { description: 'The framework in force on the first day of the quarter, whose domains are rated.' })
  framework!: AssuranceFramework;

  @Field(() => AssessmentStatus, { description: 'DRAFT or PUBLISHED.' })
  status!: AssessmentStatus;

  @Field(() => Int, { description: 'Edit version: changes with every change; mutations take it as expectedVersion and a stale one gets CONFLICT, STALE_VERSION.' })
  version!: number;

  @Field(() => DateScalar, { description: 'The day of the assessment; the next assessment is due from it.' })
  assessedOn!: string;

  @Field(() => [DomainRating], { description: 'One entry per domain of the framework, in its order, rated or not.' })
  ratings!: DomainRating[];

  @Field(() => Boolean, { description: 'True when every domain is rated (the proposal exists).' })
  fullyRated!: boolean;

  @Field(() => CategoryProposal, { nullable: true, description: 'The category the policy proposes; null until every domain is rated.' })
  proposal!: CategoryProposal | null;

  @Field(() => AssuranceCategoryEnum, { nullable: true, description: 'The category the assessor decided; null until decided. Cleared when a rating change alters the proposal.' })
  decidedCategory!: AssuranceCategory | null;

  @Field(() => String, { nullable: true, description: 'The assessor’s rationale; required when the decision differs from the proposal.' })
  rationale!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the decision differs from the proposal; null until decided.' })
  differsFromProposal!: boolean | null;

  @Field(() => AssuranceActor, { nullable: true, description: 'The assessor who decided; null until decided, for illustrative data and in public views.' })
  decidedBy!: AssuranceActor | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the category was decided.' })
  decidedAt!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the next assessment is due: assessedOn plus the months the policy sets for the decided category (Outstanding 12, Good 6, Limited 3, Not assured 1); null until decided.',
  })
  nextAssessmentDue!: string | null;

  @Field(() => [AssessmentEvidence], { description: 'The evidence, in the order added.' })
  evidence!: AssessmentEvidence[];

  @Field(() => [AssessmentComment], {
    nullable: true,
    description: "Responses from the CCG's own users, oldest first; null for anyone who is neither an assessor nor one of the CCG's own users.",
  })
  comments!: AssessmentComment[] | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was published; null while a draft.' })
  publishedAt!: Date | null;

  @Field(() => AssuranceActor, { nullable: true, description: 'Who published it; null while a draft, for illustrative data and in public views.' })
  publishedBy!: AssuranceActor | null;

  @Field(() => Boolean, { description: 'True for illustrative demonstration data (embedded database only), not a real assessment.' })
  illustrative!: boolean;

  @Field(() => String, { nullable: true, description: 'What is illustrative about it; null for real data.' })
  illustrativeNote!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When it was started.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed.' })
  updatedAt!: Date;
}
