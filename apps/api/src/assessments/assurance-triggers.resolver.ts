import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../server/request-context';
import { AssuranceTriggers } from './assurance-trigger.type';

/** The warning signs beside the assessment form, for assessors. */
@Resolver()
export class AssuranceTriggersResolver {
  @Query(() => AssuranceTriggers, {
    description:
      "Warning signs for a CCG: indicators of the providers the scorecard grid relates to it that are consistently failing or show special-cause concern on the latest point; its latest financial plan version not compliant; an adverse forecast variance warning; " +
      'Not assured in its latest published assessment. Each says where it came from. NOT_FOUND for an unknown CCG. NHS England assessors.',
  })
  @Access(roles(Role.ASSESSOR))
  async assuranceTriggers(
    @Arg('ccg', () => String, { description: 'ODS code of the CCG.' }) ccg: string,
    @Ctx() context: RequestContext,
    @Arg('financialYear', () => String, { nullable: true, description: 'The financial plan year to judge ("2015/16"); the latest plan the CCG has when omitted.' }) financialYear?: string,
  ): Promise<AssuranceTriggers> {
    return context.services.assuranceTriggers.triggers(context.viewer as Viewer, ccg, financialYear ?? null);
  }
}
