import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppError } from '../server/app-error';
import { passwordWork, verifyPasswordInSlot } from './password';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { SessionEntity } from './session.entity';
import { DEFAULT_SIGN_IN_THROTTLE, SignInThrottle, secondsUntil, type SignInSubjects, type SignInThrottlePolicy } from './sign-in-throttle';
import { UserEntity } from './user.entity';
import type { Viewer } from './viewer';

export interface SignedIn {
  viewer: Viewer;
  token: string;
  expiresAt: Date;
}

/** The request a sign-in comes from. */
export interface SignInRequest {
  requestId: string;
  /** The client's IP address as Express sees it (`req.ip`); null outside HTTP. */
  clientAddress: string | null;
  /** The client's User-Agent header, if any; kept with the session (cut to 300 characters) for "your sessions". */
  userAgent?: string | null;
}

/** How long a session's `last_seen_at` may lag: it is written at most once a minute per session. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export const USER_AGENT_MAX_LENGTH = 300;

export interface AuthOptions {
  /** Failed sign-in limits and lockouts (default: DEFAULT_SIGN_IN_THROTTLE). */
  throttle?: SignInThrottlePolicy;
  /** The clock (tests move it to see a lockout end). */
  now?: () => Date;
}

type Attempt = { outcome: 'LOCKED'; lockedUntil: Date; now: Date } | { outcome: 'VALID'; user: UserEntity } | { outcome: 'INVALID' };

/** Failed and refused sign-ins have no actor: nobody is signed in. */
const anonymousActor = (request: SignInRequest): AuditActor => ({ userId: null, username: null, requestId: request.requestId });

