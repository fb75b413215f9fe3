import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { getClient } from "./get-client";

/** Deletes a client application; the reconciler then removes its Kafka credential and ACLs. */
export async function deleteClient({ actor, clientId }: { actor: Actor; clientId: string }) {
  const client = await getClient({ actor, clientId, action: "client.delete" });
  const { system, ...row } = client;
  await db.$transaction(async (tx) => {
    await tx.client.delete({ where: { id: clientId } });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "client.delete",
      target: { type: "client", id: clientId, label: client.principal },
      before: row,
    });
    await publishEvent(
      { type: "client.changed", companyId: system.companyId, systemId: system.id, clientId, change: "deleted" },
      tx,
    );
  });
  return { principal: client.principal };
}
