/**
 * Slows passphrase guessing: after a few failures each attempt must wait twice as long as the
 * last, up to a minute. Failures are persisted so a restart does not reset the count.
 */
export interface AttemptState {
  failures: number;
  lastFailureAt: number;
}

const FREE_FAILURES = 3;
const MAX_DELAY_MS = 60_000;

/** Milliseconds to wait before the next attempt is allowed (0 = now). */
export function waitBeforeAttempt(state: AttemptState | undefined, now: number): number {
  if (!state || state.failures < FREE_FAILURES) return 0;
  const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (state.failures - FREE_FAILURES));
  return Math.max(0, state.lastFailureAt + delay - now);
}

export function recordFailure(state: AttemptState | undefined, now: number): AttemptState {
  return { failures: (state?.failures ?? 0) + 1, lastFailureAt: now };
}