const tooManyAttempts = (lockedUntil: Date, now: Date) => {
  const retryAfterSeconds = secondsUntil(lockedUntil, now);
  return new AppError('FORBIDDEN', 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
};

export interface ViewerProfile extends Viewer {
  organisations: Map<string, OrganisationEntity>;
}

/** The stored form of a session token (the browser alone holds the token). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sign-in, sign-out and session look-up. Sessions live in PostgreSQL (`user_session`). */
export class AuthService {
  private readonly throttle: SignInThrottle;
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionTtlHours: number,
    options: AuthOptions = {},
  ) {
    this.throttle = new SignInThrottle(options.throttle ?? DEFAULT_SIGN_IN_THROTTLE);
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Signs in, unless the account or the client is locked out (decision 0015). The lockout is checked, the
   * password verified and a failure counted inside one slot of the process's password work, so parallel
   * attempts cannot all pass the check before any is counted. A failure is counted against the account and the
   * client and audited in one transaction; a success clears the account's count.
   */
  async signIn(username: string, password: string, request: SignInRequest): Promise<SignedIn> {
    const subjects: SignInSubjects = { account: username.trim().toLowerCase(), client: request.clientAddress };
    const attempt = await passwordWork.run(async (): Promise<Attempt> => {
      const now = this.now();
      const lockedUntil = await this.throttle.lockedUntil(this.dataSource.manager, subjects, now);
      if (lockedUntil) return { outcome: 'LOCKED', lockedUntil, now };
      const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username: subjects.account } });
      const usable = user && !user.disabledAt ? user : null;
      const valid = await verifyPasswordInSlot(usable?.passwordHash ?? null, password);
      if (valid && usable) return { outcome: 'VALID', user: usable };
      // Counted before the slot is freed: the next attempt's check sees this failure.
      await this.recordFailure(subjects, request);
      return { outcome: 'INVALID' };
    });
    if (attempt.outcome === 'LOCKED') {
      await this.dataSource.transaction((manager) => this.auditLocked(manager, subjects, attempt.lockedUntil, request));
      throw tooManyAttempts(attempt.lockedUntil, attempt.now);
    }
    if (attempt.outcome === 'INVALID') {
      throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'The username or password is not right.');
    }
    const { user } = attempt;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.sessionTtlHours * 3_600_000);
    let sessionId = '';
    const lockedUntil = await this.dataSource.transaction(async (manager) => {
      // A lockout that began while this password was being checked still wins: no session during a lockout.
      const locked = await this.throttle.lockedUntil(manager, subjects, now, true);
      if (locked) {
        await this.auditLocked(manager, subjects, locked, request);
        return locked;
      }
      await this.throttle.clearAccount(manager, subjects.account);
      const session = await manager.save(
        SessionEntity,
        manager.create(SessionEntity, {
          tokenHash: hashToken(token),
          userId: user.id,
          expiresAt,
          lastSeenAt: now,
          clientAddress: request.clientAddress?.slice(0, 100) ?? null,
          userAgent: request.userAgent ? [...request.userAgent].slice(0, USER_AGENT_MAX_LENGTH).join('') : null,
        }),
      );
      await manager.update(UserEntity, { id: user.id }, { lastSignInAt: now });
      sessionId = session.id;
      await recordAudit(manager, { userId: user.id, username: user.username, requestId: request.requestId }, {
        action: 'SIGN_IN',
        entityType: 'session',
        entityId: session.id,
        after: { userId: user.id, expiresAt: expiresAt.toISOString() },
      });
      return null;
    });
    if (lockedUntil) throw tooManyAttempts(lockedUntil, now);
    return { viewer: await this.loadViewer(this.dataSource.manager, user, sessionId), token, expiresAt };
  }

  private async recordFailure(subjects: SignInSubjects, request: SignInRequest): Promise<void> {
    const now = this.now();
    await this.throttle.prune(this.dataSource.manager, now);
    await this.dataSource.transaction(async (manager) => {
      const counts = await this.throttle.recordFailure(manager, subjects, now);
      const lockedUntil = [counts.ACCOUNT.lockedUntil, counts.CLIENT?.lockedUntil].filter((end): end is Date => end instanceof Date && end > now);
      await recordAudit(manager, anonymousActor(request), {
        action: 'SIGN_IN_FAILED',
        entityType: 'sign_in',
        entityId: subjects.account,
        after: {
          username: subjects.account,
          client: subjects.client,
          reason: 'INVALID_CREDENTIALS',
          accountFailures: counts.ACCOUNT.failures,
          clientFailures: counts.CLIENT?.failures ?? null,
          lockedUntil: lockedUntil.length ? new Date(Math.max(...lockedUntil.map((end) => end.getTime()))).toISOString() : null,
        },
      });
    });
  }

  private auditLocked(manager: EntityManager, subjects: SignInSubjects, lockedUntil: Date, request: SignInRequest): Promise<void> {
    return recordAudit(manager, anonymousActor(request), {
      action: 'SIGN_IN_LOCKED',
      entityType: 'sign_in',
      entityId: subjects.account,
      after: { username: subjects.account, client: subjects.client, reason: 'TOO_MANY_ATTEMPTS', lockedUntil: lockedUntil.toISOString() },
    });
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

  /**
   * The viewer of a live session, or null when the token is unknown, revoked or expired, or the account is
   * deactivated. Notes when the session was last used, at most once a minute (LAST_SEEN_RESOLUTION_MS), so a
   * busy page does not write on every request.
   */
  async viewerForToken(token: string): Promise<Viewer | null> {
    const session = await this.dataSource.getRepository(SessionEntity).findOne({ where: { tokenHash: hashToken(token) } });
    const now = this.now();
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now.getTime()) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: session.userId } });
    if (!user || user.disabledAt) return null;
    if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.getRepository(SessionEntity).update({ id: session.id }, { lastSeenAt: now });
    }
    return this.loadViewer(this.dataSource.manager, user, session.id);
  }

  /** The viewer with the organisations their roles are held for, for the `me` query. */
  async profile(viewer: Viewer): Promise<ViewerProfile> {
    const codes = [...new Set(viewer.roles.map((role) => role.organisationCode))];
    const organisations = codes.length
      ? await this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.code IN (:...codes)', { codes }).getMany()
      : [];
    return { ...viewer, organisations: new Map(organisations.map((organisation) => [organisation.code, organisation])) };
  }

  private async loadViewer(manager: EntityManager, user: UserEntity, sessionId: string): Promise<Viewer> {
    const assignments = await manager.find(RoleAssignmentEntity, { where: { userId: user.id }, order: { role: 'ASC', organisationCode: 'ASC' } });
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      mustChangePassword: user.passwordChangeRequired,
      sessionId,
      roles: assignments.map((assignment) => ({ role: assignment.role, organisationCode: assignment.organisationCode })),
    };
  }
}
