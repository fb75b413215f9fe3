import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden, invalid, notFound } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { type ChangePasswordInput, changePasswordSchema } from "./schemas";

/**
 * Changes the signed-in user's password after checking the current one, and signs out every other session (the
 * session epoch moves on; the caller re-signs its own session with the returned epoch). API tokens stay valid
 * until revoked: they are credentials of their own, listed on the profile page.
 */
export async function changePassword({ actor, input }: { actor: Actor; input: ChangePasswordInput }) {
  if (actor.type !== "user") throw forbidden("Your password is changed on the profile page, signed in");
  const data = parseInput(changePasswordSchema, input);
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, passwordHash: true },
  });
  if (!user) throw notFound("User");
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw invalid("The current password is wrong", { currentPassword: ["Wrong password"] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    const { sessionEpoch } = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionEpoch: { increment: 1 } },
      select: { sessionEpoch: true },
    });
    await recordAuditEvent(tx, actor, {
      companyId: null,
      action: "user.change-password",
      target: { type: "user", id: user.id, label: user.email },
    });
    await publishEvent({ type: "session.voided", userId: user.id, epoch: sessionEpoch }, tx);
    return { sessionEpoch };
  });
}
