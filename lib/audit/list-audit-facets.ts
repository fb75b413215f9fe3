import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";

/** The actions and object types that occur in a company's audit log, to offer in the filter bar. */
export async function listAuditFacets({ actor, companyId }: { actor: Actor; companyId: string }) {
  await authorize(actor, "audit.read", { companyId, what: "Company" });
  // GROUP BY in SQL (Prisma's `distinct` may de-duplicate in memory after reading every row).
  const [actions, targetTypes] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { companyId }, orderBy: { action: "asc" }, take: 500 }),
    db.auditEvent.groupBy({ by: ["targetType"], where: { companyId }, orderBy: { targetType: "asc" }, take: 100 }),
  ]);
  return { actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType) };
}
