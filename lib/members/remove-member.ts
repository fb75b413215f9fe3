import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { publishEvent } from "../events/publish-event";
import { assertAnotherAdminRemains } from "./last-admin";

/** Removes a member; any member may leave (remove themselves), admins may remove others. */
export async function removeMember({ actor, companyId, userId }: { actor: Actor; companyId: string; userId: string }) {
  const leaving = actorUserId(actor) === userId;
  await authorize(actor, leaving ? "company.read" : "member.manage", { companyId, what: "Company" });
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { userId_companyId: { userId, companyId } },
      include: { user: { select: { email: true } } },
    });
    if (!before) throw notFound("Member");
    if (before.role === "admin") await assertAnotherAdminRemains(tx, companyId, userId, leaving ? "leave" : "removed");
    await tx.membership.delete({ where: { userId_companyId: { userId, companyId } } });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: leaving ? "member.leave" : "member.remove",
      target: { type: "membership", id: userId, label: before.user.email },
      before: { email: before.user.email, role: before.role },
    });
    await publishEvent({ type: "membership.changed", companyId, userId }, tx);
    return { email: before.user.email };
  });
}
