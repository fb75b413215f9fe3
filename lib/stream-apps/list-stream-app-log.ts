import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { parseInput } from "../validation";
import { findAppFor } from "./app-access";
import { APP_LOG_KEEP } from "./app-log";
import { appLogQuerySchema } from "./schemas";

/** An app's log, newest first, a page at a time (`before`: the oldest line already shown). */
export async function listStreamAppLog({ actor, appId, query }: { actor: Actor; appId: string; query?: unknown }) {
  const { app } = await findAppFor(actor, appId, "system.read");
  const q = parseInput(appLogQuerySchema, query ?? {});
  const lines = await db.streamAppLogEntry.findMany({
    where: { appId: app.id, ...(q.before ? { id: { lt: q.before } } : {}) },
    orderBy: { id: "desc" },
    take: q.limit,
  });
  return lines.map((l) => ({ id: l.id, at: l.at, level: l.level, message: l.message, workerId: l.workerId }));
}

/** The whole kept log as text, oldest first (`<time> <level> [<worker>] <message>`), for download. */
export async function exportStreamAppLog({ actor, appId }: { actor: Actor; appId: string }) {
  const { app } = await findAppFor(actor, appId, "system.read");
  const lines = await db.streamAppLogEntry.findMany({
    where: { appId: app.id },
    orderBy: { id: "asc" },
    take: APP_LOG_KEEP * 2,
  });
  const text = lines
    .map((l) => `${l.at.toISOString()} ${l.level.padEnd(5)} ${l.workerId ? `[${l.workerId}] ` : ""}${l.message}`)
    .join("\n");
  return { name: app.name, text: lines.length > 0 ? `${text}\n` : "" };
}
