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
  // How data arrives, per system: the sum of its datastreams' rates and how many are silent (the evaluator's health).
  const healths = await db.datastreamHealth.findMany({
    where: { datastream: { systemId: { in: items.map((s) => s.id) } } },
    select: { perMinute: true, silentSince: true, lastPhenomenonAt: true, datastream: { select: { systemId: true } } },
  });
  const provisioning = await db.provisioningState.groupBy({
    by: ["systemId", "status"],
    where: { systemId: { in: items.map((s) => s.id) } },
    _count: { _all: true },
  });
  return pageOf(
    items.map((s) => {
      const mine = healths.filter((h) => h.datastream.systemId === s.id);
      const states = provisioning.filter((p) => p.systemId === s.id);
      const worst = (["error", "drift", "pending", "ready"] as const).find((st) => states.some((p) => p.status === st));
      return {
        ...s,
        activity: {
          perMinute: mine.reduce((n, h) => n + h.perMinute, 0),
          silent: mine.filter((h) => h.silentSince !== null).length,
          lastRecordAt: mine.reduce<Date | null>(
            (t, h) => (h.lastPhenomenonAt && (!t || h.lastPhenomenonAt > t) ? h.lastPhenomenonAt : t),
            null,
          ),
        },
        provisioning: worst ?? "pending",
      };
    }),
    total,
    q,
  );
}
