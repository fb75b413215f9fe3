import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { conflict } from "../errors";
import { parseInput } from "../validation";
import { type InviteMemberInput, inviteMemberSchema } from "./schemas";

/**
 * Invites an email address into the company with a role (admins). The answer is the same whether or not an account
 * uses the address, so a company's admin (anyone can create a company) cannot probe who has one; the invitee joins
 * by accepting, signed in as that address (at once, or after signing up). Inviting the same address again changes
 * the role offered.
 */
export async function inviteMember({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: InviteMemberInput;
}) {
  await authorize(actor, "member.manage", { companyId, what: "Company" });
  const data = parseInput(inviteMemberSchema, input);
  return db.$transaction(async (tx) => {
    // Members are listed to the admin anyway: saying so tells nothing about accounts elsewhere.
    const member = await tx.membership.findFirst({ where: { companyId, user: { email: data.email } } });
    if (member) throw conflict(`${data.email} is a member already (${member.role})`, { email: ["Already a member"] });
    const invitation = await tx.invitation.upsert({
      where: { companyId_email: { companyId, email: data.email } },
      create: { companyId, email: data.email, role: data.role, invitedById: actorUserId(actor) ?? null },
      update: { role: data.role },
    });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "member.invite",
      target: { type: "invitation", id: invitation.id, label: data.email },
      after: { email: data.email, role: data.role },
    });
    return invitation;
  });
}
