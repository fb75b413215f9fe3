import "server-only";
import { db } from "../db/client";
import { MAX_FAILURES, retryAfterMs, WINDOW_MS } from "./throttle-window";

/**
 * Slows password guessing per email. Failures live in PostgreSQL, so every console process behind a load balancer
 * counts the same ones; rows older than the window are removed as new failures come in.
 */
export const signInThrottle = {
  async retryAfter(email: string): Promise<number> {
    const now = Date.now();
    const recent = await db.signInFailure.findMany({
      where: { email, at: { gt: new Date(now - WINDOW_MS) } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES,
      select: { at: true },
    });
    return retryAfterMs(
      recent.map((f) => f.at.getTime()),
      now,
    );
  },

  async fail(email: string): Promise<void> {
    await db.$transaction([
      db.signInFailure.create({ data: { email } }),
      db.signInFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - WINDOW_MS) } } }),
    ]);
  },

  async succeed(email: string): Promise<void> {
    await db.signInFailure.deleteMany({ where: { email } });
  },
};
