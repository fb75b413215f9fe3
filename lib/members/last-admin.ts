import "server-only";
import type { Tx } from "../db/client";
import { conflict } from "../errors";

/**
 * A company must keep an admin. Locks the company's admin memberships (FOR UPDATE) so that two admins demoting each
 * other at once cannot both succeed.
 */
export async function assertAnotherAdminRemains(tx: Tx, companyId: string, leavingUserId: string, verb: string) {
  const admins = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "companyId" = ${companyId}::uuid AND role = 'admin' FOR UPDATE`;
  if (!admins.some((a) => a.userId !== leavingUserId)) {
    throw conflict(`The last admin of a company cannot be ${verb}: make another member admin first`);
  }
}
