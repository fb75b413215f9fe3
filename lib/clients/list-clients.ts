import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { containsText } from "../db/escape-like";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { getSystem } from "../systems/get-system";
import { parseInput } from "../validation";
import { clientListQuerySchema } from "./schemas";

export async function listClients({ actor, systemId, query }: { actor: Actor; systemId: string; query: unknown }) {
  await getSystem({ actor, systemId, action: "client.read" });
  const q = parseInput(clientListQuerySchema, query ?? {});
  const where: Prisma.ClientWhereInput = {
    systemId,
    ...(q.q
      ? {
          OR: [{ name: containsText(q.q) }, { description: containsText(q.q) }],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.client.findMany({ where, orderBy: [{ [q.sort]: q.order }, { id: "asc" }], ...skipTake(q) }),
    db.client.count({ where }),
  ]);
  return pageOf(items, total, q);
}
