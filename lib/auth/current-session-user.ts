import "server-only";
import { db } from "../db/client";

/**
 * The user a session names, if the session is still good: the user exists and the session was signed in the
 * user's current epoch (a password change or "sign out other sessions" moves it on). Sessions from before epochs
 * existed carry none and count as epoch 0.
 */
export async function currentSessionUser(userId: string, epoch: number | undefined) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionEpoch: true },
  });
  if (!user || user.sessionEpoch !== (epoch ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name };
}
