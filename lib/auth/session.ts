import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { type Actor, userActor } from "../authz/actor";
import { unauthenticated } from "../errors";
import { currentSessionUser } from "./current-session-user";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The signed-in user, read from the session and checked against the database: a deleted user's session is void, and
 * so is one signed before the user's last password change.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return currentSessionUser(id, session.user?.epoch);
}

/** For server actions: the acting user, or an unauthenticated error. */
export async function requireActor(): Promise<Actor> {
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  return userActor(user);
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
