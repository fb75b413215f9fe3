import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { getClient } from "./get-client";

/** Revokes the client's access: the console API refuses it at once, Kafka once the reconciler removed its credential. */
export async function revokeClient({ actor, clientId }: { actor: Actor; clientId: string }) {
  const before = await getClient({ actor, clientId, action: "client.revoke" });
  if (before.status === "revoked") throw conflict(`${before.principal} is revoked already`);
  const client = await db.$transaction(async (tx) => {
    const updated = await tx.client.update({
      where: { id: clientId },
      data: { status: "revoked", revokedAt: new Date(), pendingCredential: null },
    });
    await recordAuditEvent(tx, actor, {
      companyId: before.system.companyId,
      action: "client.revoke",
      target: { type: "client", id: clientId, label: before.principal },
      before: { status: before.status },
      after: { status: updated.status },
    });
    await publishEvent(
      {
        type: "client.changed",
        companyId: before.system.companyId,
        systemId: before.systemId,
        clientId,
        change: "updated",
      },
      tx,
    );
    return updated;
  });
  return client;
}
