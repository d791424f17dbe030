import { DomainError, requireAccountTransition, requireAcceptablePassword } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import { hashPassword, passwordWork, verifyPasswordInSlot } from '../auth/password';
import { SessionEntity } from '../auth/session.entity';
import { DEFAULT_SIGN_IN_THROTTLE, SignInThrottle, secondsUntil, type SignInSubjects } from '../auth/sign-in-throttle';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { AppError, unauthenticated } from '../server/app-error';
import { liveSessionsOf, stateOfUser, toSessionView, type SessionView } from './account-views';
import { AccountsService } from './accounts.service';
import { isCommonPassword } from './common-passwords';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a new password against the policy (libs/domain accounts) with the shipped common list (decision 0020). */
export function checkNewPassword(password: string, username: string, field = 'newPassword'): void {
  try {
    requireAcceptablePassword(password, { username, isCommon: isCommonPassword }, field);
  } catch (error) {
    if (error instanceof DomainError) throw new AppError('BAD_USER_INPUT', error.code, error.message, error.details);
    throw error;
  }
}

/** What a signed-in user does to their own account: change their password, see and end their sessions. */
export class OwnAccountService {
  private readonly throttle = new SignInThrottle(DEFAULT_SIGN_IN_THROTTLE);

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Changes the viewer's password (lifecycle CHANGE_PASSWORD, also from PASSWORD_CHANGE_REQUIRED): the new one
   * must pass the policy and differ from the current one, which must be given right. Ends every other session
   * of the user, keeping this one. Refusals: the policy's PASSWORD_* reasons and PASSWORD_UNCHANGED (field
   * newPassword), CURRENT_PASSWORD_WRONG (field currentPassword).
   */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, actor: AuditActor, clientAddress: string | null = null): Promise<{ sessionsEnded: number }> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: viewer.userId } });
    if (!user || user.disabledAt) throw unauthenticated();
    checkNewPassword(newPassword, user.username);
    // A wrong current password counts against the sign-in throttle (decision 0015), so a stolen session cannot be
    // used to guess the password faster than signing in could.
    const subjects: SignInSubjects = { account: user.username, client: clientAddress };
    const check = await passwordWork.run(async () => {
      const now = this.now();
      const lockedUntil = await this.throttle.lockedUntil(this.dataSource.manager, subjects, now);
      if (lockedUntil) return { locked: true as const, lockedUntil, now };
      const right = await verifyPasswordInSlot(user.passwordHash, currentPassword);
      if (!right) await this.recordWrongPassword(user, subjects, now, actor);
      return { locked: false as const, currentRight: right, unchanged: right && (await verifyPasswordInSlot(user.passwordHash, newPassword)) };
    });
    if (check.locked) {
      const retryAfterSeconds = secondsUntil(check.lockedUntil, check.now);
      throw new AppError('FORBIDDEN', 'TOO_MANY_ATTEMPTS', `Too many wrong passwords. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
    }
    const { currentRight, unchanged } = check;
    if (!currentRight) throw new AppError('BAD_USER_INPUT', 'CURRENT_PASSWORD_WRONG', 'Your current password is not right.', { fields: ['currentPassword'] });
    if (unchanged) throw new AppError('BAD_USER_INPUT', 'PASSWORD_UNCHANGED', 'The new password must differ from your current one.', { fields: ['newPassword'] });
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(UserEntity, { where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.disabledAt) throw unauthenticated();
      // Someone else (an administrator's reset) changed the password since it was checked: check again.
      if (locked.passwordHash !== user.passwordHash) throw new AppError('BAD_USER_INPUT', 'CURRENT_PASSWORD_WRONG', 'Your current password is not right.', { fields: ['currentPassword'] });
      const move = requireAccountTransition(stateOfUser(locked), 'CHANGE_PASSWORD', ['SELF']);
      const now = this.now();
      await manager.update(UserEntity, { id: user.id }, { passwordHash, passwordChangeRequired: false });
      await this.throttle.clearAccount(manager, user.username);
      const sessionsEnded = await this.accounts.endSessions(manager, user.id, viewer.sessionId ?? null, now);
      await recordAudit(manager, actor, {
        action: 'CHANGE_PASSWORD',
        entityType: 'user',
        entityId: user.id,
        before: { status: stateOfUser(locked) },
        after: { status: move.to, sessionsEnded },
      });
      return { sessionsEnded };
    });
  }

  private async recordWrongPassword(user: UserEntity, subjects: SignInSubjects, now: Date, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const counts = await this.throttle.recordFailure(manager, subjects, now);
      await recordAudit(manager, actor, {
        action: 'CHANGE_PASSWORD_FAILED',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, client: subjects.client, reason: 'CURRENT_PASSWORD_WRONG', accountFailures: counts.ACCOUNT.failures },
      });
    });
  }

  /** The viewer's live sessions, newest first, the current one marked. */
  async sessions(viewer: Viewer): Promise<SessionView[]> {
    const sessions = await liveSessionsOf(this.dataSource.manager, [viewer.userId], this.now());
    return sessions.map((session) => toSessionView(session, viewer.sessionId ?? null));
  }

  /** Ends one of the viewer's own live sessions (NOT_FOUND SESSION_NOT_FOUND for any other); returns those left. */
  async endSession(viewer: Viewer, sessionId: string, actor: AuditActor): Promise<SessionView[]> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.now();
      const session = UUID.test(sessionId)
        ? await manager.findOne(SessionEntity, { where: { id: sessionId, userId: viewer.userId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!session || session.revokedAt || session.expiresAt <= now) {
        throw new AppError('NOT_FOUND', 'SESSION_NOT_FOUND', 'You have no such live session.', { fields: ['id'] });
      }
      await manager.update(SessionEntity, { id: session.id }, { revokedAt: now });
      await recordAudit(manager, actor, {
        action: 'END_SESSION',
        entityType: 'session',
        entityId: session.id,
        before: { revokedAt: null },
        after: { userId: viewer.userId, revokedAt: now.toISOString(), current: session.id === viewer.sessionId },
      });
    });
    return this.sessions(viewer);
  }
}
