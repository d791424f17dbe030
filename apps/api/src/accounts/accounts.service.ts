import {
  COMMISSIONING_ORGANISATION_TYPES,
  DomainError,
  NATIONAL_ORGANISATION_TYPE,
  administersAccount,
  administersAnyone,
  administersOrganisation,
  administrationScopeOf,
  isCommissioningOrganisationType,
  normaliseDisplayName,
  normaliseEmail,
  normaliseUsername,
  requireAccountTransition,
  requireRoleFitsOrganisation,
  type AccountActionType,
  type AccountActorKind,
  type AccountState,
  type AccountTransition,
  type AdministrationScope,
} from '@ccg-assure/domain';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { Role } from '../auth/role';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { containsPattern } from '../organisations/organisation-region';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { accountViewsOf, stateOfUser, type AccountView, type Onlooker, type OrganisationRef } from './account-views';
import type { AccountStatus } from './account.type';
import { generateOneTimePassword } from './one-time-password';

export interface AccountFilter {
  search?: string | null;
  organisationCode?: string | null;
  role?: Role | null;
  status?: AccountStatus | null;
}

export interface AccountPage {
  nodes: AccountView[];
  /** How many accounts match in all; null when not asked for (withTotalCount false). */
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  email?: string | null;
  homeOrganisationCode: string;
  roles: { role: Role; organisationCode: string }[];
}

export interface AccountWithPassword {
  account: AccountView;
  oneTimePassword: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const accountNotFound = () => new AppError('NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'There is no such account among those you administer.');

const notYours = (fields: string[]) =>
  new AppError('FORBIDDEN', 'NOT_YOUR_ACCOUNT_TO_ADMINISTER', 'You may give roles and homes only for organisations you administer.', { fields });

const ownAccess = () => new AppError('FORBIDDEN', 'CANNOT_CHANGE_OWN_ACCESS', 'You cannot deactivate yourself, reset your own password or remove your own administrator role.');

const lastAdministrator = () =>
  new AppError('CONFLICT', 'LAST_ADMINISTRATOR', 'This is the last active administrator of NHS England: make another one first.');

/** A refusal of the domain about input, as the API reports it: BAD_USER_INPUT with the domain's code. */
const badInput = (error: DomainError) => new AppError('BAD_USER_INPUT', error.code, error.message, error.details);

/**
 * The lifecycle move, refused as the API reports it: CONFLICT ACTION_NOT_AVAILABLE for a move the table does not
 * have from the account's state, FORBIDDEN for an actor it does not allow.
 */
function lifecycleMove(state: AccountState | null, action: AccountActionType, kinds: readonly AccountActorKind[]): AccountTransition {
  try {
    return requireAccountTransition(state, action, kinds);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ACTION_NOT_AVAILABLE') throw new AppError('CONFLICT', error.code, error.message, error.details);
    if (error instanceof DomainError && error.code === 'ACTION_NOT_PERMITTED') throw new AppError('FORBIDDEN', 'NOT_PERMITTED', error.message, error.details);
    throw error;
  }
}

/** Runs a domain check and reports its refusal as BAD_USER_INPUT. */
function domainInput<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError) throw badInput(error);
    throw error;
  }
}

/** What an audit row says about an account: never a password or a hash. */
const auditedAccount = (user: UserEntity, roles: { role: Role; organisationCode: string }[]) => ({
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  homeOrganisationCode: user.homeOrganisationCode,
  status: stateOfUser(user),
  roles: roles.map((role) => `${role.role}@${role.organisationCode}`),
});

