import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { checkPanelStreams } from "./check-panel-streams";
import { getDashboard } from "./get-dashboard";
import { type UpdateDashboardInput, updateDashboardSchema } from "./schemas";

/** Renames a dashboard or saves its panels (the owner and admins). */
export async function updateDashboard({
  actor,
  dashboardId,
  input,
}: {
  actor: Actor;
  dashboardId: string;
  input: UpdateDashboardInput;
}) {
  const before = await getDashboard({ actor, dashboardId, forChange: true });
  const data = parseInput(updateDashboardSchema, input);
  return db
    .$transaction(async (tx) => {
      if (data.name !== undefined && data.name !== before.name) {
        const taken = await tx.dashboard.findUnique({
          where: { companyId_name: { companyId: before.companyId, name: data.name } },
        });
        if (taken) throw conflict(`A dashboard named ${data.name} exists already`, { name: ["This name is taken"] });
      }
      if (data.panels) await checkPanelStreams(tx, before.companyId, data.panels);
      const updated = await tx.dashboard.update({ where: { id: dashboardId }, data });
      await recordAuditEvent(tx, actor, {
        companyId: before.companyId,
        action: "dashboard.update",
        target: { type: "dashboard", id: dashboardId, label: updated.name },
        before: { name: before.name, panels: before.panels.length },
        after: { name: updated.name, panels: data.panels?.length ?? before.panels.length },
      });
      await publishEvent(
        { type: "dashboard.changed", companyId: before.companyId, dashboardId, change: "updated" },
        tx,
      );
      return updated;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
