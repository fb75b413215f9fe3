import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { containsText } from "../db/escape-like";
import type { Prisma } from "../generated/prisma/client";
import { getMetadataSystem } from "../metadata-system";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { observedPropertyListQuerySchema } from "./schemas";

export async function listObservedProperties({
  actor,
  systemId,
  query,
}: {
  actor: Actor;
  systemId: string;
  query: unknown;
}) {
  await getMetadataSystem({ actor, systemId, action: "metadata.read" });
  const q = parseInput(observedPropertyListQuerySchema, query ?? {});
  const where: Prisma.ObservedPropertyWhereInput = {
    systemId,
    ...(q.q
      ? {
          OR: [{ name: containsText(q.q) }, { description: containsText(q.q) }],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.observedProperty.findMany({
      where,
      orderBy: [{ [q.sort]: q.order }, { id: "asc" }],
      ...skipTake(q),
      include: { _count: { select: { datastreams: true } } },
    }),
    db.observedProperty.count({ where }),
  ]);
  return pageOf(items, total, q);
}