/**
 * User administration (issue 14; docs/security.md "Accounts"): administrators list, create and change the accounts
 * they administer. Each use case is one transaction with its audit row; the account lifecycle and the rules of
 * who administers whom come from libs/domain `accounts`.
 */
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whose accounts the viewer administers, from the organisations they hold ADMIN for. */
  async scopeOf(viewer: Viewer, manager: EntityManager = this.dataSource.manager): Promise<AdministrationScope> {
    const codes = [...new Set(viewer.roles.filter((assignment) => assignment.role === Role.ADMIN).map((assignment) => assignment.organisationCode))];
    if (codes.length === 0) return administrationScopeOf([]);
    const organisations = await manager.find(OrganisationEntity, { where: { code: In(codes) }, order: { code: 'ASC' } });
    return administrationScopeOf(organisations.map((organisation) => ({ code: organisation.code, type: organisation.type })));
  }

  /** The organisations the viewer administers, with names (for `Viewer.administers`). */
  async administeredOrganisations(viewer: Viewer): Promise<{ scope: AdministrationScope; organisations: OrganisationRef[] }> {
    const scope = await this.scopeOf(viewer);
    const rows = scope.organisationCodes.length ? await this.dataSource.manager.find(OrganisationEntity, { where: { code: In([...scope.organisationCodes]) }, order: { name: 'ASC', code: 'ASC' } }) : [];
    return { scope, organisations: rows.map((row) => ({ code: row.code, name: row.name, type: row.type })) };
  }

  private async onlooker(viewer: Viewer, manager?: EntityManager): Promise<Onlooker> {
    const scope = await this.scopeOf(viewer, manager);
    if (!administersAnyone(scope)) throw new AppError('FORBIDDEN', 'NOT_PERMITTED', 'Only administrators administer accounts.');
    return { userId: viewer.userId, sessionId: viewer.sessionId ?? null, scope };
  }

  /** A page of the accounts the viewer administers, ordered by username, after the cursor's username. */
  async list(viewer: Viewer, filter: AccountFilter, size: number, afterUsername: string | null, withTotalCount = true): Promise<AccountPage> {
    const onlooker = await this.onlooker(viewer);
    const matching = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (!onlooker.scope.everyone) matching.andWhere('u.home_organisation_code IN (:...scopeCodes)', { scopeCodes: onlooker.scope.organisationCodes });
    if (filter.search?.trim()) {
      matching.andWhere("(lower(u.username) LIKE :search OR lower(u.display_name) LIKE :search OR lower(coalesce(u.email, '')) LIKE :search)", {
        search: containsPattern(filter.search),
      });
    }
    const organisationCode = filter.organisationCode?.trim().toUpperCase() || null;
    if (organisationCode && filter.role) {
      matching.andWhere('EXISTS (SELECT 1 FROM role_assignment fr WHERE fr.user_id = u.id AND fr.organisation_code = :organisationCode AND fr.role = :role)', {
        organisationCode,
        role: filter.role,
      });
    } else if (organisationCode) {
      matching.andWhere('(u.home_organisation_code = :organisationCode OR EXISTS (SELECT 1 FROM role_assignment fo WHERE fo.user_id = u.id AND fo.organisation_code = :organisationCode))', {
        organisationCode,
      });
    } else if (filter.role) {
      matching.andWhere('EXISTS (SELECT 1 FROM role_assignment fr WHERE fr.user_id = u.id AND fr.role = :role)', { role: filter.role });
    }
    if (filter.status === 'DEACTIVATED') matching.andWhere('u.disabled_at IS NOT NULL');
    if (filter.status === 'ACTIVE') matching.andWhere('u.disabled_at IS NULL AND NOT u.password_change_required');
    if (filter.status === 'PASSWORD_CHANGE_REQUIRED') matching.andWhere('u.disabled_at IS NULL AND u.password_change_required');
    // Counted only when the client selects totalCount (issue 19 point 6).
    const totalCount = withTotalCount ? await matching.getCount() : null;
    const page = matching.clone();
    if (afterUsername !== null) page.andWhere('u.username > :afterUsername', { afterUsername });
    const rows = await page.orderBy('u.username').limit(size + 1).getMany();
    const shown = rows.slice(0, size);
    return {
      nodes: await accountViewsOf(this.dataSource.manager, shown, onlooker, this.now()),
      totalCount,
      hasNextPage: rows.length > size,
      endCursor: shown.length ? shown[shown.length - 1].username : null,
    };
  }

  /** One account the viewer administers; NOT_FOUND (ACCOUNT_NOT_FOUND) for any other, so accounts cannot be enumerated. */
  async get(viewer: Viewer, userId: string): Promise<AccountView> {
    const onlooker = await this.onlooker(viewer);
    const user = await this.administered(this.dataSource.manager, onlooker.scope, userId, false);
    return (await accountViewsOf(this.dataSource.manager, [user], onlooker, this.now()))[0];
  }

  /**
   * The organisations the viewer may make an account's home or give roles for: every commissioning body for an
   * administrator of NHS England, their own for another administrator; matching `search` (code or name), by name.
   */
  async administrableOrganisations(viewer: Viewer, search: string | null, size: number): Promise<OrganisationRef[]> {
    const { scope } = await this.onlooker(viewer);
    const query = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.type IN (:...types)', { types: [...COMMISSIONING_ORGANISATION_TYPES] });
    if (!scope.everyone) query.andWhere('o.code IN (:...codes)', { codes: scope.organisationCodes });
    if (search?.trim()) query.andWhere('(lower(o.name) LIKE :search OR lower(o.code) LIKE :search)', { search: containsPattern(search) });
    const rows = await query.orderBy('o.name').addOrderBy('o.code').limit(size).getMany();
    return rows.map((row) => ({ code: row.code, name: row.name, type: row.type }));
  }

  /** Creates an account with a one-time password (lifecycle CREATE), its roles, and the audit row, in one transaction. */
  async create(viewer: Viewer, input: NewAccount, actor: AuditActor): Promise<AccountWithPassword> {
    const username = domainInput(() => normaliseUsername(input.username));
    const displayName = domainInput(() => normaliseDisplayName(input.displayName));
    const email = domainInput(() => normaliseEmail(input.email));
    lifecycleMove(null, 'CREATE', ['ADMINISTRATOR']);
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const userId = await this.dataSource.transaction(async (manager) => {
      const onlooker = await this.onlooker(viewer, manager);
      const homeOrganisationCode = input.homeOrganisationCode.trim().toUpperCase();
      await this.commissioningOrganisation(manager, homeOrganisationCode, ['homeOrganisationCode']);
      if (!administersOrganisation(onlooker.scope, homeOrganisationCode)) throw notYours(['homeOrganisationCode']);
      const roles: { role: Role; organisationCode: string }[] = [];
      for (const [index, requested] of input.roles.entries()) {
        const role = { role: requested.role, organisationCode: requested.organisationCode.trim().toUpperCase() };
        await this.checkRole(manager, onlooker.scope, role, [`roles.${index}.organisationCode`], [`roles.${index}.role`]);
        if (!roles.some((held) => held.role === role.role && held.organisationCode === role.organisationCode)) roles.push(role);
      }
      if (await manager.exists(UserEntity, { where: { username } })) throw usernameTaken();
      const user = manager.create(UserEntity, { username, displayName, email, homeOrganisationCode, passwordHash, passwordChangeRequired: true, disabledAt: null, lastSignInAt: null });
      try {
        await manager.insert(UserEntity, user);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw usernameTaken();
        throw error;
      }
      const saved = await manager.findOneOrFail(UserEntity, { where: { username } });
      for (const role of roles) await manager.insert(RoleAssignmentEntity, { userId: saved.id, ...role });
      await recordAudit(manager, actor, { action: 'CREATE_USER', entityType: 'user', entityId: saved.id, after: auditedAccount(saved, roles) });
      return saved.id;
    });
    return { account: await this.get(viewer, userId), oneTimePassword };
  }

  /** Changes the display name and email. */
  async update(viewer: Viewer, input: { userId: string; displayName: string; email?: string | null }, actor: AuditActor): Promise<AccountView> {
    const displayName = domainInput(() => normaliseDisplayName(input.displayName));
    const email = domainInput(() => normaliseEmail(input.email));
    await this.dataSource.transaction(async (manager) => {
      const { scope } = await this.onlooker(viewer, manager);
      const user = await this.administered(manager, scope, input.userId, true);
      if (user.displayName === displayName && user.email === email) return;
      await manager.update(UserEntity, { id: user.id }, { displayName, email });
      await recordAudit(manager, actor, {
        action: 'UPDATE_USER',
        entityType: 'user',
        entityId: user.id,
        before: { displayName: user.displayName, email: user.email },
        after: { displayName, email },
      });
    });
    return this.get(viewer, input.userId);
  }

  /** Gives a role for an organisation the viewer administers, if it fits the organisation's type. */
  async assignRole(viewer: Viewer, input: { userId: string; role: Role; organisationCode: string }, actor: AuditActor): Promise<AccountView> {
    await this.dataSource.transaction(async (manager) => {
      const { scope } = await this.onlooker(viewer, manager);
      const user = await this.administered(manager, scope, input.userId, true);
      const role = { role: input.role, organisationCode: input.organisationCode.trim().toUpperCase() };
      await this.checkRole(manager, scope, role, ['organisationCode'], ['role']);
      if (await manager.exists(RoleAssignmentEntity, { where: { userId: user.id, ...role } })) {
        throw new AppError('CONFLICT', 'ROLE_ALREADY_HELD', `${user.username} already holds ${role.role} for ${role.organisationCode}.`, { fields: ['role'] });
      }
      await manager.insert(RoleAssignmentEntity, { userId: user.id, ...role });
      await recordAudit(manager, actor, { action: 'ASSIGN_ROLE', entityType: 'user', entityId: user.id, after: { username: user.username, ...role } });
    });
    return this.get(viewer, input.userId);
  }

  /**
   * Takes away a role held for an organisation the viewer administers. Never the viewer's own ADMIN role
   * (CANNOT_CHANGE_OWN_ACCESS), nor the last active administrator's ADMIN role of NHS England (LAST_ADMINISTRATOR).
   */
  async removeRole(viewer: Viewer, input: { userId: string; role: Role; organisationCode: string }, actor: AuditActor): Promise<AccountView> {
    await this.dataSource.transaction(async (manager) => {
      const { scope } = await this.onlooker(viewer, manager);
      // As in deactivate: the administrators' rows first, then the account's.
      if (input.role === Role.ADMIN) await this.lockNationalAdministrators(manager);
      const user = await this.administered(manager, scope, input.userId, true);
      const role = { role: input.role, organisationCode: input.organisationCode.trim().toUpperCase() };
      if (!administersOrganisation(scope, role.organisationCode)) throw notYours(['organisationCode']);
      if (user.id === viewer.userId && role.role === Role.ADMIN) throw ownAccess();
      if (role.role === Role.ADMIN) await this.keepAnAdministrator(manager, { userId: user.id, organisationCode: role.organisationCode });
      const held = await manager.findOne(RoleAssignmentEntity, { where: { userId: user.id, ...role }, lock: { mode: 'pessimistic_write' } });
      if (!held) throw new AppError('CONFLICT', 'ROLE_NOT_HELD', `${user.username} does not hold ${role.role} for ${role.organisationCode}.`, { fields: ['role'] });
      await manager.delete(RoleAssignmentEntity, { id: held.id });
      await recordAudit(manager, actor, { action: 'REMOVE_ROLE', entityType: 'user', entityId: user.id, before: { username: user.username, ...role } });
    });
    return this.get(viewer, input.userId);
  }

  /** Deactivates an account (never the viewer's own, nor the last NHS England administrator) and ends all its sessions. */
  async deactivate(viewer: Viewer, input: { userId: string; reason?: string | null }, actor: AuditActor): Promise<AccountView> {
    await this.dataSource.transaction(async (manager) => {
      const { scope } = await this.onlooker(viewer, manager);
      // The administrators' rows are locked before the account's, in every use case that can lose one (deadlock-free).
      await this.lockNationalAdministrators(manager);
      const user = await this.administered(manager, scope, input.userId, true);
      if (user.id === viewer.userId) throw ownAccess();
      const move = lifecycleMove(stateOfUser(user), 'DEACTIVATE', ['ADMINISTRATOR']);
      await this.keepAnAdministrator(manager, { userId: user.id });
      const now = this.now();
      await manager.update(UserEntity, { id: user.id }, { disabledAt: now });
      const sessionsEnded = await this.endSessions(manager, user.id, null, now);
      await recordAudit(manager, actor, {
        action: 'DEACTIVATE_USER',
        entityType: 'user',
        entityId: user.id,
        before: { username: user.username, status: stateOfUser(user) },
        after: { status: move.to, reason: input.reason?.trim() || null, sessionsEnded },
      });
    });
    return this.get(viewer, input.userId);
  }

  /** Reactivates a deactivated account with a fresh one-time password. */
  async reactivate(viewer: Viewer, input: { userId: string; reason?: string | null }, actor: AuditActor): Promise<AccountWithPassword> {
    return this.issueOneTimePassword(viewer, input, actor, 'REACTIVATE', 'REACTIVATE_USER');
  }

  /** Resets a password to a one-time password the user must change; ends all the user's sessions. */
  async resetPassword(viewer: Viewer, input: { userId: string; reason?: string | null }, actor: AuditActor): Promise<AccountWithPassword> {
    return this.issueOneTimePassword(viewer, input, actor, 'RESET_PASSWORD', 'RESET_PASSWORD');
  }

  private async issueOneTimePassword(
    viewer: Viewer,
    input: { userId: string; reason?: string | null },
    actor: AuditActor,
    action: 'REACTIVATE' | 'RESET_PASSWORD',
    auditAction: string,
  ): Promise<AccountWithPassword> {
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    await this.dataSource.transaction(async (manager) => {
      const { scope } = await this.onlooker(viewer, manager);
      const user = await this.administered(manager, scope, input.userId, true);
      if (user.id === viewer.userId) throw ownAccess();
      const move = lifecycleMove(stateOfUser(user), action, ['ADMINISTRATOR']);
      const now = this.now();
      await manager.update(UserEntity, { id: user.id }, { passwordHash, passwordChangeRequired: true, disabledAt: null });
      const sessionsEnded = move.endsSessions === 'ALL' ? await this.endSessions(manager, user.id, null, now) : 0;
      await recordAudit(manager, actor, {
        action: auditAction,
        entityType: 'user',
        entityId: user.id,
        before: { username: user.username, status: stateOfUser(user) },
        after: { status: move.to, reason: input.reason?.trim() || null, sessionsEnded },
      });
    });
    return { account: await this.get(viewer, input.userId), oneTimePassword };
  }

  /** The account if the scope administers it; ACCOUNT_NOT_FOUND otherwise, whether or not it exists. */
  private async administered(manager: EntityManager, scope: AdministrationScope, userId: string, lock: boolean): Promise<UserEntity> {
    if (!UUID.test(userId)) throw accountNotFound();
    const user = await manager.findOne(UserEntity, { where: { id: userId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user || !administersAccount(scope, user.homeOrganisationCode)) throw accountNotFound();
    return user;
  }

  private async commissioningOrganisation(manager: EntityManager, code: string, fields: string[]): Promise<OrganisationEntity> {
    const organisation = await manager.findOne(OrganisationEntity, { where: { code } });
    if (!organisation || !isCommissioningOrganisationType(organisation.type)) {
      throw new AppError('BAD_USER_INPUT', 'ORGANISATION_UNKNOWN', `No commissioning organisation has the ODS code "${code}".`, { fields });
    }
    return organisation;
  }

  private async checkRole(manager: EntityManager, scope: AdministrationScope, role: { role: Role; organisationCode: string }, organisationFields: string[], roleFields: string[]) {
    const organisation = await this.commissioningOrganisation(manager, role.organisationCode, organisationFields);
    if (!administersOrganisation(scope, role.organisationCode)) throw notYours(organisationFields);
    try {
      requireRoleFitsOrganisation(role.role, organisation.type);
    } catch (error) {
      if (error instanceof DomainError) throw new AppError('BAD_USER_INPUT', error.code, error.message, { ...error.details, fields: roleFields });
      throw error;
    }
  }

  /** Locks every ADMIN role held for NHS England, so two administrators cannot remove each other at once. */
  private async lockNationalAdministrators(manager: EntityManager): Promise<void> {
    await manager
      .getRepository(RoleAssignmentEntity)
      .createQueryBuilder('ra')
      .innerJoin('ra.organisation', 'o')
      .where('ra.role = :admin AND o.type = :national', { admin: Role.ADMIN, national: NATIONAL_ORGANISATION_TYPE })
      .orderBy('ra.id')
      .setLock('pessimistic_write', undefined, ['ra'])
      .getMany();
  }

  /**
   * Refuses (LAST_ADMINISTRATOR) a change that would leave no active administrator of NHS England: deactivating
   * `userId`, or (with `organisationCode`) taking away their ADMIN role for that organisation. Counted after
   * locking the administrators' rows, in a statement of its own, so it sees a change committed meanwhile.
   */
  private async keepAnAdministrator(manager: EntityManager, change: { userId: string; organisationCode?: string }): Promise<void> {
    await this.lockNationalAdministrators(manager);
    const query = manager
      .getRepository(RoleAssignmentEntity)
      .createQueryBuilder('ra')
      .innerJoin('ra.organisation', 'o')
      .innerJoin('ra.user', 'u')
      .select('COUNT(DISTINCT ra.user_id)::int', 'remaining')
      .where('ra.role = :admin AND o.type = :national AND u.disabled_at IS NULL', { admin: Role.ADMIN, national: NATIONAL_ORGANISATION_TYPE });
    const affected = manager
      .getRepository(RoleAssignmentEntity)
      .createQueryBuilder('ra')
      .innerJoin('ra.organisation', 'o')
      .where('ra.role = :admin AND o.type = :national AND ra.user_id = :userId', { admin: Role.ADMIN, national: NATIONAL_ORGANISATION_TYPE, userId: change.userId });
    if (change.organisationCode) {
      query.andWhere('NOT (ra.user_id = :userId AND ra.organisation_code = :organisationCode)', change);
      affected.andWhere('ra.organisation_code = :organisationCode', { organisationCode: change.organisationCode });
    } else {
      query.andWhere('ra.user_id <> :userId', { userId: change.userId });
    }
    if (!(await affected.getExists())) return;
    const { remaining } = (await query.getRawOne<{ remaining: number }>()) ?? { remaining: 0 };
    if (remaining === 0) throw lastAdministrator();
  }

  /** Ends the user's live sessions, all or all but `keep`; how many it ended. */
  async endSessions(manager: EntityManager, userId: string, keep: string | null, now: Date): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now })
      .where({ userId, revokedAt: IsNull() })
      .andWhere('expires_at > :now', { now });
    if (keep) query.andWhere('id <> :keep', { keep });
    const result = await query.execute();
    return result.affected ?? 0;
  }
}

const usernameTaken = () => new AppError('CONFLICT', 'USERNAME_TAKEN', 'That username is taken. Choose another.', { fields: ['username'] });
