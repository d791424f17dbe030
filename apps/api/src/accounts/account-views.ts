import {
  accountStateOf,
  administersAccount,
  administersOrganisation,
  availableAccountActions,
  type AccountState,
  type AdministrationScope,
} from '@ccg-assure/domain';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { Role } from '../auth/role';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { SessionEntity } from '../auth/session.entity';
import type { UserEntity } from '../auth/user.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { AccountAction } from './account.type';

/** An organisation as an account names it. */
export interface OrganisationRef {
  code: string;
  name: string;
  type: string;
}

/** One of a user's sessions, as the services hand it on. */
export interface SessionView {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date | null;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A user account, as the services hand it on: everything `UserAccount` shows, loaded in a fixed number of queries. */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  homeOrganisation: OrganisationRef | null;
  status: AccountState;
  createdAt: Date;
  lastSignInAt: Date | null;
  roles: { role: Role; organisation: OrganisationRef }[];
  sessions: SessionView[];
  availableActions: AccountAction[];
}

/** Who is looking, for `availableActions` and `current`. */
export interface Onlooker {
  userId: string;
  sessionId: string | null;
  scope: AdministrationScope;
}

export const stateOfUser = (user: Pick<UserEntity, 'disabledAt' | 'passwordChangeRequired'>): AccountState =>
  accountStateOf({ deactivated: user.disabledAt !== null, passwordChangeRequired: user.passwordChangeRequired });

const refOf = (code: string, organisations: Map<string, OrganisationEntity>): OrganisationRef => {
  const organisation = organisations.get(code);
  return { code, name: organisation?.name ?? code, type: organisation?.type ?? 'OTHER' };
};

/** The live sessions (not ended, not expired) of some users, newest first. */
export async function liveSessionsOf(manager: EntityManager, userIds: readonly string[], now: Date): Promise<SessionEntity[]> {
  if (userIds.length === 0) return [];
  return manager.find(SessionEntity, {
    where: { userId: In([...userIds]), revokedAt: IsNull(), expiresAt: MoreThan(now) },
    order: { createdAt: 'DESC', id: 'ASC' },
  });
}

export const toSessionView = (session: SessionEntity, currentSessionId: string | null): SessionView => ({
  id: session.id,
  createdAt: session.createdAt,
  expiresAt: session.expiresAt,
  lastSeenAt: session.lastSeenAt,
  clientAddress: session.clientAddress,
  userAgent: session.userAgent,
  current: session.id === currentSessionId,
});

/**
 * What the onlooker may do to an account: the lifecycle's moves for an ADMINISTRATOR (libs/domain accounts),
 * less deactivating or resetting their own; editing and giving roles; taking away a role they administer that is
 * not their own ADMIN role. Conditions only the database shows at the time (the last administrator) are not
 * foreseen here: the mutation refuses them.
 */
export function accountActionsFor(onlooker: Onlooker, user: Pick<UserEntity, 'id' | 'homeOrganisationCode' | 'disabledAt' | 'passwordChangeRequired'>, roles: { role: Role; organisationCode: string }[]): AccountAction[] {
  if (!administersAccount(onlooker.scope, user.homeOrganisationCode)) return [];
  const self = user.id === onlooker.userId;
  const lifecycle = availableAccountActions(stateOfUser(user), ['ADMINISTRATOR']).filter(
    (action): action is 'RESET_PASSWORD' | 'DEACTIVATE' | 'REACTIVATE' => action === 'RESET_PASSWORD' || action === 'DEACTIVATE' || action === 'REACTIVATE',
  );
  const actions: AccountAction[] = lifecycle.filter((action) => !(self && (action === 'DEACTIVATE' || action === 'RESET_PASSWORD')));
  actions.push('ASSIGN_ROLE');
  const removable = roles.some((role) => administersOrganisation(onlooker.scope, role.organisationCode) && !(self && role.role === Role.ADMIN));
  if (removable) actions.push('REMOVE_ROLE');
  actions.push('EDIT');
  return actions;
}

/** The views of some users, in the order given: roles, home organisations and live sessions in three queries. */
export async function accountViewsOf(manager: EntityManager, users: readonly UserEntity[], onlooker: Onlooker, now: Date): Promise<AccountView[]> {
  if (users.length === 0) return [];
  const ids = users.map((user) => user.id);
  const assignments = await manager.find(RoleAssignmentEntity, { where: { userId: In(ids) }, order: { role: 'ASC', organisationCode: 'ASC' } });
  const codes = [...new Set([...assignments.map((a) => a.organisationCode), ...users.flatMap((user) => (user.homeOrganisationCode ? [user.homeOrganisationCode] : []))])];
  const organisations = new Map(
    (codes.length ? await manager.find(OrganisationEntity, { where: { code: In(codes) } }) : []).map((organisation) => [organisation.code, organisation]),
  );
  const sessions = await liveSessionsOf(manager, ids, now);
  return users.map((user) => {
    const roles = assignments.filter((a) => a.userId === user.id).map((a) => ({ role: a.role, organisationCode: a.organisationCode }));
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      homeOrganisation: user.homeOrganisationCode ? refOf(user.homeOrganisationCode, organisations) : null,
      status: stateOfUser(user),
      createdAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
      roles: roles.map((role) => ({ role: role.role, organisation: refOf(role.organisationCode, organisations) })),
      sessions: sessions.filter((session) => session.userId === user.id).map((session) => toSessionView(session, onlooker.sessionId)),
      availableActions: accountActionsFor(onlooker, user, roles),
    };
  });
}
