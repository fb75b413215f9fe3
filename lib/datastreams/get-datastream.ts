import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

export const datastreamInclude = {
  system: { select: { id: true, name: true, companyId: true } },
  thing: { select: { id: true, name: true } },
  sensor: { select: { id: true, name: true } },
  observedProperty: { select: { id: true, name: true } },
} as const;

type Where = { id: string } | { fullName: string };

type ReadAction = "metadata.read" | "metadata.write" | "data.read";

async function loadAuthorized(actor: Actor, where: Where, action: ReadAction) {
  const datastream = await db.datastream.findUnique({ where, include: datastreamInclude });
  if (!datastream) throw notFound("Datastream");
  await authorize(actor, action, {
    companyId: datastream.system.companyId,
    systemId: datastream.systemId,
    what: "Datastream",
  });
  return datastream;
}

/** A datastream the actor may read (its data, with data.read; or, with metadata.write, change), with its system, thing, sensor, property. */
export async function getDatastream({
  actor,
  datastreamId,
  action = "metadata.read",
}: {
  actor: Actor;
  datastreamId: string;
  action?: ReadAction;
}) {
  if (!isId(datastreamId)) throw notFound("Datastream");
  return loadAuthorized(actor, { id: datastreamId }, action);
}

/** The same, by full name `system.thing.datastream` (the Kafka message key), as producers and consumers know it. */
export async function getDatastreamByFullName({ actor, fullName }: { actor: Actor; fullName: string }) {
  return loadAuthorized(actor, { fullName }, "metadata.read");
}
