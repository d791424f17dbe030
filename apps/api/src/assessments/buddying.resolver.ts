import { todayInEngland } from '@ccg-assure/domain';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { CcgAssurance } from '../assurance-reports/ccg-assurance.type';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../server/request-context';
import { AssignBuddyCcgInput } from './assessment.input';

/** Buddying: an assessor pairs a Limited-assurance CCG with a buddy CCG. */
@Resolver()
export class BuddyingResolver {
  @Mutation(() => CcgAssurance, {
    description:
      "Pairs a Limited-assurance CCG with a buddy CCG, or ends the pairing (buddyCcg null). BAD_USER_INPUT BUDDY_ONLY_FOR_LIMITED_ASSURANCE (the latest published category is not Limited assurance), NOT_A_CCG, BUDDY_IS_SAME_CCG. NHS England assessors. Answers the CCG's assurance.",
  })
  @Access(roles(Role.ASSESSOR))
  async assignBuddyCcg(@Arg('input', () => AssignBuddyCcgInput, { description: 'The CCG and its buddy.' }) input: AssignBuddyCcgInput, @Ctx() context: RequestContext): Promise<CcgAssurance> {
    const viewer = context.viewer as Viewer;
    const today = todayInEngland(new Date());
    const ccgCode = await context.services.buddying.assignBuddy(viewer, context.requestId, input, today);
    return context.services.ccgAssurance.ccgAssurance(viewer, ccgCode, today);
  }
}
