import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { getSensor } from "./get-sensor";

/** What deleting the sensor changes, for the confirmation dialog: the datastreams it is detached from. */
export async function sensorDeletionImpact({ actor, sensorId }: { actor: Actor; sensorId: string }) {
  const sensor = await getSensor({ actor, sensorId, action: "metadata.write" });
  return { name: sensor.name, detachedDatastreams: sensor._count.datastreams };
}

/** Deletes a sensor; its datastreams stay, without a sensor. */
export async function deleteSensor({ actor, sensorId }: { actor: Actor; sensorId: string }) {
  const sensor = await getSensor({ actor, sensorId, action: "metadata.write" });
  const { system, _count, ...row } = sensor;
  return db.$transaction(async (tx) => {
    const detached = await tx.datastream.count({ where: { sensorId } });
    await tx.sensor.delete({ where: { id: sensorId } });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "sensor.delete",
      target: { type: "sensor", id: sensorId, label: `${system.name}: ${sensor.name}` },
      before: row,
      after: { detachedDatastreams: detached },
    });
    return { name: sensor.name, detachedDatastreams: detached };
  });
}
