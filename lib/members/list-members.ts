import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { containsText } from "../db/escape-like";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { memberListQuerySchema } from "./schemas";

export async function listMembers({ actor, companyId, query }: { actor: Actor; companyId: string; query: unknown }) {
  await authorize(actor, "member.read", { companyId, what: "Company" });
  const q = parseInput(memberListQuerySchema, query ?? {});
  const where: Prisma.MembershipWhereInput = {
    companyId,
    ...(q.q
      ? {
          user: {
            OR: [{ email: containsText(q.q) }, { name: containsText(q.q) }],
          },
        }
      : {}),
  };
  const orderBy: Prisma.MembershipOrderByWithRelationInput[] =
    q.sort === "email" || q.sort === "name" ? [{ user: { [q.sort]: q.order } }] : [{ [q.sort]: q.order }];
  const [rows, total] = await Promise.all([
    db.membership.findMany({
      where,
      orderBy: [...orderBy, { userId: "asc" }],
      ...skipTake(q),
      include: { user: { select: { id: true, email: true, name: true } } },
    }),
    db.membership.count({ where }),
  ]);
  return pageOf(rows, total, q);
}
