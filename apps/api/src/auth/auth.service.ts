import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { verifyDecoy, verifyPassword } from './password';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import type { Viewer } from './viewer';

export interface SignedIn {
  viewer: Viewer;
  token: string;
  expiresAt: Date;
}

export interface ViewerProfile extends Viewer {
  organisations: Map<string, OrganisationEntity>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sign-in, sign-out and session look-up. Sessions live in PostgreSQL (`user_session`). */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionTtlHours: number,
  ) {}

  async signIn(username: string, password: string, requestId: string): Promise<SignedIn> {
    const normalised = username.trim().toLowerCase();
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username: normalised } });
    const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    if (!user || !valid) {
      throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'The username or password is not right.');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3_600_000);
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.save(SessionEntity, manager.create(SessionEntity, { tokenHash: hashToken(token), userId: user.id, expiresAt }));
      await recordAudit(manager, { userId: user.id, username: user.username, requestId }, {
        action: 'SIGN_IN',
        entityType: 'session',
        entityId: session.id,
        after: { userId: user.id, expiresAt: expiresAt.toISOString() },
      });
    });
    return { viewer: await this.loadViewer(this.dataSource.manager, user), token, expiresAt };
  }

  async signOut(token: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, { where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt) return;
      const revokedAt = new Date();
      await manager.update(SessionEntity, { id: session.id }, { revokedAt });
      await recordAudit(manager, actor, {
        action: 'SIGN_OUT',
        entityType: 'session',
        entityId: session.id,
        before: { revokedAt: null },
        after: { revokedAt: revokedAt.toISOString() },
      });
    });
  }

  /** The viewer of a live session, or null when the token is unknown, revoked or expired. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    const session = await this.dataSource.getRepository(SessionEntity).findOne({ where: { tokenHash: hashToken(token) } });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: session.userId } });
    if (!user || user.disabledAt) return null;
    return this.loadViewer(this.dataSource.manager, user);
  }

  /** The viewer with the organisations their roles are held for, for the `me` query. */
  async profile(viewer: Viewer): Promise<ViewerProfile> {
    const codes = [...new Set(viewer.roles.map((role) => role.organisationCode))];
    const organisations = codes.length
      ? await this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.code IN (:...codes)', { codes }).getMany()
      : [];
    return { ...viewer, organisations: new Map(organisations.map((organisation) => [organisation.code, organisation])) };
  }

  private async loadViewer(manager: EntityManager, user: UserEntity): Promise<Viewer> {
    const assignments = await manager.find(RoleAssignmentEntity, { where: { userId: user.id }, order: { role: 'ASC', organisationCode: 'ASC' } });
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: assignments.map((assignment) => ({ role: assignment.role, organisationCode: assignment.organisationCode })),
    };
  }
}
