import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict, invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import type { Prisma } from "../generated/prisma/client";
import { stableJson } from "../stable-json";
import { parseInput } from "../validation";
import { findAppFor, ownTargetSystem } from "./app-access";
import { checkSavedDefinition } from "./check-app-definition";
import type { DefinitionCheck } from "./check-definition";
import { registerJoinOutput } from "./register-join-output";
import { saveResolution } from "./save-resolution";
import { type UpdateStreamAppInput, updateStreamAppSchema } from "./schemas";

/**
 * Edits an app (admins, engineers). A new query or target is a new version; a running app switches to it within
 * seconds and continues from where it was (its consumer group keeps the positions): records before the switch were
 * judged by the old version, every later one by the new.
 */
export async function updateStreamApp({
  actor,
  appId,
  input,
}: {
  actor: Actor;
  appId: string;
  input: UpdateStreamAppInput;
}) {
  const { app } = await findAppFor(actor, appId, "stream-app.manage");
  const data = parseInput(updateStreamAppSchema, input);
  if (app.kind === "join" && data.query !== undefined) {
    throw invalid("A join's inputs have the queries: send spec", { query: ["A join app has no query of its own"] });
  }
  if (app.kind === "filter" && data.spec !== undefined) {
    throw invalid("Only a join app has a spec", { spec: ["Only a join app has a spec"] });
  }
  const targetId = data.targetSystemId ?? app.targetSystemId;
  const spec = data.spec ?? (app.kind === "join" ? app.spec : {});
  const specChanged = data.spec !== undefined && stableJson(data.spec) !== stableJson(app.spec);
  let query = data.query ?? app.query;
  const newVersion = query !== app.query || targetId !== app.targetSystemId || specChanged;
  let check: DefinitionCheck | undefined;
  let target: { id: string; name: string } | undefined;
  let outputDatastreamId = app.outputDatastreamId;
  if (newVersion) {
    if (!targetId)
      throw conflict("The app's target system was deleted: choose another target", { targetSystemId: ["Required"] });
    target = await ownTargetSystem(app.companyId, targetId);
    const checked = await checkSavedDefinition({
      kind: app.kind,
      companyId: app.companyId,
      targetSystemId: target.id,
      query,
      spec,
    });
    if (checked.refusal) throw checked.refusal;
    check = checked.check;
    if (checked.spec && "sourcesQuery" in checked.check) {
      query = (checked.check as { sourcesQuery: string }).sourcesQuery;
      outputDatastreamId = await registerJoinOutput({ actor, system: target, output: checked.spec.output });
    }
  }
  return db.$transaction(async (tx) => {
    // Only from the version read above: two edits at once cannot both become the next version.
    const version = newVersion ? app.version + 1 : app.version;
    const { count } = await tx.streamApp.updateMany({
      where: { id: app.id, version: app.version },
      data: {
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(newVersion && target
          ? {
              query,
              spec: spec as Prisma.InputJsonValue,
              outputDatastreamId,
              targetSystemId: target.id,
              targetSystemName: target.name,
              version,
            }
          : {}),
      },
    });
    if (count === 0) throw conflict("The app was changed meanwhile: reload it and edit again");
    if (newVersion && check) {
      await tx.streamAppVersion.create({
        data: { appId: app.id, version, query, spec: spec as Prisma.InputJsonValue, createdBy: actor.label },
      });
      await saveResolution(tx, app.id, check);
      await tx.streamAppLogEntry.create({
        data: {
          appId: app.id,
          level: "info",
          message: `Version ${version} saved by ${actor.label}${app.desiredState === "running" ? ": the running app switches to it and continues where it was" : ""}`,
        },
      });
    }
    const updated = await tx.streamApp.findUniqueOrThrow({ where: { id: app.id } });
    await recordAuditEvent(tx, actor, {
      companyId: app.companyId,
      action: "stream-app.update",
      target: { type: "stream-app", id: app.id, label: app.name },
      before: {
        version: app.version,
        query: app.query,
        ...(app.kind === "join" ? { spec: app.spec } : {}),
        target: app.targetSystemName,
        description: app.description,
      },
      after: {
        version: updated.version,
        query: updated.query,
        ...(app.kind === "join" ? { spec: updated.spec } : {}),
        target: updated.targetSystemName,
        description: updated.description,
      },
    });
    await publishEvent({ type: "stream-app.changed", companyId: app.companyId, appId: app.id, change: "updated" }, tx);
    return { app: updated, warnings: check?.warnings ?? [] };
  });
}
