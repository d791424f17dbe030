import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { OrganisationType } from '../organisations/organisation-type';
import type { RequestContext } from '../server/request-context';
import { Access, PUBLIC, SIGNED_IN } from './access';
import type { ViewerProfile } from './auth.service';
import { SignInInput } from './sign-in.input';
import type { Viewer } from './viewer';
import { ViewerType } from './viewer.type';

@Resolver()
export class AuthResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in user, or null when nobody is signed in.' })
  @Access(PUBLIC)
  async me(@Ctx() context: RequestContext): Promise<ViewerType | null> {
    return context.viewer ? toViewerType(await context.services.auth.profile(context.viewer)) : null;
  }

  @Mutation(() => ViewerType, { description: 'Signs in with a username and password and starts a session (an httpOnly cookie).' })
  @Access(PUBLIC)
  async signIn(@Arg('input', () => SignInInput, { description: 'Username and password.' }) input: SignInInput, @Ctx() context: RequestContext): Promise<ViewerType> {
    const signedIn = await context.services.auth.signIn(input.username, input.password, { requestId: context.requestId, clientAddress: context.clientAddress, userAgent: context.userAgent ?? null });
    context.sessionCookie.set(signedIn.token, signedIn.expiresAt);
    context.viewer = signedIn.viewer;
    return toViewerType(await context.services.auth.profile(signedIn.viewer));
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. Returns true.' })
  @Access(SIGNED_IN)
  async signOut(@Ctx() context: RequestContext): Promise<boolean> {
    const viewer = context.viewer as Viewer;
    if (context.sessionToken) {
      await context.services.auth.signOut(context.sessionToken, { userId: viewer.userId, username: viewer.username, requestId: context.requestId });
    }
    context.sessionCookie.clear();
    return true;
  }
}

function toViewerType(profile: ViewerProfile): ViewerType {
  return {
    id: profile.userId,
    username: profile.username,
    displayName: profile.displayName,
    roles: profile.roles.map((assignment) => {
      const organisation = profile.organisations.get(assignment.organisationCode);
      return {
        role: assignment.role,
        organisation: {
          code: assignment.organisationCode,
          name: organisation?.name ?? assignment.organisationCode,
          type: (organisation?.type as OrganisationType | undefined) ?? OrganisationType.OTHER,
        },
      };
    }),
  };
}
