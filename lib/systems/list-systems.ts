import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { containsText } from "../db/escape-like";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { systemListQuerySchema } from "./schemas";

export async function listSystems({ actor, companyId, query }: { actor: Actor; companyId: string; query: unknown }) {
  await authorize(actor, "system.read", { companyId, what: "Company" });
  const q = parseInput(systemListQuerySchema, query ?? {});
  const where: Prisma.SystemWhereInput = {
    companyId,
    ...(q.q
      ? {
          OR: [{ name: containsText(q.q) }, { description: containsText(q.q) }],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.system.findMany({
      where,
      orderBy: [{ [q.sort]: q.order }, { id: "asc" }],
      ...skipTake(q),
      include: { _count: { select: { clients: true, things: true, datastreams: true } } },
    }),
    db.system.count({ where }),
  ]);
  return pageOf(items, total, q);
}
