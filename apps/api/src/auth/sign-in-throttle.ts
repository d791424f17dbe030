import type { EntityManager } from 'typeorm';
import { SignInThrottleEntity } from './sign-in-throttle.entity';
import { pruneSignInThrottle } from './sign-in-throttle.queries';

/** The limit of failed sign-ins for one account or one client, and the lockout that follows (decision 0015). */
export interface ThrottleLimit {
  /** Failures within the window that lock. */
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

export interface SignInThrottlePolicy {
  /** Per account: the normalised username tried, whether or not such a user exists. */
  account: ThrottleLimit;
  /** Per client: the IP address as Express sees it (`req.ip`; behind a proxy, set `trust proxy`). */
  client: ThrottleLimit;
}

/** 5 failures of one account, or 20 from one client, within 15 minutes lock it for 15 minutes. */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  account: { maxFailures: 5, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
  client: { maxFailures: 20, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
};

export type ThrottleScope = 'ACCOUNT' | 'CLIENT';

/** Who is trying to sign in: the account named and the client asking (null outside HTTP, e.g. in tests). */
export interface SignInSubjects {
  account: string;
  client: string | null;
}

export interface ThrottleCount {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/**
 * The count after one more failure at `now`. A window that has run out, or a lockout that has ended, starts a
 * fresh count; reaching the limit locks for `lockoutSeconds` from now.
 */
export function countFailure(previous: ThrottleCount | null, now: Date, limit: ThrottleLimit): ThrottleCount {
  const windowOver = !previous || previous.windowStartedAt.getTime() <= now.getTime() - limit.windowSeconds * 1000;
  const lockoutOver = previous?.lockedUntil != null && previous.lockedUntil.getTime() <= now.getTime();
  const fresh = windowOver || lockoutOver;
  const failures = fresh ? 1 : previous.failures + 1;
  const lockedUntil = failures >= limit.maxFailures ? new Date(now.getTime() + limit.lockoutSeconds * 1000) : fresh ? null : previous.lockedUntil;
  return { failures, windowStartedAt: fresh ? now : previous.windowStartedAt, lockedUntil };
}

/** Whole seconds until `until`, at least 1. */
export const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** The counters in `sign_in_throttle`; every method runs on the caller's manager (its transaction). */
export class SignInThrottle {
  constructor(readonly policy: SignInThrottlePolicy) {}

  /** The latest end of a lockout of the account or the client that is still running at `now`, or null. */
  async lockedUntil(manager: EntityManager, subjects: SignInSubjects, now: Date, forUpdate = false): Promise<Date | null> {
    const query = manager
      .getRepository(SignInThrottleEntity)
      .createQueryBuilder('t')
      .where(`((t.scope = 'ACCOUNT' AND t.subject = :account) OR (t.scope = 'CLIENT' AND t.subject = :client))`, subjects)
      .andWhere('t.locked_until > :now', { now })
      .orderBy('t.scope', 'ASC');
    if (forUpdate) query.setLock('pessimistic_write');
    const rows = await query.getMany();
    const ends = rows.map((row) => (row.lockedUntil as Date).getTime());
    return ends.length ? new Date(Math.max(...ends)) : null;
  }

  /** Counts a failed sign-in against the account and the client; returns both counts. Locks the rows it counts. */
  async recordFailure(manager: EntityManager, subjects: SignInSubjects, now: Date): Promise<{ ACCOUNT: ThrottleCount; CLIENT: ThrottleCount | null }> {
    // Always the account before the client, so two transactions never wait on each other's rows.
    const account = await this.count(manager, 'ACCOUNT', subjects.account, now, this.policy.account);
    const client = subjects.client === null ? null : await this.count(manager, 'CLIENT', subjects.client, now, this.policy.client);
    return { ACCOUNT: account, CLIENT: client };
  }

  /** A successful sign-in clears the account's count (never the client's: one good password must not reset it). */
  async clearAccount(manager: EntityManager, account: string): Promise<void> {
    await manager.delete(SignInThrottleEntity, { scope: 'ACCOUNT', subject: account });
  }

  /** Removes counts whose window and lockout are both over; skips rows another sign-in holds. */
  async prune(manager: EntityManager, now: Date): Promise<void> {
    const longestWindow = Math.max(this.policy.account.windowSeconds, this.policy.client.windowSeconds);
    await pruneSignInThrottle.run(manager, [new Date(now.getTime() - longestWindow * 1000), now]);
  }

  private async count(manager: EntityManager, scope: ThrottleScope, subject: string, now: Date, limit: ThrottleLimit): Promise<ThrottleCount> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SignInThrottleEntity)
      .values({ scope, subject, failures: 0, windowStartedAt: now, lockedUntil: null })
      .orIgnore()
      .execute();
    const row = await manager.findOneOrFail(SignInThrottleEntity, { where: { scope, subject }, lock: { mode: 'pessimistic_write' } });
    const next = countFailure(row.failures === 0 ? null : row, now, limit);
    await manager.update(SignInThrottleEntity, { scope, subject }, next);
    return next;
  }
}
