import "server-only";
import { containsText, escapeLike } from "../db/escape-like";
import type { Prisma } from "../generated/prisma/client";
import { isId } from "../ids";
import type { AuditFilters } from "./schemas";

/** The rows a set of audit filters selects within one company; the list and the CSV export share it. */
export function auditWhere(companyId: string, f: Omit<AuditFilters, "order">): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ companyId }];
  if (f.actor) and.push({ actorLabel: containsText(f.actor) });
  if (f.action) {
    const prefix = f.action.endsWith("*") ? f.action.slice(0, -1) : f.action.endsWith(".") ? f.action : null;
    and.push(prefix !== null ? { action: { startsWith: escapeLike(prefix) } } : { action: f.action });
  }
  if (f.targetType) and.push({ targetType: f.targetType });
  if (f.target) {
    const label: Prisma.AuditEventWhereInput = {
      targetLabel: containsText(f.target),
    };
    and.push(isId(f.target) ? { OR: [{ targetId: f.target.toLowerCase() }, label] } : label);
  }
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lt: f.to } });
  return { AND: and };
}
