import "server-only";
import { db } from "../db/client";
import { signInSchema } from "./credential-schemas";
import { dummyPasswordHash, verifyPassword } from "./password";

/** The user whose email and password these are, or null; equally slow either way, so timing reveals no email. */
export async function verifyCredentials(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionEpoch: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash));
  return ok && user ? { id: user.id, email: user.email, name: user.name, sessionEpoch: user.sessionEpoch } : null;
}
