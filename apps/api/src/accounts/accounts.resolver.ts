import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, roles, SIGNED_IN, SIGNED_IN_EVEN_BEFORE_PASSWORD_CHANGE } from '../auth/access';
import { toViewerType } from '../auth/auth.resolver';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { ViewerType } from '../auth/viewer.type';
import type { AuditActor } from '../audit/audit.service';
import { OrganisationType } from '../organisations/organisation-type';
import { Organisation } from '../organisations/organisation.type';
import { AppError } from '../server/app-error';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, unlessNotSelected } from '../server/pagination';
import { selectsTotalCount } from '../server/selection';
import type { RequestContext } from '../server/request-context';
import type { AccountView, OrganisationRef, SessionView } from './account-views';
import { AccountWithOneTimePassword, UserAccount, UserAccountConnection, UserSession } from './account.type';
import type { AccountWithPassword } from './accounts.service';
import {
  AccountChangeInput,
  AccountRoleInput,
  ChangePasswordInput,
  CreateUserAccountInput,
  UpdateUserAccountInput,
  UserAccountFilter,
} from './accounts.input';

const viewerOf = (context: RequestContext) => context.viewer as Viewer;
const actorOf = (context: RequestContext): AuditActor => ({ userId: viewerOf(context).userId, username: viewerOf(context).username, requestId: context.requestId });

export const toOrganisation = (ref: OrganisationRef): Organisation => ({ code: ref.code, name: ref.name, type: ref.type as OrganisationType });

const toUserSession = (view: SessionView): UserSession => ({ ...view });

const toUserAccount = (view: AccountView): UserAccount => ({
  id: view.id,
  username: view.username,
  displayName: view.displayName,
  email: view.email,
  homeOrganisation: view.homeOrganisation ? toOrganisation(view.homeOrganisation) : null,
  status: view.status,
  createdAt: view.createdAt,
  lastSignInAt: view.lastSignInAt,
  roles: view.roles.map((role) => ({ role: role.role, organisation: toOrganisation(role.organisation) })),
  sessions: view.sessions.map(toUserSession),
  availableActions: view.availableActions,
});

const withPassword = (result: AccountWithPassword): AccountWithOneTimePassword => ({ account: toUserAccount(result.account), oneTimePassword: result.oneTimePassword });

