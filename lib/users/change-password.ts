import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden, invalid, notFound } from "../errors";
import { parseInput } from "../validation";
import { type ChangePasswordInput, changePasswordSchema } from "./schemas";

/**
 * Changes the signed-in user's password after checking the current one. Sessions are signed tokens, so sessions
 * already open elsewhere stay valid until they expire (8 hours); API tokens stay valid until revoked.
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
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAuditEvent(tx, actor, {
      companyId: null,
      action: "user.change-password",
      target: { type: "user", id: user.id, label: user.email },
    });
  });
}
