import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { forbidden } from "../errors";
import { parseInput } from "../validation";
import { type ReportRejectionsInput, reportRejectionsSchema } from "./schemas";

const SAMPLE_BYTES = 4096;
/** Rejected records kept per datastream (and per system for records naming no known datastream); counts keep growing. */
export const KEPT_PER_DATASTREAM = 500;

function truncate(raw: string): string {
  const bytes = Buffer.from(raw, "utf8");
  return bytes.length <= SAMPLE_BYTES
    ? raw
    : `${bytes.subarray(0, SAMPLE_BYTES).toString("utf8")}… (${bytes.length} bytes)`;
}

/**
 * Records what a client application could not use, so that no record disappears without a trace: each rejection is
 * counted on its datastream (when it names one of the client's own system) and a bounded sample is kept.
 */
export async function reportRejections({ actor, input }: { actor: Actor; input: ReportRejectionsInput }) {
  if (actor.type !== "client") throw forbidden("Only client applications report rejected records");
  await authorize(actor, "data.read", { companyId: actor.companyId, systemId: actor.systemId, what: "System" });
  const { rejections } = parseInput(reportRejectionsSchema, input);
  const names = [...new Set(rejections.map((r) => r.claimedName).filter((n): n is string => Boolean(n)))];
  // Only the client's own system's datastreams are counted: a client must not mark up another tenant's datastream.
  const known = await db.datastream.findMany({
    where: { systemId: actor.systemId, fullName: { in: names } },
    select: { id: true, fullName: true },
  });
  const idOf = new Map(known.map((d) => [d.fullName, d.id]));
  const rows = rejections.map((r) => ({
    systemId: actor.systemId,
    datastreamId: (r.claimedName && idOf.get(r.claimedName)) || null,
    claimedName: r.claimedName ?? "",
    reason: r.reason,
    sample: truncate(r.raw),
    reportedBy: actor.label,
    topic: r.topic ?? null,
    partition: r.partition ?? null,
    offset: r.offset ?? null,
  }));
  const perDatastream = new Map<string, number>();
  for (const row of rows)
    if (row.datastreamId) perDatastream.set(row.datastreamId, (perDatastream.get(row.datastreamId) ?? 0) + 1);

  await db.$transaction(async (tx) => {
    await tx.rejectedRecord.createMany({ data: rows });
    for (const [id, count] of perDatastream) {
      await tx.datastream.update({ where: { id }, data: { rejectedCount: { increment: count } } });
    }
  });
  await pruneSamples(actor.systemId, [...perDatastream.keys()]);
  return { accepted: rows.length, counted: [...perDatastream.values()].reduce((a, b) => a + b, 0) };
}

// Keeps the newest samples; older ones go (their count stays on the datastream).
async function pruneSamples(systemId: string, datastreamIds: string[]) {
  for (const datastreamId of [...datastreamIds, null]) {
    const cutoff = await db.rejectedRecord.findFirst({
      where: { systemId, datastreamId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: KEPT_PER_DATASTREAM,
      select: { at: true, id: true },
    });
    if (cutoff) {
      await db.rejectedRecord.deleteMany({
        where: { systemId, datastreamId, OR: [{ at: { lt: cutoff.at } }, { at: cutoff.at, id: { lte: cutoff.id } }] },
      });
    }
  }
}
