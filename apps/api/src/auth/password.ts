import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** How many argon2 computations one API process runs at once; the rest wait their turn (decision 0015). */
export const ARGON2_CONCURRENCY = 2;

/**
 * A counting semaphore: at most `limit` tasks run at once, the others wait in arrival order. It caps argon2's
 * memory (19 MiB each) however many sign-ins arrive together, in parallel requests or as aliases of one.
 */
export class WorkLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next task, so `running` never drops below the tasks still at work.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The process's one limiter of password work: hashing, and sign-in's check and verification, go through it. */
export const passwordWork = new WorkLimiter(ARGON2_CONCURRENCY);

export function hashPassword(password: string): Promise<string> {
  return passwordWork.run(() => argon2.hash(password, options));
}

/** A throwaway hash, made once outside the limiter (it is called from inside a slot). */
let decoyHash: Promise<string> | undefined;

/**
 * Verifies a password against a hash, or, with no hash (an unknown or disabled user), against a throwaway
 * one so the work and timing are alike and the answer is false. Call it inside `passwordWork.run`: sign-in
 * checks its lockout in the same slot, so parallel attempts cannot all pass the check before any is counted.
 */
export async function verifyPasswordInSlot(hash: string | null, password: string): Promise<boolean> {
  decoyHash ??= argon2.hash('decoy-password-that-nobody-has', options);
  try {
    const valid = await argon2.verify(hash ?? (await decoyHash), password);
    return hash !== null && valid;
  } catch {
    return false;
  }
}
