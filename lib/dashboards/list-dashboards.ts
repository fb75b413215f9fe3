import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { panelsSchema } from "./schemas";

/** The company's dashboards, most recently changed first (everyone in the company sees them). */
export async function listDashboards({ actor, companyId }: { actor: Actor; companyId: string }) {
  await authorize(actor, "data.read", { companyId, what: "Company" });
  const rows = await db.dashboard.findMany({ where: { companyId }, orderBy: [{ updatedAt: "desc" }], take: 500 });
  return rows.map((d) => {
    const panels = panelsSchema.safeParse(d.panels);
    return {
      id: d.id,
      name: d.name,
      description: d.description,
      ownerId: d.ownerId,
      updatedAt: d.updatedAt,
      panelCount: panels.success ? panels.data.length : 0,
    };
  });
}
