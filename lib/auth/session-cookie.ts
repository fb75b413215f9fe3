import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SESSION_MAX_AGE_S } from "./session-cookie-name";

/**
 * Re-signs this browser's session with the user's new session epoch, so the user who just voided their other
 * sessions (a password change, "sign out other sessions") stays signed in here.
 */
export async function renewSessionCookie(sessionEpoch: number) {
  const jar = await cookies();
  const raw = jar.get(SESSION_COOKIE)?.value;
  const token = raw ? await decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null) : null;
  if (!token?.uid) return;
  const value = await encode({
    token: { ...token, epoch: sessionEpoch },
    secret: env.NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_S,
  });
  jar.set(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: SECURE_SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_S,
  });
}
