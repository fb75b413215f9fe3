import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { RoleName } from "../authz/permissions";
import { db } from "../db/client";
import { notFound } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { assertAnotherAdminRemains } from "./last-admin";
import { changeRoleSchema } from "./schemas";

export async function changeMemberRole({
  actor,
  companyId,
  userId,
  input,
}: {
  actor: Actor;
  companyId: string;
  userId: string;
  input: { role: RoleName };
}) {
  await authorize(actor, "member.manage", { companyId, what: "Company" });
  const { role } = parseInput(changeRoleSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { userId_companyId: { userId, companyId } },
      include: { user: { select: { id: true, email: true, name: true } } },
    });
    if (!before) throw notFound("Member");
    if (before.role === role) return before;
    if (before.role === "admin") await assertAnotherAdminRemains(tx, companyId, userId, "demoted");
    const after = await tx.membership.update({ where: { userId_companyId: { userId, companyId } }, data: { role } });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "member.change-role",
      target: { type: "membership", id: userId, label: before.user.email },
      before: { role: before.role },
      after: { role: after.role },
    });
    await publishEvent({ type: "membership.changed", companyId, userId }, tx);
    return { ...after, user: before.user };
  });
}
