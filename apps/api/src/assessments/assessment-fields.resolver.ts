import type { AssessmentActionType } from '@ccg-assure/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organisation } from '../organisations/organisation.type';
import { toOrganisation } from '../organisations/organisation.mapper';
import type { RequestContext } from '../server/request-context';
import { Assessment } from './assessment.type';
import { AssuranceBuddy } from './assurance-buddy.type';
import { AssessmentActionEnum } from './assurance-enums';
import { AssuranceTriggers } from './assurance-trigger.type';

/** An organisation that assurance data names, through the per-request loader (one batch of names per request). */
export async function organisationOf(code: string, context: RequestContext): Promise<Organisation> {
  const row = await context.loaders.organisation.load(code);
  if (!row) throw new Error(`assurance data names organisation ${code}, which is not known`);
  return toOrganisation(row);
}

@Resolver(() => Assessment)
export class AssessmentFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG assessed.' })
  ccg(@Root() assessment: Assessment, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(assessment.ccgCode, context);
  }

  @FieldResolver(() => [AssessmentActionEnum], {
    description:
      "The moves of the assessment's lifecycle the signed-in viewer may take on it now (the domain library's assessment transition table): for an NHS England assessor RATE, DECIDE, ADD_EVIDENCE, REMOVE_EVIDENCE and PUBLISH on a draft; COMMENT for the CCG's own users; empty for the public.",
  })
  availableActions(@Root() assessment: Assessment, @Ctx() context: RequestContext): AssessmentActionType[] {
    return context.services.assessments.availableActions(context.viewer, assessment);
  }
}

@Resolver(() => AssuranceBuddy)
export class AssuranceBuddyFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The buddy CCG.' })
  ccg(@Root() buddy: AssuranceBuddy, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(buddy.buddyCode, context);
  }
}

@Resolver(() => AssuranceTriggers)
export class AssuranceTriggersFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The CCG.' })
  ccg(@Root() triggers: AssuranceTriggers, @Ctx() context: RequestContext): Promise<Organisation> {
    return organisationOf(triggers.ccgCode, context);
  }
}
