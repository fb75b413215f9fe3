import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { requestReconcile } from "../provisioning/request-reconcile";
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
  });
  requestReconcile({ companyId: system.companyId, what: `client ${client.principal} deleted` });
  return { principal: client.principal };
}
