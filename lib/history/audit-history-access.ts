import "server-only";
import { auditEventData } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { auditedQuery, describeQuery, type HistoryQuery } from "./history-query";

// Who looked at which data: every trace query, export, aggregation and replay is an audit event of its company
// (action history.<kind>), with the datastreams, the range and how many records went out. Long ones (exports,
// replays) are written when they start, so an interrupted one is in the log too, and completed with the count.

export type HistoryAccess = "history.query" | "history.export" | "history.aggregate" | "history.replay";

export async function recordHistoryAccess(
  actor: Actor,
  action: HistoryAccess,
  query: HistoryQuery,
  details: Record<string, unknown>,
): Promise<string> {
  const row = await db.auditEvent.create({
    data: auditEventData(actor, {
      companyId: query.companyId,
      action,
      target: { type: "history", label: describeQuery(query) },
      after: { ...auditedQuery(query), ...details },
    }),
    select: { id: true },
  });
  return row.id;
}

/** Completes a started access: how it ended and how many records went out. */
export async function finishHistoryAccess(id: string, details: Record<string, unknown>): Promise<void> {
  const row = await db.auditEvent.findUnique({ where: { id }, select: { after: true } });
  const after = { ...((row?.after as Record<string, unknown> | null) ?? {}), ...details };
  await db.auditEvent.update({ where: { id }, data: { after: after as Prisma.InputJsonValue } });
}

/** A look at a topic's raw messages (the messages view): who, which topic, from where, how many. */
export async function recordTopicBrowse(
  actor: Actor,
  companyId: string,
  topic: string,
  details: Record<string, unknown>,
): Promise<void> {
  await db.auditEvent.create({
    data: auditEventData(actor, {
      companyId,
      action: "history.messages",
      target: { type: "kafka-topic", label: topic },
      after: { topic, ...details },
    }),
  });
}
