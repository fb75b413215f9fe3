import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { hashApiToken, TOKEN_PREFIX } from "./token-format";

const LAST_USED_RESOLUTION_MS = 60_000;

/** The user behind a personal API token, acting with that user's rights; null for unknown, revoked or expired. */
export async function authenticateToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  // Written at most once a minute per token, so a busy script does not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { type: "token", userId: row.user.id, tokenId: row.id, label: `${row.user.email} (token)` };
}
