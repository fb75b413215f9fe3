import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { getDashboard } from "./get-dashboard";

/** Deletes a dashboard (the owner and admins); its datastreams and their data are untouched. */
export async function deleteDashboard({ actor, dashboardId }: { actor: Actor; dashboardId: string }) {
  const dashboard = await getDashboard({ actor, dashboardId, forChange: true });
  await db.$transaction(async (tx) => {
    await tx.dashboard.delete({ where: { id: dashboardId } });
    await recordAuditEvent(tx, actor, {
      companyId: dashboard.companyId,
      action: "dashboard.delete",
      target: { type: "dashboard", id: dashboardId, label: dashboard.name },
      before: { name: dashboard.name, panels: dashboard.panels.length },
    });
    await publishEvent(
      { type: "dashboard.changed", companyId: dashboard.companyId, dashboardId, change: "deleted" },
      tx,
    );
  });
  return { name: dashboard.name };
}
