import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { findAppFor } from "./app-access";

/**
 * Deletes an app (admins, engineers), running or not: workers drop it within seconds, and the reconciler removes its
 * Kafka credential and ACLs. What it wrote stays in the target's `.ext`.
 */
export async function deleteStreamApp({ actor, appId }: { actor: Actor; appId: string }) {
  const { app } = await findAppFor(actor, appId, "stream-app.manage");
  await db.$transaction(async (tx) => {
    await tx.streamApp.delete({ where: { id: app.id } });
    await recordAuditEvent(tx, actor, {
      companyId: app.companyId,
      action: "stream-app.delete",
      target: { type: "stream-app", id: app.id, label: app.name },
      before: { query: app.query, target: app.targetSystemName, version: app.version, state: app.desiredState },
    });
    await publishEvent({ type: "stream-app.changed", companyId: app.companyId, appId: app.id, change: "deleted" }, tx);
  });
}
