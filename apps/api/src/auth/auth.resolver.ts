import { administrationScopeOf } from '@ccg-assure/domain';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { OrganisationType } from '../organisations/organisation-type';
import type { RequestContext } from '../server/request-context';
import { Access, PUBLIC, SIGNED_IN_EVEN_BEFORE_PASSWORD_CHANGE } from './access';
import type { ViewerProfile } from './auth.service';
import { Role } from './role';
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
  @Access(SIGNED_IN_EVEN_BEFORE_PASSWORD_CHANGE)
  async signOut(@Ctx() context: RequestContext): Promise<boolean> {
    const viewer = context.viewer as Viewer;
    if (context.sessionToken) {
      await context.services.auth.signOut(context.sessionToken, { userId: viewer.userId, username: viewer.username, requestId: context.requestId });
    }
    context.sessionCookie.clear();
    return true;
  }
}

/** The viewer as GraphQL shows them; whose accounts they administer comes from their ADMIN roles' organisations. */
export function toViewerType(profile: ViewerProfile): ViewerType {
  const organisationOf = (code: string) => {
    const organisation = profile.organisations.get(code);
    return { code, name: organisation?.name ?? code, type: (organisation?.type as OrganisationType | undefined) ?? OrganisationType.OTHER };
  };
  const adminCodes = [...new Set(profile.roles.filter((assignment) => assignment.role === Role.ADMIN).map((assignment) => assignment.organisationCode))];
  const scope = administrationScopeOf(adminCodes.map((code) => ({ code, type: organisationOf(code).type })));
  return {
    mustChangePassword: profile.mustChangePassword ?? false,
    administersEveryone: scope.everyone,
    administers: scope.organisationCodes.map(organisationOf),
    id: profile.userId,
    username: profile.username,
    displayName: profile.displayName,
    roles: profile.roles.map((assignment) => ({ role: assignment.role, organisation: organisationOf(assignment.organisationCode) })),
  };
}
