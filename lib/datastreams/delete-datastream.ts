import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { getDatastream } from "./get-datastream";

/** What deleting the datastream takes with it, for the confirmation dialog. */
export async function datastreamDeletionImpact({ actor, datastreamId }: { actor: Actor; datastreamId: string }) {
  const datastream = await getDatastream({ actor, datastreamId, action: "metadata.write" });
  const counts = await db.datastream.findUniqueOrThrow({
    where: { id: datastreamId },
    select: { _count: { select: { schemaVersions: true, rejectedRecords: true } } },
  });
  return { fullName: datastream.fullName, ...counts._count };
}

/** Deletes a datastream with its schema versions; its records stay in Kafka until retention removes them. */
export async function deleteDatastream({ actor, datastreamId }: { actor: Actor; datastreamId: string }) {
  const datastream = await getDatastream({ actor, datastreamId, action: "metadata.write" });
  const { system, thing, sensor, observedProperty, ...row } = datastream;
  await db.$transaction(async (tx) => {
    await tx.datastream.delete({ where: { id: datastreamId } });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "datastream.delete",
      target: { type: "datastream", id: datastreamId, label: datastream.fullName },
      before: row,
    });
    await publishEvent(
      { type: "datastream.changed", companyId: system.companyId, systemId: system.id, datastreamId, change: "deleted" },
      tx,
    );
  });
  return { fullName: datastream.fullName };
}
