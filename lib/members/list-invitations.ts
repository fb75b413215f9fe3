import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";

/** The company's open invitations, newest first (admins and auditors, like the members). */
export async function listInvitations({ actor, companyId }: { actor: Actor; companyId: string }) {
  await authorize(actor, "member.read", { companyId, what: "Company" });
  return db.invitation.findMany({ where: { companyId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
}
