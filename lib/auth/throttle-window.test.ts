import { describe, expect, it } from "vitest";
import { retryAfterMs, signInLimits, signUpLimits } from "./throttle-window";

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const limit = { max: MAX_FAILURES, windowMs: WINDOW_MS };

const failuresAt = (count: number, at: (i: number) => number) =>
  Array.from({ length: count }, (_, i) => at(i)).sort((a, b) => b - a);

describe("the throttles' limits", () => {
  it("count sign-in failures per address and client, and per address at a far higher limit", () => {
    const [pair, address] = signInLimits("ada@example.test", "10.0.0.1");
    expect(pair).toEqual({ key: "sign-in:ada@example.test|10.0.0.1", max: 10, windowMs: WINDOW_MS });
    expect(address?.key).toBe("sign-in:ada@example.test");
    expect(address?.max).toBeGreaterThanOrEqual(10 * MAX_FAILURES);
    expect(signUpLimits("ada@example.test", "10.0.0.1").map((l) => l.key)).toEqual([
      "sign-up-client:10.0.0.1",
      "sign-up:ada@example.test",
    ]);
  });
});

describe("the throttle's window", () => {
  const now = 10_000_000;

  it("lets an email try again while it has fewer than the maximum failures in the window", () => {
    expect(retryAfterMs([], now, limit)).toBe(0);
    expect(
      retryAfterMs(
        failuresAt(MAX_FAILURES - 1, () => now),
        now,
        limit,
      ),
    ).toBe(0);
  });

  it("refuses it until the oldest counted failure leaves the window", () => {
    expect(
      retryAfterMs(
        failuresAt(MAX_FAILURES, () => now),
        now,
        limit,
      ),
    ).toBe(WINDOW_MS);
    // Failures one minute apart: the wait is set by the tenth newest, not by the newest.
    const spread = failuresAt(MAX_FAILURES + 3, (i) => now - i * 60_000);
    expect(retryAfterMs(spread, now, limit)).toBe(WINDOW_MS - (MAX_FAILURES - 1) * 60_000);
    expect(retryAfterMs(spread, now + WINDOW_MS, limit)).toBe(0);
  });

  it("ignores failures older than the window", () => {
    const old = failuresAt(MAX_FAILURES, () => now - WINDOW_MS - 1);
    expect(retryAfterMs(old, now, limit)).toBe(0);
    expect(retryAfterMs([...failuresAt(MAX_FAILURES - 1, () => now), ...old], now, limit)).toBe(0);
  });
});
