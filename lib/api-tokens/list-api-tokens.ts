import "server-only";
import { type Actor, actorUserId } from "../authz/actor";
import { db } from "../db/client";

/** The caller's tokens, newest first, without hashes. */
export async function listApiTokens({ actor }: { actor: Actor }) {
  const userId = actorUserId(actor);
  if (!userId) return [];
  return db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}
