// The sign-in throttle's rule, apart from where failures are kept: after MAX_FAILURES failed sign-ins for one email
// within WINDOW_MS, further attempts for it are refused until the oldest of those failures leaves the window.
export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 10;

/** Milliseconds until the email may try again (0: now), given its failures' times, newest first. */
export function retryAfterMs(failuresNewestFirst: readonly number[], now: number): number {
  const recent = failuresNewestFirst.filter((t) => t > now - WINDOW_MS);
  if (recent.length < MAX_FAILURES) return 0;
  const oldestCounted = recent[MAX_FAILURES - 1] as number;
  return Math.max(0, oldestCounted + WINDOW_MS - now);
}
