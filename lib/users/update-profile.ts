import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden, notFound } from "../errors";
import { parseInput } from "../validation";
import { type UpdateProfileInput, updateProfileSchema } from "./schemas";

/** Changes the signed-in user's own name (the email is the account's identity and stays). */
export async function updateProfile({ actor, input }: { actor: Actor; input: UpdateProfileInput }) {
  // Like API tokens themselves, the account is changed signed in on the profile page, never with a token.
  if (actor.type !== "user") throw forbidden("Your profile is changed on the profile page, signed in");
  const data = parseInput(updateProfileSchema, input);
  return db.$transaction(async (tx) => {
    const select = { id: true, email: true, name: true } as const;
    const before = await tx.user.findUnique({ where: { id: actor.userId }, select });
    if (!before) throw notFound("User");
    if (before.name === data.name) return before;
    const after = await tx.user.update({ where: { id: actor.userId }, data: { name: data.name }, select });
    await recordAuditEvent(tx, actor, {
      companyId: null,
      action: "user.update-profile",
      target: { type: "user", id: after.id, label: after.email },
      before: { name: before.name },
      after: { name: after.name },
    });
    return after;
  });
}
