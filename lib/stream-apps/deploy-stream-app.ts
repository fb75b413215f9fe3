import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { findAppFor } from "./app-access";
import { checkSavedDefinition } from "./check-app-definition";
import { registerJoinOutput } from "./register-join-output";
import { saveResolution } from "./save-resolution";

/**
 * Starts an app (admins, engineers): checked again as it stands now (a grant may have ended since it was saved),
 * then every worker sees it within seconds and Kafka's group protocol spreads its partitions over them. A new app
 * starts at the sources' earliest retained records; a stopped one continues where it stopped.
 */
export async function deployStreamApp({ actor, appId }: { actor: Actor; appId: string }) {
  const { app } = await findAppFor(actor, appId, "stream-app.manage");
  if (!app.targetSystemId)
    throw conflict("The app's target system was deleted: edit the app and choose another target");
  const targetSystemId = app.targetSystemId;
  const { check, spec, refusal } = await checkSavedDefinition({ ...app, targetSystemId });
  if (refusal) throw refusal;
  if (spec) {
    // The output datastream may have been deleted since: registered again (the same name and type).
    const target = await db.system.findUniqueOrThrow({
      where: { id: targetSystemId },
      select: { id: true, name: true },
    });
    const outputDatastreamId = await registerJoinOutput({ actor, system: target, output: spec.output });
    if (outputDatastreamId !== app.outputDatastreamId) {
      await db.streamApp.update({ where: { id: app.id }, data: { outputDatastreamId } });
    }
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.streamApp.update({
      where: { id: app.id },
      data: { desiredState: "running", deployedAt: new Date() },
    });
    await saveResolution(tx, app.id, check);
    await tx.streamAppLogEntry.create({
      data: { appId: app.id, level: "info", message: `Deployed (version ${app.version}) by ${actor.label}` },
    });
    await recordAuditEvent(tx, actor, {
      companyId: app.companyId,
      action: "stream-app.deploy",
      target: { type: "stream-app", id: app.id, label: app.name },
      before: { state: app.desiredState },
      after: { state: "running", version: app.version },
    });
    await publishEvent({ type: "stream-app.changed", companyId: app.companyId, appId: app.id, change: "updated" }, tx);
    return updated;
  });
}
