import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden, notFound } from "../errors";
import { isId } from "../ids";
import { companyName } from "../names";

/** The signed-in user's address: invitations are to an address, and only its owner, signed in, may answer them. */
export async function invitedEmailOf(actor: Actor): Promise<{ userId: string; email: string }> {
  if (actor.type !== "user" && actor.type !== "token") throw forbidden("Invitations are answered by users");
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true } });
  if (!user) throw notFound("User");
  return { userId: user.id, email: user.email };
}

/** The invitations waiting for the signed-in user, with the company each is to. */
export async function listMyInvitations({ actor }: { actor: Actor }) {
  const { email } = await invitedEmailOf(actor);
  const rows = await db.invitation.findMany({
    where: { email },
    orderBy: { createdAt: "desc" },
    include: { company: { select: { id: true, domain: true, enterprise: true, description: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    createdAt: r.createdAt,
    company: { id: r.company.id, name: companyName(r.company), description: r.company.description },
  }));
}

/** An invitation to the signed-in user's address, or not found (another's invitation never shows). */
export async function myInvitation(actor: Actor, invitationId: string) {
  const me = await invitedEmailOf(actor);
  if (!isId(invitationId)) throw notFound("Invitation");
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, email: me.email },
    include: { company: { select: { domain: true, enterprise: true } } },
  });
  if (!invitation) throw notFound("Invitation");
  return { me, invitation };
}
