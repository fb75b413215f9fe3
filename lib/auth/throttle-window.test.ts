import { describe, expect, it } from "vitest";
import { MAX_FAILURES, retryAfterMs, WINDOW_MS } from "./throttle-window";

const failuresAt = (count: number, at: (i: number) => number) =>
  Array.from({ length: count }, (_, i) => at(i)).sort((a, b) => b - a);

describe("the sign-in throttle's window", () => {
  const now = 10_000_000;

  it("lets an email try again while it has fewer than the maximum failures in the window", () => {
    expect(retryAfterMs([], now)).toBe(0);
    expect(
      retryAfterMs(
        failuresAt(MAX_FAILURES - 1, () => now),
        now,
      ),
    ).toBe(0);
  });

  it("refuses it until the oldest counted failure leaves the window", () => {
    expect(
      retryAfterMs(
        failuresAt(MAX_FAILURES, () => now),
        now,
      ),
    ).toBe(WINDOW_MS);
    // Failures one minute apart: the wait is set by the tenth newest, not by the newest.
    const spread = failuresAt(MAX_FAILURES + 3, (i) => now - i * 60_000);
    expect(retryAfterMs(spread, now)).toBe(WINDOW_MS - (MAX_FAILURES - 1) * 60_000);
    expect(retryAfterMs(spread, now + WINDOW_MS)).toBe(0);
  });

  it("ignores failures older than the window", () => {
    const old = failuresAt(MAX_FAILURES, () => now - WINDOW_MS - 1);
    expect(retryAfterMs(old, now)).toBe(0);
    expect(retryAfterMs([...failuresAt(MAX_FAILURES - 1, () => now), ...old], now)).toBe(0);
  });
});
