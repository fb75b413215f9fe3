import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { auditWhere } from "./audit-where";
import { auditListQuerySchema } from "./schemas";

/** A page of a company's audit log, filtered, newest first unless asked otherwise (admins and auditors). */
export async function listAuditEvents({
  actor,
  companyId,
  query,
}: {
  actor: Actor;
  companyId: string;
  query: unknown;
}) {
  await authorize(actor, "audit.read", { companyId, what: "Company" });
  const q = parseInput(auditListQuerySchema, query ?? {});
  const where = auditWhere(companyId, q);
  const [items, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ at: q.order }, { id: q.order }], ...skipTake(q) }),
    db.auditEvent.count({ where }),
  ]);
  return pageOf(items, total, q);
}