/** User administration (administrators) and the user's own password and sessions (issue 14). */
@Resolver()
export class AccountsResolver {
  @Query(() => UserAccountConnection, { description: 'The user accounts the viewer administers, ordered by username. Administrators only.' })
  @Access(roles(Role.ADMIN))
  async userAccounts(
    @Arg('filter', () => UserAccountFilter, { nullable: true, description: 'Which accounts; all the viewer administers when absent.' }) filter: UserAccountFilter | null,
    @Arg('first', () => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 50).` }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last account of the previous page.' }) after: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UserAccountConnection> {
    const page = await context.services.accounts.list(viewerOf(context), filter ?? {}, pageSize(first), decodeCursor(after), selectsTotalCount(info));
    return {
      nodes: page.nodes.map(toUserAccount),
      totalCount: unlessNotSelected(page.totalCount),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor === null ? null : encodeCursor(page.endCursor) },
    };
  }

  @Query(() => UserAccount, {
    nullable: true,
    description: 'One user account the viewer administers. Refused as NOT_FOUND (ACCOUNT_NOT_FOUND) for any other, whether or not it exists. Administrators only.',
  })
  @Access(roles(Role.ADMIN))
  async userAccount(@Arg('id', () => ID, { description: 'The account’s id.' }) id: string, @Ctx() context: RequestContext): Promise<UserAccount> {
    return toUserAccount(await context.services.accounts.get(viewerOf(context), id));
  }

  @Query(() => [Organisation], {
    description:
      'The commissioning organisations the viewer may make an account’s home or give roles for, by name: every one for an administrator of NHS England, their own for another administrator. Administrators only.',
  })
  @Access(roles(Role.ADMIN))
  async administrableOrganisations(
    @Arg('search', () => String, { nullable: true, description: 'Part of the ODS code or name (case-insensitive).' }) search: string | null,
    @Arg('first', () => Int, { nullable: true, description: `How many at most, 1 to ${MAX_PAGE_SIZE} (default 50).` }) first: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Organisation[]> {
    if (search && search.length > 200) throw new AppError('BAD_USER_INPUT', 'SEARCH_TOO_LONG', 'Search for at most 200 characters.', { fields: ['search'] });
    return (await context.services.accounts.administrableOrganisations(viewerOf(context), search, pageSize(first))).map(toOrganisation);
  }

  @Query(() => [UserSession], { description: 'The signed-in user’s live sessions, newest first, the current one marked.' })
  @Access(SIGNED_IN)
  async mySessions(@Ctx() context: RequestContext): Promise<UserSession[]> {
    return (await context.services.ownAccount.sessions(viewerOf(context))).map(toUserSession);
  }

  @Mutation(() => AccountWithOneTimePassword, {
    description: 'Creates a user account with a one-time password, shown once, that the user must change at their first sign-in. Administrators only, for a home and roles they administer.',
  })
  @Access(roles(Role.ADMIN))
  async createUserAccount(@Arg('input', () => CreateUserAccountInput, { description: 'The account.' }) input: CreateUserAccountInput, @Ctx() context: RequestContext): Promise<AccountWithOneTimePassword> {
    return withPassword(await context.services.accounts.create(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => UserAccount, { description: 'Changes an account’s display name and email. Administrators only.' })
  @Access(roles(Role.ADMIN))
  async updateUserAccount(@Arg('input', () => UpdateUserAccountInput, { description: 'The new details.' }) input: UpdateUserAccountInput, @Ctx() context: RequestContext): Promise<UserAccount> {
    return toUserAccount(await context.services.accounts.update(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => UserAccount, { description: 'Gives an account a role for an organisation the viewer administers, if the role fits that kind of organisation. Administrators only.' })
  @Access(roles(Role.ADMIN))
  async assignRole(@Arg('input', () => AccountRoleInput, { description: 'The account, role and organisation.' }) input: AccountRoleInput, @Ctx() context: RequestContext): Promise<UserAccount> {
    return toUserAccount(await context.services.accounts.assignRole(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => UserAccount, {
    description: 'Takes a role away from an account. Never your own ADMIN role, nor the last active NHS England administrator’s. Administrators only.',
  })
  @Access(roles(Role.ADMIN))
  async removeRole(@Arg('input', () => AccountRoleInput, { description: 'The account, role and organisation.' }) input: AccountRoleInput, @Ctx() context: RequestContext): Promise<UserAccount> {
    return toUserAccount(await context.services.accounts.removeRole(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => UserAccount, {
    description: 'Deactivates an account and ends all its sessions. Never your own, nor the last active NHS England administrator. Administrators only.',
  })
  @Access(roles(Role.ADMIN))
  async deactivateUserAccount(@Arg('input', () => AccountChangeInput, { description: 'The account and why.' }) input: AccountChangeInput, @Ctx() context: RequestContext): Promise<UserAccount> {
    return toUserAccount(await context.services.accounts.deactivate(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => AccountWithOneTimePassword, { description: 'Reactivates a deactivated account with a new one-time password, shown once. Administrators only.' })
  @Access(roles(Role.ADMIN))
  async reactivateUserAccount(@Arg('input', () => AccountChangeInput, { description: 'The account and why.' }) input: AccountChangeInput, @Ctx() context: RequestContext): Promise<AccountWithOneTimePassword> {
    return withPassword(await context.services.accounts.reactivate(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => AccountWithOneTimePassword, {
    description: 'Gives an account a new one-time password, shown once, that the user must change at their next sign-in; ends all the user’s sessions. Not your own. Administrators only.',
  })
  @Access(roles(Role.ADMIN))
  async resetUserPassword(@Arg('input', () => AccountChangeInput, { description: 'The account and why.' }) input: AccountChangeInput, @Ctx() context: RequestContext): Promise<AccountWithOneTimePassword> {
    return withPassword(await context.services.accounts.resetPassword(viewerOf(context), input, actorOf(context)));
  }

  @Mutation(() => ViewerType, {
    description:
      'Changes the signed-in user’s password and ends their other sessions (this one stays). Allowed while a one-time password must be changed. Refusals: CURRENT_PASSWORD_WRONG (counted like a failed sign-in; TOO_MANY_ATTEMPTS while locked out), PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_CONTAINS_USERNAME, PASSWORD_TOO_COMMON, PASSWORD_UNCHANGED.',
  })
  @Access(SIGNED_IN_EVEN_BEFORE_PASSWORD_CHANGE)
  async changePassword(@Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' }) input: ChangePasswordInput, @Ctx() context: RequestContext): Promise<ViewerType> {
    await context.services.ownAccount.changePassword(viewerOf(context), input.currentPassword, input.newPassword, actorOf(context), context.clientAddress);
    context.viewer = { ...viewerOf(context), mustChangePassword: false };
    return toViewerType(await context.services.auth.profile(context.viewer));
  }

  @Mutation(() => [UserSession], { description: 'Ends one of the signed-in user’s own sessions (NOT_FOUND for any other) and returns the live sessions left.' })
  @Access(SIGNED_IN)
  async endSession(@Arg('id', () => ID, { description: 'The session’s id.' }) id: string, @Ctx() context: RequestContext): Promise<UserSession[]> {
    const viewer = viewerOf(context);
    const left = await context.services.ownAccount.endSession(viewer, id, actorOf(context));
    if (id === viewer.sessionId) context.sessionCookie.clear();
    return left.map(toUserSession);
  }
}
