import "server-only";
import { addDays } from "date-fns";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { forbidden } from "../errors";
import { parseInput } from "../validation";
import { type CreateApiTokenInput, createApiTokenSchema } from "./schemas";
import { generateApiToken, hashApiToken } from "./token-format";

/** Creates a personal API token for the signed-in user; the token is returned this once. */
export async function createApiToken({ actor, input }: { actor: Actor; input: CreateApiTokenInput }) {
  // A token may not mint tokens: only a signed-in browser session can.
  if (actor.type !== "user") throw forbidden("API tokens are created on the profile page, signed in");
  const data = parseInput(createApiTokenSchema, input);
  const token = generateApiToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name: data.name,
        prefix: token.slice(0, 13),
        tokenHash: hashApiToken(token),
        expiresAt: data.expiresInDays ? addDays(new Date(), data.expiresInDays) : null,
      },
    });
    await recordAuditEvent(tx, actor, {
      companyId: null,
      action: "api-token.create",
      target: { type: "api-token", id: created.id, label: `${created.name} (${created.prefix}…)` },
      after: created,
    });
    return created;
  });
  return { token, apiToken: row };
}
