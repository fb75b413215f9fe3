import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { publishEvent } from "../events/publish-event";
import { companyName } from "../names";
import { myInvitation } from "./my-invitations";

/** Joins the company an invitation is to, with its role; or declines it. Either way the invitation is gone. */
export async function answerInvitation({
  actor,
  invitationId,
  accept,
}: {
  actor: Actor;
  invitationId: string;
  accept: boolean;
}) {
  const { me, invitation } = await myInvitation(actor, invitationId);
  const name = companyName(invitation.company);
  await db.$transaction(async (tx) => {
    await tx.invitation.delete({ where: { id: invitation.id } });
    if (accept) {
      await tx.membership.upsert({
        where: { userId_companyId: { userId: me.userId, companyId: invitation.companyId } },
        create: { userId: me.userId, companyId: invitation.companyId, role: invitation.role },
        update: {},
      });
      await publishEvent({ type: "membership.changed", companyId: invitation.companyId, userId: me.userId }, tx);
    }
    await recordAuditEvent(tx, actor, {
      companyId: invitation.companyId,
      action: accept ? "member.join" : "member.decline",
      target: { type: "membership", id: me.userId, label: me.email },
      after: accept ? { email: me.email, role: invitation.role } : undefined,
    });
  });
  return { companyId: invitation.companyId, company: name, role: invitation.role, joined: accept };
}
