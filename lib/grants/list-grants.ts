import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { grantInclude, grantView } from "./grant-view";
import { grantListQuerySchema } from "./schemas";

/** The grants the company offered and received (every member sees them), newest first. */
export async function listGrants({ actor, companyId, query }: { actor: Actor; companyId: string; query?: unknown }) {
  await authorize(actor, "system.read", { companyId, what: "Company" });
  const q = parseInput(grantListQuerySchema, query ?? {});
  const now = new Date();
  const sides: Prisma.GrantWhereInput[] =
    q.side === "offered"
      ? [{ sourceCompanyId: companyId }]
      : q.side === "received"
        ? [{ targetCompanyId: companyId }]
        : [{ sourceCompanyId: companyId }, { targetCompanyId: companyId }];
  const state: Prisma.GrantWhereInput =
    q.state === undefined
      ? {}
      : q.state === "expired"
        ? { status: "accepted", endsAt: { lte: now } }
        : q.state === "accepted"
          ? { status: "accepted", OR: [{ endsAt: null }, { endsAt: { gt: now } }] }
          : { status: q.state };
  const where: Prisma.GrantWhereInput = { AND: [{ OR: sides }, state] };
  const paging = { ...q, sort: "createdAt", order: "desc" as const };
  const [rows, total] = await Promise.all([
    db.grant.findMany({
      where,
      include: grantInclude,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...skipTake(paging),
    }),
    db.grant.count({ where }),
  ]);
  return pageOf(
    rows.map((g) => ({
      ...grantView(g, now.getTime()),
      side: g.sourceCompanyId === companyId ? ("offered" as const) : ("received" as const),
    })),
    total,
    paging,
  );
}
