import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { getSystem } from "./get-system";

/** How many clients, things, sensors and datastreams a system holds, for its overview. */
export async function systemContents({ actor, systemId }: { actor: Actor; systemId: string }) {
  await getSystem({ actor, systemId });
  const { _count } = await db.system.findUniqueOrThrow({
    where: { id: systemId },
    select: { _count: { select: { clients: true, things: true, sensors: true, datastreams: true } } },
  });
  return _count;
}
