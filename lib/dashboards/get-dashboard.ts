import "server-only";
import type { Actor } from "../authz/actor";
import { actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { roleAllows } from "../authz/permissions";
import { db } from "../db/client";
import { forbidden, notFound } from "../errors";
import { isId } from "../ids";
import { type Panel, panelsSchema } from "./schemas";

/** A dashboard the actor may see (data.read in its company), with whether they may change it. */
export async function getDashboard({
  actor,
  dashboardId,
  forChange = false,
}: {
  actor: Actor;
  dashboardId: string;
  forChange?: boolean;
}) {
  if (!isId(dashboardId)) throw notFound("Dashboard");
  const dashboard = await db.dashboard.findUnique({ where: { id: dashboardId } });
  if (!dashboard) throw notFound("Dashboard");
  const { role } = await authorize(actor, "data.read", { companyId: dashboard.companyId, what: "Dashboard" });
  const owner = dashboard.ownerId !== null && dashboard.ownerId === actorUserId(actor);
  const canChange =
    role !== "client" &&
    (role === "system" || roleAllows(role, "dashboard.manage") || (owner && roleAllows(role, "dashboard.create")));
  if (forChange && !canChange) throw forbidden("Only the dashboard's owner and the company's admins may change it");
  const parsed = panelsSchema.safeParse(dashboard.panels);
  return { ...dashboard, panels: (parsed.success ? parsed.data : []) as Panel[], canChange };
}
