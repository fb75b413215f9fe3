// The throttles' rule, apart from where attempts are kept: after `max` attempts under one key within `windowMs`,
// further attempts under it are refused until the oldest of those leaves the window.
export interface ThrottleLimit {
  key: string;
  max: number;
  windowMs: number;
}

/** Milliseconds until the key may be tried again (0: now), given its attempts' times, newest first. */
export function retryAfterMs(attemptsNewestFirst: readonly number[], now: number, limit: Omit<ThrottleLimit, "key">) {
  const recent = attemptsNewestFirst.filter((t) => t > now - limit.windowMs);
  if (recent.length < limit.max) return 0;
  const oldestCounted = recent[limit.max - 1] as number;
  return Math.max(0, oldestCounted + limit.windowMs - now);
}

const MINUTE = 60_000;

/**
 * Sign-in failures count per address and client (the browser's address as the console sees it), so a stranger who
 * fails ten times locks out only themselves; a far higher limit per address alone slows guessing from many places
 * (and takes many places to reach).
 */
export function signInLimits(email: string, client: string): ThrottleLimit[] {
  return [
    { key: `sign-in:${email}|${client}`, max: 10, windowMs: 15 * MINUTE },
    { key: `sign-in:${email}`, max: 100, windowMs: 15 * MINUTE },
  ];
}

/** Sign-ups (which say whether an address is taken) per client and per address. */
export function signUpLimits(email: string, client: string): ThrottleLimit[] {
  return [
    { key: `sign-up-client:${client}`, max: 10, windowMs: 60 * MINUTE },
    { key: `sign-up:${email}`, max: 5, windowMs: 60 * MINUTE },
  ];
}
