import "server-only";
import { db } from "../db/client";
import type { ReportRejectionsInput } from "./schemas";

const SAMPLE_BYTES = 4096;
/** Rejected records kept per datastream (and per system for records naming no known datastream); counts keep growing. */
export const KEPT_PER_DATASTREAM = 500;

type Rejection = ReportRejectionsInput["rejections"][number];

function truncate(raw: string): string {
  const bytes = Buffer.from(raw, "utf8");
  return bytes.length <= SAMPLE_BYTES
    ? raw
    : `${bytes.subarray(0, SAMPLE_BYTES).toString("utf8")}… (${bytes.length} bytes)`;
}

/**
 * Keeps what a reader of a system's topics could not use, so no record disappears without a trace: a bounded sample
 * per datastream (or per system, for records naming none of the system's datastreams), and counts on the system, the
 * reporting client and the datastream. A message (topic, partition, offset) counts once, however many readers (the
 * system's clients, the console's live hub, a stream app) report it. Returns how many were new.
 */
export async function storeRejections({
  systemId,
  reportedBy,
  clientId,
  rejections,
}: {
  systemId: string;
  /** A client's principal, or a console component (`rhei:live`). */
  reportedBy: string;
  clientId?: string;
  rejections: readonly Rejection[];
}): Promise<{ stored: number; counted: number }> {
  const names = [...new Set(rejections.map((r) => r.claimedName).filter((n): n is string => Boolean(n)))];
  // Only the system's own datastreams are counted: a reader must not mark up another tenant's datastream.
  const known = await db.datastream.findMany({
    where: { systemId, fullName: { in: names } },
    select: { id: true, fullName: true },
  });
  const idOf = new Map(known.map((d) => [d.fullName, d.id]));
  const rows = rejections.map((r) => ({
    systemId,
    datastreamId: (r.claimedName && idOf.get(r.claimedName)) || null,
    claimedName: r.claimedName ?? "",
    reason: r.reason,
    sample: truncate(r.raw),
    reportedBy,
    topic: r.topic ?? null,
    partition: r.partition ?? null,
    offset: r.offset ?? null,
  }));
  const stored = await db.$transaction(async (tx) => {
    const inserted = await tx.rejectedRecord.createManyAndReturn({
      data: rows,
      skipDuplicates: true,
      select: { datastreamId: true },
    });
    const perDatastream = new Map<string, number>();
    for (const row of inserted) {
      if (row.datastreamId) perDatastream.set(row.datastreamId, (perDatastream.get(row.datastreamId) ?? 0) + 1);
    }
    for (const [id, n] of perDatastream) {
      await tx.datastream.update({ where: { id }, data: { rejectedCount: { increment: n } } });
    }
    if (inserted.length > 0) {
      await tx.system.update({ where: { id: systemId }, data: { rejectedCount: { increment: inserted.length } } });
      if (clientId) {
        await tx.client.update({ where: { id: clientId }, data: { rejectedCount: { increment: inserted.length } } });
      }
    }
    return { inserted: inserted.length, perDatastream };
  });
  await pruneSamples(systemId, [...stored.perDatastream.keys()]);
  return { stored: stored.inserted, counted: [...stored.perDatastream.values()].reduce((a, b) => a + b, 0) };
}

// Keeps the newest samples; older ones go (their counts stay).
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
