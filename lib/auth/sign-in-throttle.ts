// Slows password guessing: after MAX_FAILURES failed sign-ins for one email within WINDOW_MS, further attempts for it
// are refused until the window has passed. Per console process (a guess spread over processes gets N × the budget),
// bounded in memory.
export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 10;
const MAX_KEYS = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until `key` may try again, or 0. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < MAX_FAILURES) return 0;
    return (recent[recent.length - MAX_FAILURES] ?? 0) + WINDOW_MS - this.now();
  }

  fail(key: string): void {
    const recent = this.recent(key);
    if (!this.failures.has(key) && this.failures.size >= MAX_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(key, [...recent, this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

export const signInThrottle = new SignInThrottle();
