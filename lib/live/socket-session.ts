import "server-only";
import { parse } from "cookie";
import { decode } from "next-auth/jwt";
import { currentSessionUser } from "../auth/current-session-user";
import { SESSION_COOKIE } from "../auth/session-cookie-name";
import { env } from "../env";

/**
 * The user behind a Socket.IO handshake, and the epoch of the session: the same signed session cookie the pages
 * read, checked the same way.
 */
export async function sessionFromCookieHeader(header: string | undefined) {
  if (!header) return null;
  const cookies = parse(header);
  const raw = cookies[SESSION_COOKIE];
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  const id = token?.uid;
  if (!id || (token.exp !== undefined && Number(token.exp) * 1000 < Date.now())) return null;
  const epoch = token.epoch ?? 0;
  const user = await currentSessionUser(id, epoch);
  const expiresAt = token.exp === undefined ? undefined : Number(token.exp) * 1000;
  return user ? { user, epoch, expiresAt } : null;
}
