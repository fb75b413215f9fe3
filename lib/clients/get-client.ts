import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { Action } from "../authz/permissions";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** A client application the actor may act on, with its system; another tenant's client is not found. */
export async function getClient({
  actor,
  clientId,
  action = "client.read",
}: {
  actor: Actor;
  clientId: string;
  action?: Action;
}) {
  if (!isId(clientId)) throw notFound("Client");
  const client = await db.client.findUnique({
    where: { id: clientId },
    include: { system: { select: { id: true, name: true, companyId: true } }, activity: true },
  });
  if (!client) throw notFound("Client");
  await authorize(actor, action, { companyId: client.system.companyId, systemId: client.systemId, what: "Client" });
  return client;
}
