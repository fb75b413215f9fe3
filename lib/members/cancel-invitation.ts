import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** Withdraws an open invitation (admins). */
export async function cancelInvitation({
  actor,
  companyId,
  invitationId,
}: {
  actor: Actor;
  companyId: string;
  invitationId: string;
}) {
  await authorize(actor, "member.manage", { companyId, what: "Company" });
  if (!isId(invitationId)) throw notFound("Invitation");
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, companyId } });
    if (!invitation) throw notFound("Invitation");
    await tx.invitation.delete({ where: { id: invitationId } });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "member.cancel-invitation",
      target: { type: "invitation", id: invitationId, label: invitation.email },
      before: { email: invitation.email, role: invitation.role },
    });
    return { email: invitation.email };
  });
}
