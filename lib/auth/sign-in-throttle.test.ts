import { describe, expect, it } from "vitest";
import { MAX_FAILURES, SignInThrottle, WINDOW_MS } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("refuses an email after too many failures until the window has passed", () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.fail("ada@example.test");
    expect(throttle.retryAfter("ada@example.test")).toBe(0);
    throttle.fail("ada@example.test");
    expect(throttle.retryAfter("ada@example.test")).toBe(WINDOW_MS);
    expect(throttle.retryAfter("grace@example.test")).toBe(0);
    now += WINDOW_MS / 2;
    expect(throttle.retryAfter("ada@example.test")).toBe(WINDOW_MS / 2);
    now += WINDOW_MS / 2 + 1;
    expect(throttle.retryAfter("ada@example.test")).toBe(0);
  });

  it("forgets failures after a success", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < MAX_FAILURES; i++) throttle.fail("x");
    throttle.succeed("x");
    expect(throttle.retryAfter("x")).toBe(0);
  });
});
