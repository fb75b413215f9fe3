import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "../auth/session";
import { type Actor, userActor } from "../authz/actor";
import { unauthenticated } from "../errors";

// The signed-in user, read once per request however many layouts and pages ask (React's cache lives for one
// server render).
const sessionUser = cache(getSessionUser);

/** The acting user of a page, or an unauthenticated error (the console layout has redirected already). */
export const pageActor = cache(async (): Promise<Actor> => {
  const user = await sessionUser();
  if (!user) throw unauthenticated();
  return userActor(user);
});

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
