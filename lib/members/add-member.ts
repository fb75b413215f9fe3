import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { conflict, invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { type AddMemberInput, addMemberSchema } from "./schemas";

/** Adds an existing user, found by email, to the company with a role. */
export async function addMember({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: AddMemberInput;
}) {
  await authorize(actor, "member.manage", { companyId, what: "Company" });
  const data = parseInput(addMemberSchema, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: data.email },
      select: { id: true, email: true, name: true },
    });
    if (!user) {
      throw invalid(`No account uses ${data.email}: ask them to sign up first`, {
        email: ["No account with this email"],
      });
    }
    const existing = await tx.membership.findUnique({ where: { userId_companyId: { userId: user.id, companyId } } });
    if (existing)
      throw conflict(`${user.email} is a member already (${existing.role})`, { email: ["Already a member"] });
    const membership = await tx.membership.create({ data: { userId: user.id, companyId, role: data.role } });
    await recordAuditEvent(tx, actor, {
      companyId,
      action: "member.add",
      target: { type: "membership", id: user.id, label: user.email },
      after: { email: user.email, role: membership.role },
    });
    await publishEvent({ type: "membership.changed", companyId, userId: user.id }, tx);
    return { ...membership, user };
  });
}
