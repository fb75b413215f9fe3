import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageOf } from "../pagination";
import { parseInput } from "../validation";
import { companyHealthQuerySchema } from "./schemas";

/** Systems summarised on the health page at most (a company with more pages through its systems list instead). */
const MAX_SYSTEMS = 500;

/**
 * How a company's data arrives: per system, its datastreams, how many report, how many are silent (no record for
 * three usual intervals, judged by the evaluator) or never reported, records per minute and the newest record; and
 * a page of datastreams in one of those states, the longest silent first.
 */
export async function getCompanyHealth({
  actor,
  companyId,
  query,
}: {
  actor: Actor;
  companyId: string;
  query: unknown;
}) {
  await authorize(actor, "data.read", { companyId, what: "Company" });
  const q = parseInput(companyHealthQuerySchema, query ?? {});
  const inCompany: Prisma.DatastreamWhereInput = { system: { companyId } };
  const where: Prisma.DatastreamWhereInput = {
    ...inCompany,
    ...(q.state === "silent"
      ? { health: { silentSince: { not: null } } }
      : q.state === "never"
        ? { OR: [{ health: null }, { health: { lastPhenomenonAt: null } }] }
        : q.state === "reporting"
          ? { health: { lastPhenomenonAt: { not: null }, silentSince: null } }
          : {}),
  };
  const [systems, healths, items, total] = await Promise.all([
    db.system.findMany({
      where: { companyId },
      orderBy: { name: "asc" },
      take: MAX_SYSTEMS,
      select: { id: true, name: true, _count: { select: { datastreams: true } } },
    }),
    db.datastreamHealth.findMany({
      where: { datastream: inCompany },
      select: {
        perMinute: true,
        silentSince: true,
        lastPhenomenonAt: true,
        datastream: { select: { systemId: true } },
      },
    }),
    db.datastream.findMany({
      where,
      orderBy: [{ health: { silentSince: { sort: "asc", nulls: "last" } } }, { fullName: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        name: true,
        fullName: true,
        systemId: true,
        expectedIntervalSeconds: true,
        health: {
          select: { lastPhenomenonAt: true, perMinute: true, intervalMs: true, silentSince: true, lastValue: true },
        },
      },
    }),
    db.datastream.count({ where }),
  ]);
  const bySystem = systems.map((s) => {
    const mine = healths.filter((h) => h.datastream.systemId === s.id);
    const reporting = mine.filter((h) => h.lastPhenomenonAt !== null);
    return {
      id: s.id,
      name: s.name,
      datastreams: s._count.datastreams,
      silent: mine.filter((h) => h.silentSince !== null).length,
      never: s._count.datastreams - reporting.length,
      perMinute: mine.reduce((n, h) => n + h.perMinute, 0),
      lastRecordAt: reporting.reduce<Date | null>(
        (t, h) => (h.lastPhenomenonAt && (!t || h.lastPhenomenonAt > t) ? h.lastPhenomenonAt : t),
        null,
      ),
    };
  });
  return { systems: bySystem, datastreams: pageOf(items, total, { ...q, sort: "name", order: "asc" }), state: q.state };
}
