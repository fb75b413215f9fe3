import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import type { Action } from "../authz/permissions";
import { db } from "../db/client";
import { forbidden, isAppError, notFound } from "../errors";
import { isId } from "../ids";
import { type GrantRow, grantInclude } from "./grant-view";

/** A grant, if the actor belongs to either of its companies; otherwise not found (never "forbidden"). */
export async function findGrant(grantId: string): Promise<GrantRow> {
  if (!isId(grantId)) throw notFound("Grant");
  const grant = await db.grant.findUnique({ where: { id: grantId }, include: grantInclude });
  if (!grant) throw notFound("Grant");
  return grant;
}

/**
 * Which side of the grant the actor acts for: the source company (with `sourceAction`) or the receiving one (with
 * `targetAction`). A user of both companies acts for the source first. Outside both: not found; inside one without
 * the right: that company's refusal.
 */
export async function grantSide(
  actor: Actor,
  grant: GrantRow,
  actions: { source?: Action; target?: Action },
): Promise<"source" | "target"> {
  let refusal: unknown;
  for (const side of ["source", "target"] as const) {
    const action = actions[side];
    if (!action) continue;
    const companyId = side === "source" ? grant.sourceCompanyId : grant.targetCompanyId;
    try {
      await authorize(actor, action, { companyId, what: "Grant" });
      return side;
    } catch (error) {
      if (!isAppError(error) || error.code !== "not_found") refusal ??= error;
    }
  }
  if (refusal) throw refusal;
  // A member of the side that may not act here is still refused as a member, not told the grant is missing.
  for (const side of ["source", "target"] as const) {
    if (actions[side]) continue;
    const companyId = side === "source" ? grant.sourceCompanyId : grant.targetCompanyId;
    const member =
      (actor.type === "user" || actor.type === "token") &&
      (await db.membership.findUnique({ where: { userId_companyId: { userId: actor.userId, companyId } } }));
    if (member) {
      throw forbidden(
        side === "source" ? "Only the receiving company answers an offered grant" : "Only the source company does this",
      );
    }
  }
  throw notFound("Grant");
}
