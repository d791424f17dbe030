import { ARGON2_CONCURRENCY, WorkLimiter, hashPassword, passwordWork, verifyPasswordInSlot } from './password';

/** A task the test finishes by hand, so nothing depends on timing. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WorkLimiter', () => {
  it('runs at most `limit` tasks at once and starts the queued ones in arrival order as slots free up', async () => {
    const limiter = new WorkLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 6 }, deferred);
    const results = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        running++;
        peak = Math.max(peak, running);
        await gate.done;
        running--;
        return index;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(4);
    gates[1].finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(limiter.queued).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = new WorkLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('password work', () => {
  it(`queues argon2 hashing behind the process's ${ARGON2_CONCURRENCY} slots`, async () => {
    const gates = Array.from({ length: ARGON2_CONCURRENCY }, deferred);
    const holders = gates.map((gate) => passwordWork.run(() => gate.done));
    const hashing = hashPassword('a password');
    await settle();
    expect(passwordWork.queued).toBe(1);
    for (const gate of gates) gate.finish();
    await Promise.all(holders);
    expect(await verifyPasswordInSlot(await hashing, 'a password')).toBe(true);
  });

  it('answers false for a wrong password, and for no hash at all (the decoy for an unknown user)', async () => {
    const hash = await hashPassword('right');
    expect(await verifyPasswordInSlot(hash, 'wrong')).toBe(false);
    expect(await verifyPasswordInSlot(null, 'decoy-password-that-nobody-has')).toBe(false);
  });
});
