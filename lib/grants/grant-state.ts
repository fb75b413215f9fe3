// Pure: what a grant means now, shared by the domain operations, the stream-app runner and the UI.
import { compilePattern } from "../sdk/subscription-pattern";
import type { GrantState } from "./schemas";

export interface GrantLike {
  status: "offered" | "accepted" | "declined" | "revoked";
  endsAt: Date | null;
}

/** The grant's state as both sides see it: an accepted grant past its end is expired. */
export function grantState(g: GrantLike, now = Date.now()): GrantState {
  if (g.status === "accepted" && g.endsAt !== null && g.endsAt.getTime() <= now) return "expired";
  return g.status;
}

/** Whether stream apps may read under the grant now. */
export function grantInForce(g: GrantLike, now = Date.now()): boolean {
  return grantState(g, now) === "accepted";
}

/** Whether a datastream (full name) of the grant's source system is one the grant covers. */
export function grantCovers(sourceSystemName: string, pattern: string): (fullName: string) => boolean {
  return compilePattern(`${sourceSystemName}.${pattern}`);
}
