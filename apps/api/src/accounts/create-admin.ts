import { DomainError, normaliseDisplayName, normaliseEmail, normaliseUsername } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { Role } from '../auth/role';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { stateOfUser } from './account-views';
import { checkNewPassword } from './own-account.service';

/** NHS England, whose administrators administer every account (docs/security.md "Accounts"). */
export const NHS_ENGLAND = { code: 'X24', name: 'NHS ENGLAND', type: OrganisationType.NHS_ENGLAND } as const;

/** The audit trail's actor for the command: nobody is signed in at a console. */
export const CREATE_ADMIN_ACTOR: AuditActor = { userId: null, username: 'create-admin', requestId: `create-admin-${process.pid}` };

export interface CreateAdminOptions {
  username: string;
  /** Default: the username, for a new account; an existing account's is changed only when given. */
  displayName?: string | null;
  email?: string | null;
  /** Sets the password of an existing account too (it is always set for a new one). */
  resetPassword?: boolean;
  /** Reads the password; called only when one is needed (a new account, or `resetPassword`). */
  readPassword: () => Promise<string>;
  actor?: AuditActor;
}

export interface CreateAdminResult {
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
  userId: string;
  username: string;
  /** What was done, in words for the operator. */
  changes: string[];
  /** Where the account stands afterwards. */
  status: ReturnType<typeof stateOfUser>;
}

/** A refusal the command prints and exits 1 on: a bad username, a password the policy refuses... */
export class CreateAdminRefusal extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'CreateAdminRefusal';
  }
}

const refusalOf = (error: unknown): unknown =>
  error instanceof DomainError || error instanceof AppError ? new CreateAdminRefusal(error instanceof DomainError ? error.code : error.reason, error.message) : error;

/**
 * The first administrator, on any database (issue 14, item 1; README "First administrator"): makes sure the
 * NHS England organisation (X24) exists and that `username` is an active account at home there holding ADMIN for
 * it, so it administers every account. Idempotent: run again for the same user, it gives back the ADMIN role
 * and reactivates the account if need be, keeping the password unless `resetPassword` is set. Every change is
 * audited in its transaction (CREATE_ADMIN, actor `create-admin`); a run that changes nothing writes nothing.
 * The password is checked with the product's policy; it is never logged or audited.
 */
export async function createAdmin(dataSource: DataSource, options: CreateAdminOptions): Promise<CreateAdminResult> {
  const actor = options.actor ?? CREATE_ADMIN_ACTOR;
  let username: string;
  let email: string | null;
  let displayName: string | null;
  try {
    username = normaliseUsername(options.username);
    email = options.email === undefined || options.email === null ? null : normaliseEmail(options.email);
    displayName = options.displayName === undefined || options.displayName === null ? null : normaliseDisplayName(options.displayName);
  } catch (error) {
    throw refusalOf(error);
  }
  const existing = await dataSource.getRepository(UserEntity).findOne({ where: { username } });
  let passwordHash: string | null = null;
  if (!existing || options.resetPassword) {
    const password = await options.readPassword();
    try {
      checkNewPassword(password, username, 'password');
    } catch (error) {
      throw refusalOf(error);
    }
    passwordHash = await hashPassword(password);
  }

  return dataSource.transaction(async (manager) => {
    const changes: string[] = [];
    await manager.createQueryBuilder().insert().into(OrganisationEntity).orIgnore().values({ ...NHS_ENGLAND, openDate: null, closeDate: null }).execute();
    const nhsEngland = await manager.findOneOrFail(OrganisationEntity, { where: { code: NHS_ENGLAND.code } });
    if (nhsEngland.type !== NHS_ENGLAND.type) {
      throw new CreateAdminRefusal('ORGANISATION_UNKNOWN', `The organisation ${NHS_ENGLAND.code} is recorded as ${nhsEngland.type}, not NHS England: correct it first.`);
    }
    let user = await manager.findOne(UserEntity, { where: { username }, lock: { mode: 'pessimistic_write' } });
    let outcome: CreateAdminResult['outcome'];
    if (!user) {
      if (!passwordHash) throw new CreateAdminRefusal('ACCOUNT_NOT_FOUND', `${username} was created meanwhile by someone else: run the command again.`);
      await manager.insert(UserEntity, {
        username,
        displayName: displayName ?? username,
        email,
        homeOrganisationCode: NHS_ENGLAND.code,
        passwordHash,
        passwordChangeRequired: false,
        disabledAt: null,
        lastSignInAt: null,
      });
      user = await manager.findOneOrFail(UserEntity, { where: { username } });
      await manager.insert(RoleAssignmentEntity, { userId: user.id, role: Role.ADMIN, organisationCode: NHS_ENGLAND.code });
      changes.push(`created ${username}, active, at home in ${NHS_ENGLAND.code}`, `gave ${Role.ADMIN} for ${NHS_ENGLAND.code}`);
      outcome = 'CREATED';
      await recordAudit(manager, actor, {
        action: 'CREATE_ADMIN',
        entityType: 'user',
        entityId: user.id,
        after: { username, displayName: user.displayName, email, homeOrganisationCode: NHS_ENGLAND.code, status: 'ACTIVE', roles: [`${Role.ADMIN}@${NHS_ENGLAND.code}`] },
      });
    } else {
      const before = { status: stateOfUser(user), displayName: user.displayName, email: user.email };
      const update: Partial<UserEntity> = {};
      if (user.disabledAt) {
        update.disabledAt = null;
        changes.push('reactivated the account');
      }
      if (passwordHash) {
        Object.assign(update, { passwordHash, passwordChangeRequired: false });
        changes.push('set the password');
      }
      if (displayName !== null && displayName !== user.displayName) {
        update.displayName = displayName;
        changes.push('changed the display name');
      }
      if (email !== null && email !== user.email) {
        update.email = email;
        changes.push('changed the email');
      }
      if (Object.keys(update).length) await manager.update(UserEntity, { id: user.id }, update);
      const holdsAdmin = await manager.exists(RoleAssignmentEntity, { where: { userId: user.id, role: Role.ADMIN, organisationCode: NHS_ENGLAND.code } });
      if (!holdsAdmin) {
        await manager.insert(RoleAssignmentEntity, { userId: user.id, role: Role.ADMIN, organisationCode: NHS_ENGLAND.code });
        changes.push(`gave ${Role.ADMIN} for ${NHS_ENGLAND.code}`);
      }
      let sessionsEnded = 0;
      if (passwordHash) {
        // A password set at the console ends the sessions opened with the old one.
        const ended = await manager
          .createQueryBuilder()
          .update(SessionEntity)
          .set({ revokedAt: new Date() })
          .where('user_id = :userId AND revoked_at IS NULL', { userId: user.id })
          .execute();
        sessionsEnded = ended.affected ?? 0;
      }
      user = await manager.findOneOrFail(UserEntity, { where: { id: user.id } });
      outcome = changes.length ? 'UPDATED' : 'UNCHANGED';
      if (changes.length) {
        await recordAudit(manager, actor, {
          action: 'CREATE_ADMIN',
          entityType: 'user',
          entityId: user.id,
          before: { ...before, adminOfNhsEngland: holdsAdmin },
          after: { status: stateOfUser(user), displayName: user.displayName, email: user.email, adminOfNhsEngland: true, passwordSet: passwordHash !== null, sessionsEnded },
        });
      }
    }
    return { outcome, userId: user.id, username, changes, status: stateOfUser(user) };
  });
}
