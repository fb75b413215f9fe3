import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { containsText } from "../db/escape-like";
import type { Prisma } from "../generated/prisma/client";
import { getMetadataSystem } from "../metadata-system";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { datastreamInclude } from "./get-datastream";
import { datastreamListQuerySchema } from "./schemas";

/** A system's datastreams, a page at a time; optionally those of one thing, sensor, observed property or type. */
export async function listDatastreams({ actor, systemId, query }: { actor: Actor; systemId: string; query: unknown }) {
  await getMetadataSystem({ actor, systemId, action: "metadata.read" });
  const q = parseInput(datastreamListQuerySchema, query ?? {});
  const where: Prisma.DatastreamWhereInput = {
    systemId,
    ...(q.thingId ? { thingId: q.thingId } : {}),
    ...(q.sensorId ? { sensorId: q.sensorId } : {}),
    ...(q.observedPropertyId ? { observedPropertyId: q.observedPropertyId } : {}),
    ...(q.observationType ? { observationType: q.observationType } : {}),
    ...(q.q
      ? {
          OR: [
            { fullName: containsText(q.q) },
            { description: containsText(q.q) },
            { unitName: containsText(q.q) },
            { unitSymbol: containsText(q.q) },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.DatastreamOrderByWithRelationInput[] =
    q.sort === "thing" ? [{ thing: { name: q.order } }, { name: q.order }] : [{ [q.sort]: q.order }];
  const [items, total] = await Promise.all([
    db.datastream.findMany({
      where,
      orderBy: [...orderBy, { id: "asc" }],
      ...skipTake(q),
      include: {
        ...datastreamInclude,
        health: { select: { lastPhenomenonAt: true, lastValue: true, perMinute: true, silentSince: true } },
      },
    }),
    db.datastream.count({ where }),
  ]);
  return pageOf(items, total, q);
}
