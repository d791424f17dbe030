import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, PUBLIC, roles, SIGNED_IN } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../server/request-context';
import { DateScalar } from '../server/scalars';
import { Assessment, AssuranceCategoryDefinition, AssuranceFramework, CategoryPolicy } from './assessment.type';
import { AssessmentsService } from './assessments.service';
import { describeCategories, describeFrameworks, describePolicy } from './assurance-reference';
import {
  AddAssessmentEvidenceInput,
  CommentOnAssessmentInput,
  DecideAssessmentCategoryInput,
  PublishAssessmentInput,
  RateAssessmentInput,
  RemoveAssessmentEvidenceInput,
  StartAssessmentInput,
} from './assurance.input';
import { AssuranceWorkspace, CcgAssurance } from './ccg-assurance.type';
import { today } from './today';

/**
 * Assessments (issue 7): the frameworks and policy, the assessor's workspace, one assessment, a CCG's
 * assurance (its own users and assessors) and the published view (anyone). Only assessors change
 * assessments; the CCG's own users comment. Object-level rules live in assurance-access.ts.
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

  @Query(() => AssuranceWorkspace, {
    description: "The assessor's workspace: every CCG with its current category, last assessment, next due date, draft in progress and special measures, overdue first. NHS England assessors.",
  })
  @Access(roles(Role.ASSESSOR))
  async assuranceWorkspace(
    @Ctx() context: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date to judge "overdue" at; today when omitted.' }) asOf?: string,
  ): Promise<AssuranceWorkspace> {
    return this.service(context).workspace(viewerOf(context), asOf ?? today());
  }

  @Query(() => Assessment, {
    description:
      "One assessment. A published one is public; a draft only for NHS England assessors and the CCG's own users (UNAUTHENTICATED when not signed in, FORBIDDEN NOT_YOUR_CCG otherwise). NOT_FOUND (ASSESSMENT_NOT_FOUND) when unknown.",
  })
  @Access(PUBLIC)
  async assessment(@Arg('id', () => ID, { description: 'The assessment.' }) id: string, @Ctx() context: RequestContext): Promise<Assessment> {
    return this.service(context).getAssessment(context.viewer, id);
  }

  @Query(() => CcgAssurance, {
    description:
      "A CCG's assurance with drafts: assessments, ratings by domain over time, current category and next due date, special measures with the clock and improvement plan progress, buddy, survey results. " +
      "NHS England assessors and the CCG's own users (any role held for the CCG); others FORBIDDEN, NOT_YOUR_CCG (the public use publishedAssurance). NOT_FOUND for an unknown CCG.",
  })
  @Access(SIGNED_IN)
  async ccgAssurance(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG, for example 02V.' }) ccg: string,
    @Ctx() context: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date clocks and due dates are read at; today when omitted.' }) asOf?: string,
  ): Promise<CcgAssurance> {
    return this.service(context).ccgAssurance(viewerOf(context), ccg, asOf ?? today());
  }

  @Query(() => CcgAssurance, {
    description: "A CCG's published assurance: published assessments only, and special measures once publicly notified. Public. NOT_FOUND for an unknown CCG.",
  })
  @Access(PUBLIC)
  async publishedAssurance(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG, for example 02V.' }) ccg: string,
    @Ctx() context: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date clocks and due dates are read at; today when omitted.' }) asOf?: string,
  ): Promise<CcgAssurance> {
    return this.service(context).publishedAssurance(ccg, asOf ?? today());
  }

  @Mutation(() => Assessment, {
    description:
      'Starts a draft assessment of a CCG for a quarter under the framework in force on its first day. CONFLICT, ASSESSMENT_EXISTS when the CCG has one for the quarter; BAD_USER_INPUT NOT_A_CCG, INVALID_FINANCIAL_YEAR, NO_FRAMEWORK_IN_FORCE, DATE_IN_FUTURE. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async startAssessment(@Arg('input', () => StartAssessmentInput, { description: 'The CCG, the quarter and the day.' }) input: StartAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await this.service(context).start(viewerOf(context), context.requestId, { ...input, assessedOn: input.assessedOn ?? today() }, today());
    return this.service(context).getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description:
      'Rates domains of a draft assessment (each change audited with before and after). A change that alters the proposal clears the decision. BAD_USER_INPUT UNKNOWN_DOMAIN, DUPLICATE_DOMAIN_RATING; CONFLICT STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async rateAssessment(@Arg('input', () => RateAssessmentInput, { description: 'The assessment, the version read and the ratings.' }) input: RateAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await this.service(context).rate(viewerOf(context), context.requestId, input);
    return this.service(context).getAssessment(context.viewer, id);
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
    const id = await this.service(context).decide(viewerOf(context), context.requestId, input);
    return this.service(context).getAssessment(context.viewer, id);
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
    const id = await this.service(context).addEvidence(viewerOf(context), context.requestId, input);
    return this.service(context).getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, { description: 'Removes evidence from a draft assessment. NOT_FOUND EVIDENCE_NOT_FOUND; CONFLICT STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.' })
  @Access(roles(Role.ASSESSOR))
  async removeAssessmentEvidence(
    @Arg('input', () => RemoveAssessmentEvidenceInput, { description: 'The assessment, the version read and the evidence.' }) input: RemoveAssessmentEvidenceInput,
    @Ctx() context: RequestContext,
  ): Promise<Assessment> {
    const id = await this.service(context).removeEvidence(viewerOf(context), context.requestId, input);
    return this.service(context).getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description: 'Publishes a decided assessment: read-only and public from then on. CONFLICT NOT_DECIDED, STALE_VERSION, ASSESSMENT_PUBLISHED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async publishAssessment(@Arg('input', () => PublishAssessmentInput, { description: 'The assessment and the version read.' }) input: PublishAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await this.service(context).publish(viewerOf(context), context.requestId, input);
    return this.service(context).getAssessment(context.viewer, id);
  }

  @Mutation(() => Assessment, {
    description: "Responds to an assessment (draft or published) with a comment, audited. The CCG's own users (any role held for the CCG); others FORBIDDEN, NOT_YOUR_CCG. BAD_USER_INPUT COMMENT_REQUIRED for a blank one.",
  })
  @Access(SIGNED_IN)
  async commentOnAssessment(@Arg('input', () => CommentOnAssessmentInput, { description: 'The assessment and the comment.' }) input: CommentOnAssessmentInput, @Ctx() context: RequestContext): Promise<Assessment> {
    const id = await this.service(context).comment(viewerOf(context), context.requestId, input);
    return this.service(context).getAssessment(context.viewer, id);
  }

  private service(context: RequestContext): AssessmentsService {
    return new AssessmentsService(context.dataSource);
  }
}

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;
