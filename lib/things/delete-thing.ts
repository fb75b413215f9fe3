import "server-only";
import { recordAuditEvent, recordAuditEvents } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { getThing } from "./get-thing";

/** What deleting the thing takes with it, for the confirmation dialog: its datastreams, the first `limit` named. */
export async function thingDeletionImpact({
  actor,
  thingId,
  limit = 10,
}: {
  actor: Actor;
  thingId: string;
  limit?: number;
}) {
  const thing = await getThing({ actor, thingId, action: "metadata.write" });
  const named = await db.datastream.findMany({
    where: { thingId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: Math.max(0, limit),
    select: { fullName: true },
  });
  const count = thing._count.datastreams;
  return {
    name: `${thing.system.name}.${thing.name}`,
    datastreams: { count, names: named.map((d) => d.fullName), more: Math.max(0, count - named.length) },
  };
}

/** Deletes a thing and its datastreams (with their schema versions); one audit event for each. */
export async function deleteThing({ actor, thingId }: { actor: Actor; thingId: string }) {
  const thing = await getThing({ actor, thingId, action: "metadata.write" });
  const { system, _count, ...row } = thing;
  const label = `${system.name}.${thing.name}`;
  return db.$transaction(async (tx) => {
    const datastreams = await tx.datastream.findMany({
      where: { thingId },
      select: { id: true, fullName: true, observationType: true, schemaVersion: true },
      orderBy: { name: "asc" },
    });
    await tx.thing.delete({ where: { id: thingId } });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "thing.delete",
      target: { type: "thing", id: thingId, label },
      before: row,
      after: { deletedDatastreams: datastreams.length },
    });
    await recordAuditEvents(
      tx,
      actor,
      datastreams.map((d) => ({
        companyId: system.companyId,
        action: "datastream.delete",
        target: { type: "datastream", id: d.id, label: d.fullName },
        before: d,
        after: { reason: `thing ${label} deleted` },
      })),
    );
    if (datastreams.length > 0) {
      await publishEvent(
        { type: "datastream.changed", companyId: system.companyId, systemId: system.id, change: "deleted" },
        tx,
      );
    }
    return { name: label, deletedDatastreams: datastreams.map((d) => d.fullName) };
  });
}
