import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { checkPanelStreams } from "./check-panel-streams";
import { type CreateDashboardInput, createDashboardSchema } from "./schemas";

/** A new dashboard of the company, owned by the actor (operators and up). */
export async function createDashboard({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: CreateDashboardInput;
}) {
  await authorize(actor, "dashboard.create", { companyId, what: "Company" });
  const data = parseInput(createDashboardSchema, input);
  return db
    .$transaction(async (tx) => {
      if (await tx.dashboard.findUnique({ where: { companyId_name: { companyId, name: data.name } } })) {
        throw conflict(`A dashboard named ${data.name} exists already`, { name: ["This name is taken"] });
      }
      await checkPanelStreams(tx, companyId, data.panels);
      const created = await tx.dashboard.create({
        data: {
          companyId,
          name: data.name,
          description: data.description,
          panels: data.panels,
          ownerId: actorUserId(actor) ?? null,
        },
      });
      await recordAuditEvent(tx, actor, {
        companyId,
        action: "dashboard.create",
        target: { type: "dashboard", id: created.id, label: created.name },
        after: { name: created.name, panels: data.panels.length },
      });
      await publishEvent({ type: "dashboard.changed", companyId, dashboardId: created.id, change: "created" }, tx);
      return created;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
