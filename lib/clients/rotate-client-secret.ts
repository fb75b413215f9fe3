import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { getClient } from "./get-client";
import { issueCredential } from "./issue-credential";

/**
 * Replaces the client's secret (the old one stops working once the reconciler has replaced the Kafka credential).
 * On a revoked client it re-issues access with a new secret.
 */
export async function rotateClientSecret({ actor, clientId }: { actor: Actor; clientId: string }) {
  const before = await getClient({ actor, clientId, action: "client.rotate" });
  const credential = await issueCredential();
  const client = await db.$transaction(async (tx) => {
    const updated = await tx.client.update({
      where: { id: clientId },
      data: {
        secretHash: credential.secretHash,
        pendingCredential: credential.pendingCredential,
        secretVersion: { increment: 1 },
        status: "active",
        rotatedAt: new Date(),
        revokedAt: null,
      },
    });
    await recordAuditEvent(tx, actor, {
      companyId: before.system.companyId,
      action: "client.rotate",
      target: { type: "client", id: clientId, label: before.principal },
      before: { status: before.status, secretVersion: before.secretVersion },
      after: { status: updated.status, secretVersion: updated.secretVersion },
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
  return { client, secret: credential.secret };
}
