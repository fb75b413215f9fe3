/** Whoever asks: a signed-in user, a user's API token, a client application, or Rhei itself. */
export type Actor =
  | { type: "user"; userId: string; label: string }
  | { type: "token"; userId: string; tokenId: string; label: string }
  | { type: "client"; clientId: string; systemId: string; companyId: string; label: string }
  | { type: "system"; label: string };

export const systemActor = (component: string): Actor => ({ type: "system", label: `rhei:${component}` });

export function actorUserId(actor: Actor): string | undefined {
  return actor.type === "user" || actor.type === "token" ? actor.userId : undefined;
}

/** The actor of a signed-in user (a page, a server action, a socket). */
export const userActor = (user: { id: string; email: string }): Actor => ({
  type: "user",
  userId: user.id,
  label: user.email,
});
