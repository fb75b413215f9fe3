import "server-only";
import { db } from "../db/client";
import { forbidden, notFound } from "../errors";
import { isId } from "../ids";
import type { Actor } from "./actor";
import { type Action, actionPhrases, type RoleName, roleAllows } from "./permissions";

// What a client application may do, and only within its own system.
const clientActions: ReadonlySet<Action> = new Set(["system.read", "metadata.read", "metadata.write", "data.read"]);

export interface AuthorizeTarget {
  companyId: string;
  /** Needed for client actors, which act only on their own system. */
  systemId?: string;
  /** How the object is named in the not-found message. */
  what?: string;
}

export interface Authorization {
  role: RoleName | "client" | "system";
}

/**
 * The one decision for every action on every object. Outside the actor's companies the object does not exist
 * (not found, so that other tenants' names never leak); inside, a role that lacks the action is forbidden.
 */
export async function authorize(actor: Actor, action: Action, target: AuthorizeTarget): Promise<Authorization> {
  const what = target.what ?? "Object";
  if (!isId(target.companyId) || (target.systemId !== undefined && !isId(target.systemId))) throw notFound(what);
  switch (actor.type) {
    case "system":
      return { role: "system" };
    case "client": {
      const own =
        actor.companyId === target.companyId && (target.systemId === undefined || target.systemId === actor.systemId);
      if (!own || target.systemId === undefined) throw notFound(what);
      if (!clientActions.has(action)) throw forbidden(`A client application may not ${actionPhrases[action]}`);
      return { role: "client" };
    }
    case "user":
    case "token": {
      const membership = await db.membership.findUnique({
        where: { userId_companyId: { userId: actor.userId, companyId: target.companyId } },
        select: { role: true },
      });
      if (!membership) throw notFound(what);
      if (!roleAllows(membership.role, action)) {
        throw forbidden(`Your role (${membership.role}) may not ${actionPhrases[action]}`);
      }
      return { role: membership.role };
    }
  }
}
