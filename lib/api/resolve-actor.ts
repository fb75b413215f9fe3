import "server-only";
import { authenticateToken } from "../api-tokens/authenticate-token";
import { getSessionUser } from "../auth/session";
import type { Actor } from "../authz/actor";
import { userActor } from "../authz/actor";
import { authenticateClient } from "../clients/authenticate-client";
import { AppError } from "../errors";

export type Credential = "session" | "token" | "client";

/**
 * Who is calling the API: a personal token (`Authorization: Bearer rhei_pat_…`), a client application (`Basic`
 * with its principal and secret), or the browser session cookie. Credentials that are present but wrong are an
 * error, never a fallback to the cookie.
 */
export async function resolveActor(request: Request): Promise<{ actor: Actor; credential: Credential } | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const [scheme, value = ""] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() === "bearer") {
      const actor = await authenticateToken(value);
      if (!actor) throw new AppError("unauthenticated", "The API token is unknown, revoked or expired");
      return { actor, credential: "token" };
    }
    if (scheme?.toLowerCase() === "basic") {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      const actor = colon > 0 ? await authenticateClient(decoded.slice(0, colon), decoded.slice(colon + 1)) : null;
      if (!actor)
        throw new AppError("unauthenticated", "The client principal or secret is wrong, or the client is revoked");
      return { actor, credential: "client" };
    }
    throw new AppError("unauthenticated", `Unsupported authorization scheme ${scheme}: use Bearer or Basic`);
  }
  const user = await getSessionUser();
  return user ? { actor: userActor(user), credential: "session" } : null;
}
