import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { isId } from "../ids";

/** Revokes one of the caller's own tokens; other users' tokens are not found. */
export async function revokeApiToken({ actor, tokenId }: { actor: Actor; tokenId: string }) {
  const userId = actorUserId(actor);
  if (!userId || !isId(tokenId)) throw notFound("API token");
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId } });
    if (!token) throw notFound("API token");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, actor, {
      companyId: null,
      action: "api-token.revoke",
      target: { type: "api-token", id: tokenId, label: `${token.name} (${token.prefix}…)` },
    });
    return revoked;
  });
}
