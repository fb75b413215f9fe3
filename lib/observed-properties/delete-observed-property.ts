import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { getObservedProperty } from "./get-observed-property";

/** What deleting the observed property changes, for the confirmation dialog: the datastreams it is detached from. */
export async function observedPropertyDeletionImpact({
  actor,
  observedPropertyId,
}: {
  actor: Actor;
  observedPropertyId: string;
}) {
  const observedProperty = await getObservedProperty({ actor, observedPropertyId, action: "metadata.write" });
  return { name: observedProperty.name, detachedDatastreams: observedProperty._count.datastreams };
}

/** Deletes an observed property; its datastreams stay, without one. */
export async function deleteObservedProperty({
  actor,
  observedPropertyId,
}: {
  actor: Actor;
  observedPropertyId: string;
}) {
  const observedProperty = await getObservedProperty({ actor, observedPropertyId, action: "metadata.write" });
  const { system, _count, ...row } = observedProperty;
  return db.$transaction(async (tx) => {
    const detached = await tx.datastream.count({ where: { observedPropertyId } });
    await tx.observedProperty.delete({ where: { id: observedPropertyId } });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "observedProperty.delete",
      target: { type: "observedProperty", id: observedPropertyId, label: `${system.name}: ${observedProperty.name}` },
      before: row,
      after: { detachedDatastreams: detached },
    });
    return { name: observedProperty.name, detachedDatastreams: detached };
  });
}
