import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { findAppFor } from "./app-access";

/**
 * Stops an app (admins, engineers): every worker lets go of it within seconds, committing what it finished; its
 * positions stay, so deploying it again continues where it stopped.
 */
export async function stopStreamApp({ actor, appId }: { actor: Actor; appId: string }) {
  const { app } = await findAppFor(actor, appId, "stream-app.manage");
  return db.$transaction(async (tx) => {
    const updated = await tx.streamApp.update({
      where: { id: app.id },
      data: { desiredState: "stopped", stoppedAt: new Date() },
    });
    await tx.streamAppLogEntry.create({ data: { appId: app.id, level: "info", message: `Stopped by ${actor.label}` } });
    await recordAuditEvent(tx, actor, {
      companyId: app.companyId,
      action: "stream-app.stop",
      target: { type: "stream-app", id: app.id, label: app.name },
      before: { state: app.desiredState },
      after: { state: "stopped" },
    });
    await publishEvent({ type: "stream-app.changed", companyId: app.companyId, appId: app.id, change: "updated" }, tx);
    return updated;
  });
}
