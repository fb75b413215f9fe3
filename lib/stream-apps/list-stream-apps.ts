import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { pageOf, skipTake } from "../pagination";
import { parseInput } from "../validation";
import { sumMetrics } from "./app-metrics";
import { appStatus } from "./app-status";
import { streamAppListQuerySchema } from "./schemas";

/**
 * The company's stream apps, by name, with each one's state and headline metrics (every member sees them). The state
 * here comes from the workers' reports; the app's page also says why a deployed app cannot run.
 */
export async function listStreamApps({
  actor,
  companyId,
  query,
}: {
  actor: Actor;
  companyId: string;
  query?: unknown;
}) {
  await authorize(actor, "system.read", { companyId, what: "Company" });
  const q = parseInput(streamAppListQuerySchema, query ?? {});
  const where: Prisma.StreamAppWhereInput = {
    companyId,
    ...(q.q ? { name: { contains: q.q, mode: "insensitive" } } : {}),
  };
  const paging = { ...q, sort: "name", order: "asc" as const };
  const [rows, total] = await Promise.all([
    db.streamApp.findMany({
      where,
      orderBy: { name: "asc" },
      ...skipTake(paging),
      include: {
        runners: true,
        partitions: true,
        sources: { select: { system: { select: { name: true } } } },
      },
    }),
    db.streamApp.count({ where }),
  ]);
  const items = rows.map((a) => {
    const topics = new Set(a.sources.map((s) => `${s.system.name}.int`));
    const metrics = sumMetrics(a.partitions, topics);
    const status = appStatus({
      desiredState: a.desiredState,
      blocked: a.targetSystemId ? null : `Its target system ${a.targetSystemName} was deleted`,
      runners: a.runners,
      lag: metrics.lag === null ? null : BigInt(metrics.lag),
      deployedAt: a.deployedAt,
    });
    return {
      id: a.id,
      name: a.name,
      description: a.description,
      kind: a.kind,
      version: a.version,
      targetSystemId: a.targetSystemId,
      targetSystemName: a.targetSystemName,
      sources: a.sources.map((s) => s.system.name).sort(),
      desiredState: a.desiredState,
      status,
      recordsIn: metrics.recordsIn,
      recordsOut: metrics.recordsOut,
      lag: metrics.lag,
      lastRecordAt: metrics.lastRecordAt,
    };
  });
  return pageOf(items, total, paging);
}
