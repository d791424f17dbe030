import { countFailure, DEFAULT_SIGN_IN_THROTTLE, secondsUntil } from './sign-in-throttle';

const limit = DEFAULT_SIGN_IN_THROTTLE.account; // 5 failures within 15 minutes lock for 15 minutes
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 9, 0) + minutes * 60_000);

describe('countFailure', () => {
  it('starts a count of 1 with no lockout for a first failure', () => {
    expect(countFailure(null, at(0), limit)).toEqual({ failures: 1, windowStartedAt: at(0), lockedUntil: null });
  });

  it('locks for 15 minutes from the failure that reaches 5 within the window', () => {
    expect(countFailure({ failures: 4, windowStartedAt: at(0), lockedUntil: null }, at(14), limit)).toEqual({
      failures: 5,
      windowStartedAt: at(0),
      lockedUntil: at(29),
    });
  });

  it('starts afresh when the window has run out, so slow guessing never locks', () => {
    expect(countFailure({ failures: 4, windowStartedAt: at(0), lockedUntil: null }, at(15), limit)).toEqual({
      failures: 1,
      windowStartedAt: at(15),
      lockedUntil: null,
    });
  });

  it('starts afresh after a lockout has ended', () => {
    expect(countFailure({ failures: 5, windowStartedAt: at(10), lockedUntil: at(20) }, at(20), limit)).toEqual({
      failures: 1,
      windowStartedAt: at(20),
      lockedUntil: null,
    });
  });
});

describe('secondsUntil', () => {
  it('rounds up to whole seconds and is never below 1', () => {
    expect(secondsUntil(at(15), at(0))).toBe(900);
    expect(secondsUntil(new Date(at(0).getTime() + 1), at(0))).toBe(1);
    expect(secondsUntil(at(0), at(1))).toBe(1);
  });
});
