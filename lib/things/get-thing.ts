import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** A thing the actor may read (or, with action metadata.write, change), with its system and datastream count. */
export async function getThing({
  actor,
  thingId,
  action = "metadata.read",
}: {
  actor: Actor;
  thingId: string;
  action?: "metadata.read" | "metadata.write";
}) {
  if (!isId(thingId)) throw notFound("Thing");
  const thing = await db.thing.findUnique({
    where: { id: thingId },
    include: {
      system: { select: { id: true, name: true, companyId: true } },
      _count: { select: { datastreams: true } },
    },
  });
  if (!thing) throw notFound("Thing");
  await authorize(actor, action, { companyId: thing.system.companyId, systemId: thing.systemId, what: "Thing" });
  return thing;
}
