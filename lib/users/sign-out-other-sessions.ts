import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden } from "../errors";
import { publishEvent } from "../events/publish-event";

/**
 * Voids every session of the user signed in before now (a lost laptop, a shared machine). The caller re-signs
 * its own session with the returned epoch. API tokens are not sessions: they are revoked one by one.
 */
export async function signOutOtherSessions({ actor }: { actor: Actor }) {
  if (actor.type !== "user") throw forbidden("Sessions are signed out from the profile page, signed in");
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: { sessionEpoch: { increment: 1 } },
      select: { id: true, email: true, sessionEpoch: true },
    });
    await recordAuditEvent(tx, actor, {
      companyId: null,
      action: "user.sign-out-other-sessions",
      target: { type: "user", id: user.id, label: user.email },
    });
    await publishEvent({ type: "session.voided", userId: user.id, epoch: user.sessionEpoch }, tx);
    return { sessionEpoch: user.sessionEpoch };
  });
}
