import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** An observed property the actor may read (or, with action metadata.write, change), with its system and datastream count. */
export async function getObservedProperty({
  actor,
  observedPropertyId,
  action = "metadata.read",
}: {
  actor: Actor;
  observedPropertyId: string;
  action?: "metadata.read" | "metadata.write";
}) {
  if (!isId(observedPropertyId)) throw notFound("Observed property");
  const observedProperty = await db.observedProperty.findUnique({
    where: { id: observedPropertyId },
    include: {
      system: { select: { id: true, name: true, companyId: true } },
      _count: { select: { datastreams: true } },
    },
  });
  if (!observedProperty) throw notFound("Observed property");
  await authorize(actor, action, {
    companyId: observedProperty.system.companyId,
    systemId: observedProperty.systemId,
    what: "Observed property",
  });
  return observedProperty;
}
