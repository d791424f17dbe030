import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../server/request-context';
import { AddImprovementActionInput, ApplySpecialMeasuresActionInput, AssignBuddyCcgInput, ProposeSpecialMeasuresInput, UpdateImprovementActionInput } from './assurance.input';
import { CcgAssurance } from './ccg-assurance.type';
import { SpecialMeasuresService } from './special-measures.service';
import { SpecialMeasuresEpisode } from './special-measures.type';
import { today } from './today';

/**
 * Special measures (issue 7): NHS England assessors open, move and close episodes through the domain
 * library's transitions; every refused step carries the domain's code in extensions.reason.
 */
@Resolver()
export class SpecialMeasuresResolver {
  @Mutation(() => SpecialMeasuresEpisode, {
    description:
      "Proposes special measures for a CCG from its latest published category. BAD_USER_INPUT NO_PUBLISHED_ASSESSMENT, SPECIAL_MEASURES_NOT_APPLICABLE (not Not assured or Limited), TRIGGER_REQUIRED, DATE_IN_FUTURE; CONFLICT SPECIAL_MEASURES_ALREADY_OPEN. NHS England assessors.",
  })
  @Access(roles(Role.ASSESSOR))
  async proposeSpecialMeasures(
    @Arg('input', () => ProposeSpecialMeasuresInput, { description: 'The CCG, the triggers and the day.' }) input: ProposeSpecialMeasuresInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialMeasuresEpisode> {
    const id = await this.service(context).propose(viewerOf(context), context.requestId, { ...input, proposedOn: input.proposedOn ?? today() }, today());
    return this.service(context).getEpisode(id, today());
  }

  @Mutation(() => SpecialMeasuresEpisode, {
    description:
      "Takes one step of an episode (the domain library's applySpecialMeasuresAction). BAD_USER_INPUT with the domain's reason: INVALID_TRANSITION (details: from, action, allowed), DATE_BEFORE_PREVIOUS_STEP, IMPROVEMENT_DIRECTOR_REQUIRED, PROGRESS_SUMMARY_REQUIRED, ESCALATION_KIND_REQUIRED; " +
      'also IMPROVEMENT_PLAN_EMPTY (sign-off without actions), INVALID_URL, DATE_IN_FUTURE; CONFLICT STALE_VERSION. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async applySpecialMeasuresAction(
    @Arg('input', () => ApplySpecialMeasuresActionInput, { description: 'The episode, the version read and the step.' }) input: ApplySpecialMeasuresActionInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialMeasuresEpisode> {
    const id = await this.service(context).apply(viewerOf(context), context.requestId, { ...input, on: input.on ?? today() }, today());
    return this.service(context).getEpisode(id, today());
  }

  @Mutation(() => SpecialMeasuresEpisode, {
    description:
      'Adds an action (owner, due date) to the improvement plan of an open episode, from the improvement director’s appointment on. CONFLICT PLAN_NOT_STARTED (too early), EPISODE_CLOSED, STALE_VERSION; BAD_USER_INPUT TEXT_REQUIRED. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async addImprovementAction(
    @Arg('input', () => AddImprovementActionInput, { description: 'The episode, the version read and the action.' }) input: AddImprovementActionInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialMeasuresEpisode> {
    const id = await this.service(context).addAction(viewerOf(context), context.requestId, input);
    return this.service(context).getEpisode(id, today());
  }

  @Mutation(() => SpecialMeasuresEpisode, {
    description: 'Changes an action of the improvement plan of an open episode (status, owner, due date, description). NOT_FOUND IMPROVEMENT_ACTION_NOT_FOUND; CONFLICT EPISODE_CLOSED, STALE_VERSION. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async updateImprovementAction(
    @Arg('input', () => UpdateImprovementActionInput, { description: 'The action, the version read and the changes.' }) input: UpdateImprovementActionInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialMeasuresEpisode> {
    const id = await this.service(context).updateAction(viewerOf(context), context.requestId, input);
    return this.service(context).getEpisode(id, today());
  }

  @Mutation(() => CcgAssurance, {
    description:
      "Pairs a Limited-assurance CCG with a buddy CCG, or ends the pairing (buddyCcg null). BAD_USER_INPUT BUDDY_ONLY_FOR_LIMITED_ASSURANCE (the latest published category is not Limited assurance), NOT_A_CCG, BUDDY_IS_SAME_CCG. NHS England assessors. Answers the CCG's assurance.",
  })
  @Access(roles(Role.ASSESSOR))
  async assignBuddyCcg(@Arg('input', () => AssignBuddyCcgInput, { description: 'The CCG and its buddy.' }) input: AssignBuddyCcgInput, @Ctx() context: RequestContext): Promise<CcgAssurance> {
    return this.service(context).assignBuddy(viewerOf(context), context.requestId, input, today());
  }

  private service(context: RequestContext): SpecialMeasuresService {
    return new SpecialMeasuresService(context.dataSource);
  }
}

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;
