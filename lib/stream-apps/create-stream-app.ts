import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import type { Prisma } from "../generated/prisma/client";
import { companyName } from "../names";
import { streamAppPrincipal } from "../topology/principals";
import { parseInput } from "../validation";
import { ownTargetSystem } from "./app-access";
import { checkDefinition, type DefinitionCheck, definitionRefusal } from "./check-definition";
import { checkJoinDefinition, joinDefinitionRefusal } from "./check-join-definition";
import { registerJoinOutput } from "./register-join-output";
import { saveResolution } from "./save-resolution";
import { type CreateStreamAppInput, createStreamAppSchema } from "./schemas";

/**
 * A new stream app of the company (admins, engineers), stopped until deployed: its query is checked against the
 * systems the company owns or was granted (a system without a grant is refused by name) and their datastreams.
 */
export async function createStreamApp({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: CreateStreamAppInput;
}) {
  await authorize(actor, "stream-app.manage", { companyId, what: "Company" });
  const data = parseInput(createStreamAppSchema, input);
  const target = await ownTargetSystem(companyId, data.targetSystemId);
  let check: DefinitionCheck;
  let query: string;
  let outputDatastreamId: string | null = null;
  if (data.kind === "join" && data.spec) {
    const joinCheck = await checkJoinDefinition({ companyId, targetSystemId: target.id, spec: data.spec });
    if (!joinCheck.ok) throw joinDefinitionRefusal(joinCheck);
    check = joinCheck;
    query = joinCheck.sourcesQuery;
    if (await db.streamApp.findUnique({ where: { companyId_name: { companyId, name: data.name } } })) {
      throw conflict(`A stream app named ${data.name} exists already`, { name: ["This name is taken"] });
    }
    outputDatastreamId = await registerJoinOutput({ actor, system: target, output: data.spec.output });
  } else {
    query = data.query ?? "";
    check = await checkDefinition({ companyId, targetSystemId: target.id, query });
    if (!check.ok) throw definitionRefusal(check);
  }
  const spec = data.kind === "join" && data.spec ? (data.spec as Prisma.InputJsonValue) : {};
  const company = await db.company.findUniqueOrThrow({ where: { id: companyId } });
  const principal = streamAppPrincipal(companyName(company), data.name);
  return db
    .$transaction(async (tx) => {
      if (await tx.streamApp.findUnique({ where: { companyId_name: { companyId, name: data.name } } })) {
        throw conflict(`A stream app named ${data.name} exists already`, { name: ["This name is taken"] });
      }
      const app = await tx.streamApp.create({
        data: {
          companyId,
          name: data.name,
          description: data.description,
          kind: data.kind,
          targetSystemId: target.id,
          targetSystemName: target.name,
          query,
          spec,
          outputDatastreamId,
          principal,
          createdById: actorUserId(actor) ?? null,
          versions: { create: { version: 1, query, spec, createdBy: actor.label } },
          logEntries: { create: { level: "info", message: `Created (version 1) by ${actor.label}` } },
        },
      });
      await saveResolution(tx, app.id, check);
      await recordAuditEvent(tx, actor, {
        companyId,
        action: "stream-app.create",
        target: { type: "stream-app", id: app.id, label: app.name },
        after: {
          kind: app.kind,
          query: app.query,
          ...(app.kind === "join" ? { spec } : {}),
          target: target.name,
          sources: check.sources.map((s) => s.name),
        },
      });
      await publishEvent({ type: "stream-app.changed", companyId, appId: app.id, change: "created" }, tx);
      return { app, warnings: check.warnings };
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
