import { todayInEngland } from '@ccg-assure/domain';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, PUBLIC, roles, SIGNED_IN } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../server/request-context';
import {
  AddAssessmentEvidenceInput,
  CommentOnAssessmentInput,
  DecideAssessmentCategoryInput,
  PublishAssessmentInput,
  RateAssessmentInput,
  RemoveAssessmentEvidenceInput,
  StartAssessmentInput,
} from './assessment.input';
import { AssessmentFieldsResolver, AssuranceBuddyFieldsResolver, AssuranceTriggersFieldsResolver } from './assessment-fields.resolver';
import { Assessment, AssuranceCategoryDefinition, AssuranceFramework, CategoryPolicy } from './assessment.type';
import { describeCategories, describeFrameworks, describePolicy } from './assurance-reference';
import { AssuranceTriggersResolver } from './assurance-triggers.resolver';
import { BuddyingResolver } from './buddying.resolver';

/**
 * Assessments (issue 7): the frameworks and policy, one assessment, and the moves of its lifecycle: only
 * assessors change assessments; the CCG's own users comment. Object-level rules live in assurance-access.ts.
 */
@Resolver()
export class AssessmentsResolver {
  @Query(() => [AssuranceFramework], { description: 'The CCG assurance frameworks (2013/14: six domains; 2015/16: five components) with their domains. Public.' })
  @Access(PUBLIC)
  assuranceFrameworks(): AssuranceFramework[] {
    return describeFrameworks();
  }

  @Query(() => [AssuranceCategoryDefinition], { description: 'The four assurance categories, best first: what each means and what follows. Public.' })
  @Access(PUBLIC)
  assuranceCategories(): AssuranceCategoryDefinition[] {
    return describeCategories();
  }

  @Query(() => CategoryPolicy, { description: 'The category policy in force: how the overall category is proposed from the domain ratings. Public.' })
  @Access(PUBLIC)
  assuranceCategoryPolicy(): CategoryPolicy {
    return describePolicy();
  }

  @Query(() => Assessment, {
    description:
      "One assessment. A published one is public; a draft only for NHS England assessors and the CCG's own users (UNAUTHENTICATED when not signed in, FORBIDDEN NOT_YOUR_CCG otherwise). NOT_FOUND (ASSESSMENT_NOT_FOUND) when unknown.",
  })
  @Access(PUBLIC)
  async assessment(@Arg('id', () => ID, { description: 'The assessment.' }) id: string, @Ctx() context: RequestContext): Promise<Assessment> {
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description:
      'Starts a draft assessment of a CCG for a quarter under the framework in force on its first day. CONFLICT, ASSESSMENT_EXISTS when the CCG has one for the quarter; BAD_USER_INPUT NOT_A_CCG, INVALID_FINANCIAL_YEAR, NO_FRAMEWORK_IN_FORCE, DATE_IN_FUTURE. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async startAssessment(@Arg('input', () => StartAssessmentInput, { description: 'The CCG, the quarter and the day.' }) input: StartAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const today = todayInEngland(new Date());
    const id = await context.services.assessments.start(viewerOf(context), context.requestId, { ...input, assessedOn: input.assessedOn ?? today }, today);
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description:
      'Rates domains of a draft assessment (each change audited with before and after). A change that alters the proposal clears the decision. BAD_USER_INPUT UNKNOWN_DOMAIN, DUPLICATE_DOMAIN_RATING; CONFLICT STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async rateAssessment(@Arg('input', () => RateAssessmentInput, { description: 'The assessment, the version read and the ratings.' }) input: RateAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await context.services.assessments.rate(viewerOf(context), context.requestId, input);
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description:
      'Decides the overall category of a fully rated draft; a category that differs from the proposal needs a rationale (BAD_USER_INPUT, RATIONALE_REQUIRED). MISSING_DOMAIN_RATING before every domain is rated; CONFLICT STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async decideAssessmentCategory(
    @Arg('input', () => DecideAssessmentCategoryInput, { description: 'The assessment, the version read, the category and the rationale.' }) input: DecideAssessmentCategoryInput,
    @Ctx() context: RequestContext,
  ): Promise<Assessment> {
    const id = await context.services.assessments.decide(viewerOf(context), context.requestId, input);
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description:
      'Links evidence to a draft assessment. BAD_USER_INPUT PARTNER_REQUIRED, PARTNER_NOT_ALLOWED, REFERENCE_OR_URL_REQUIRED, INVALID_URL, UNKNOWN_DOMAIN; CONFLICT STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async addAssessmentEvidence(
    @Arg('input', () => AddAssessmentEvidenceInput, { description: 'The assessment, the version read and the evidence.' }) input: AddAssessmentEvidenceInput,
    @Ctx() context: RequestContext,
  ): Promise<Assessment> {
    const id = await context.services.assessments.addEvidence(viewerOf(context), context.requestId, input);
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, { description: 'Removes evidence from a draft assessment. NOT_FOUND EVIDENCE_NOT_FOUND; CONFLICT STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.' })
  @Access(roles(Role.ASSESSOR))
  async removeAssessmentEvidence(
    @Arg('input', () => RemoveAssessmentEvidenceInput, { description: 'The assessment, the version read and the evidence.' }) input: RemoveAssessmentEvidenceInput,
    @Ctx() context: RequestContext,
  ): Promise<Assessment> {
    const id = await context.services.assessments.removeEvidence(viewerOf(context), context.requestId, input);
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description: 'Publishes a decided assessment: read-only and public from then on. CONFLICT NOT_DECIDED, STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async publishAssessment(@Arg('input', () => PublishAssessmentInput, { description: 'The assessment and the version read.' }) input: PublishAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await context.services.assessments.publish(viewerOf(context), context.requestId, input);
    return context.services.assessments.getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description: "Responds to an assessment (draft or published) with a comment, audited. The CCG's own users (any role held for the CCG); others FORBIDDEN, NOT_YOUR_CCG. BAD_USER_INPUT COMMENT_REQUIRED for a blank one.",
  })
  @Access(SIGNED_IN)
  async commentOnAssessment(@Arg('input', () => CommentOnAssessmentInput, { description: 'The assessment and the comment.' }) input: CommentOnAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await context.services.assessments.comment(viewerOf(context), context.requestId, input);
    return context.services.assessments.getAssessment(context.viewer, id);
  }
}

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

/** Every resolver of the assessments area, for build-schema.ts; each is built with no arguments. */
export const assessmentResolvers = [AssessmentsResolver, AssessmentFieldsResolver, AssuranceBuddyFieldsResolver, AssuranceTriggersFieldsResolver, AssuranceTriggersResolver, BuddyingResolver] as const;
