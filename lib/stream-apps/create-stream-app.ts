import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict, invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { companyName } from "../names";
import { streamAppPrincipal } from "../topology/principals";
import { parseInput } from "../validation";
import { ownTargetSystem } from "./app-access";
import { checkDefinition, definitionRefusal } from "./check-definition";
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
  if (data.kind === "join") {
    throw invalid("Join apps (several inputs, a declared output) are not available yet: create a filter app", {
      kind: ["Only filter for now"],
    });
  }
  const target = await ownTargetSystem(companyId, data.targetSystemId);
  const check = await checkDefinition({ companyId, targetSystemId: target.id, query: data.query });
  if (!check.ok) throw definitionRefusal(check);
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
          query: data.query,
          principal,
          createdById: actorUserId(actor) ?? null,
          versions: { create: { version: 1, query: data.query, createdBy: actor.label } },
          logEntries: { create: { level: "info", message: `Created (version 1) by ${actor.label}` } },
        },
      });
      await saveResolution(tx, app.id, check);
      await recordAuditEvent(tx, actor, {
        companyId,
        action: "stream-app.create",
        target: { type: "stream-app", id: app.id, label: app.name },
        after: { query: app.query, target: target.name, sources: check.sources.map((s) => s.name) },
      });
      await publishEvent({ type: "stream-app.changed", companyId, appId: app.id, change: "created" }, tx);
      return { app, warnings: check.warnings };
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
