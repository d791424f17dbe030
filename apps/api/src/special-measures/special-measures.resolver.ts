import { todayInEngland, type SpecialMeasuresActionType } from '@ccg-assure/domain';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { organisationOf } from '../assessments/assessment-fields.resolver';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisations/organisation.type';
import type { RequestContext } from '../server/request-context';
import { SpecialMeasuresActionEnum } from './special-measures-enums';
import { AddImprovementActionInput, ApplySpecialMeasuresActionInput, ProposeSpecialMeasuresInput, UpdateImprovementActionInput } from './special-measures.input';
import { SpecialMeasuresEpisode } from './special-measures.type';

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
    const today = todayInEngland(new Date());
    const id = await context.services.specialMeasures.propose(viewerOf(context), context.requestId, { ...input, proposedOn: input.proposedOn ?? today }, today);
    return context.services.specialMeasures.getEpisode(id, today);
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
    const today = todayInEngland(new Date());
    const id = await context.services.specialMeasures.apply(viewerOf(context), context.requestId, { ...input, on: input.on ?? today }, today);
    return context.services.specialMeasures.getEpisode(id, today);
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
    const id = await context.services.specialMeasures.addAction(viewerOf(context), context.requestId, input);
    return context.services.specialMeasures.getEpisode(id, todayInEngland(new Date()));
  }

  @Mutation(() => SpecialMeasuresEpisode, {
    description: 'Changes an action of the improvement plan of an open episode (status, owner, due date, description). NOT_FOUND IMPROVEMENT_ACTION_NOT_FOUND; CONFLICT EPISODE_CLOSED, STALE_VERSION. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async updateImprovementAction(
    @Arg('input', () => UpdateImprovementActionInput, { description: 'The action, the version read and the changes.' }) input: UpdateImprovementActionInput,
    @Ctx() context: RequestContext,
  ): Promise<SpecialMeasuresEpisode> {
    const id = await context.services.specialMeasures.updateAction(viewerOf(context), context.requestId, input);
    return context.services.specialMeasures.getEpisode(id, todayInEngland(new Date()));
  }
}

const viewerOf = (context: RequestContext): Viewer => context.viewer as Viewer;

@Resolver(() => SpecialMeasuresEpisode)
export class SpecialMeasuresEpisodeFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG in special measures.' })
  ccg(@Root() episode: SpecialMeasuresEpisode, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(episode.ccgCode, context);
  }

  @FieldResolver(() => [SpecialMeasuresActionEnum], {
    description: "The steps the signed-in viewer may take now (the domain library's special measures transitions): for an NHS England assessor those allowed from the state, none once closed; empty for anyone else.",
  })
  availableActions(@Root() episode: SpecialMeasuresEpisode, @Ctx() context: RequestContext): SpecialMeasuresActionType[] {
    return context.services.specialMeasures.availableActions(context.viewer, episode.state);
  }
}

/** Every resolver of the special measures area, for build-schema.ts; each is built with no arguments. */
export const specialMeasuresResolvers = [SpecialMeasuresResolver, SpecialMeasuresEpisodeFieldsResolver] as const;
