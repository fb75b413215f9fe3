import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden, unauthenticated } from "../errors";

/**
 * The client application that is calling ("who am I" for the SDK): only a client actor has one. Its credentials
 * were checked when the actor was resolved, so a revoked or deleted client never gets here with a live row.
 */
export async function getCallingClient({ actor }: { actor: Actor }) {
  if (actor.type !== "client")
    throw forbidden("Only a client application has a client identity: call with its credentials");
  const client = await db.client.findUnique({
    where: { id: actor.clientId },
    include: { system: { select: { id: true, name: true } } },
  });
  if (client?.status !== "active") throw unauthenticated();
  return client;
}
