import "server-only";
import { parse } from "cookie";
import { decode } from "next-auth/jwt";
import { db } from "../db/client";
import { env } from "../env";

const cookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The user behind a Socket.IO handshake: the same signed session cookie the pages read, checked the same way. */
export async function userFromCookieHeader(header: string | undefined) {
  if (!header) return null;
  const cookies = parse(header);
  const raw = cookieNames.map((n) => cookies[n]).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  const id = token?.uid;
  if (!id || (token.exp !== undefined && Number(token.exp) * 1000 < Date.now())) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
