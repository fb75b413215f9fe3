import "server-only";
import { db } from "../db/client";
import { retryAfterMs, type ThrottleLimit } from "./throttle-window";

/** Attempts kept this long at most (the longest window of any limit). */
const KEEP_MS = 60 * 60_000;

/**
 * Counts attempts under keys and says how long to wait. Attempts live in PostgreSQL, so every console process
 * behind a load balancer counts the same ones; rows older than any window go as new attempts come in.
 */
export const throttle = {
  /** Milliseconds until all of the limits allow another attempt (0: now). */
  async retryAfter(limits: readonly ThrottleLimit[]): Promise<number> {
    const now = Date.now();
    const waits = await Promise.all(
      limits.map(async (limit) => {
        const recent = await db.throttleEvent.findMany({
          where: { key: limit.key, at: { gt: new Date(now - limit.windowMs) } },
          orderBy: { at: "desc" },
          take: limit.max,
          select: { at: true },
        });
        return retryAfterMs(
          recent.map((a) => a.at.getTime()),
          now,
          limit,
        );
      }),
    );
    return Math.max(0, ...waits);
  },

  async record(limits: readonly ThrottleLimit[]): Promise<void> {
    await db.$transaction([
      db.throttleEvent.createMany({ data: limits.map((l) => ({ key: l.key })) }),
      db.throttleEvent.deleteMany({ where: { at: { lt: new Date(Date.now() - KEEP_MS) } } }),
    ]);
  },

  async clear(limits: readonly ThrottleLimit[]): Promise<void> {
    await db.throttleEvent.deleteMany({ where: { key: { in: limits.map((l) => l.key) } } });
  },
};

/** The client's address as server.ts recorded it (never a header the client chose). */
export function clientAddressOf(headers: Headers | Record<string, unknown>): string {
  const value = headers instanceof Headers ? headers.get("x-rhei-client-address") : headers["x-rhei-client-address"];
  return typeof value === "string" && value ? value : "unknown";
}
