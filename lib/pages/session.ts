import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "../auth/session";
import { type Actor, userActor } from "../authz/actor";

// The signed-in user, read once per request however many layouts, pages and components ask (React's cache lives
// for one server render).
const sessionUser = cache(getSessionUser);

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await sessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The acting user of a page (the console layout has sent anyone signed out to sign in already). */
export const pageActor = cache(async (): Promise<Actor> => userActor(await requirePageUser("/")));
