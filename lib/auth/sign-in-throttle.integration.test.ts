import { describe, expect, it } from "vitest";
import { uniq } from "@/test/seed";
import { db } from "../db/client";
import { signInThrottle } from "./sign-in-throttle";
import { MAX_FAILURES, WINDOW_MS } from "./throttle-window";

describe("the sign-in throttle, kept in PostgreSQL", () => {
  it("refuses an email after too many failures, not another email, and forgets them after a success", async () => {
    const ada = `${uniq("ada")}@example.test`;
    const grace = `${uniq("grace")}@example.test`;
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signInThrottle.fail(ada);
    expect(await signInThrottle.retryAfter(ada)).toBe(0);
    await signInThrottle.fail(ada);
    const wait = await signInThrottle.retryAfter(ada);
    expect(wait).toBeGreaterThan(WINDOW_MS - 60_000);
    expect(wait).toBeLessThanOrEqual(WINDOW_MS);
    expect(await signInThrottle.retryAfter(grace)).toBe(0);

    await signInThrottle.succeed(ada);
    expect(await signInThrottle.retryAfter(ada)).toBe(0);
    expect(await db.signInFailure.count({ where: { email: ada } })).toBe(0);
  });

  it("does not count failures older than the window, and removes them as new failures come in", async () => {
    const email = `${uniq("old")}@example.test`;
    const long = new Date(Date.now() - WINDOW_MS - 60_000);
    await db.signInFailure.createMany({ data: Array.from({ length: MAX_FAILURES }, () => ({ email, at: long })) });
    expect(await signInThrottle.retryAfter(email)).toBe(0);
    await signInThrottle.fail(`${uniq("other")}@example.test`);
    expect(await db.signInFailure.count({ where: { email } })).toBe(0);
  });
});
