import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { pageOf, skipTake } from "../pagination";
import { getSystem } from "../systems/get-system";
import { parseInput } from "../validation";
import { systemRejectedRecordsQuerySchema } from "./schemas";

/**
 * The records a system's readers could not use, newest first: whatever they named (a datastream of the system,
 * another system's, none at all), with who noticed and where the message sits. With the system's total ever
 * counted and the kept samples per reporter.
 */
export async function listSystemRejectedRecords({
  actor,
  systemId,
  query,
}: {
  actor: Actor;
  systemId: string;
  query: unknown;
}) {
  const system = await getSystem({ actor, systemId, action: "data.read" });
  const q = parseInput(systemRejectedRecordsQuerySchema, query ?? {});
  const where = {
    systemId,
    ...(q.reportedBy ? { reportedBy: q.reportedBy } : {}),
    ...(q.datastream === "none" ? { datastreamId: null } : q.datastream ? { datastreamId: q.datastream } : {}),
  };
  const paging = { ...q, sort: "at", order: "desc" as const };
  const [items, kept, byReporter] = await Promise.all([
    db.rejectedRecord.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      include: { datastream: { select: { id: true, name: true, fullName: true } } },
      ...skipTake(paging),
    }),
    db.rejectedRecord.count({ where }),
    db.rejectedRecord.groupBy({ by: ["reportedBy"], where: { systemId }, _count: { _all: true } }),
  ]);
  return {
    ...pageOf(items, kept, paging),
    system: { id: system.id, name: system.name, companyId: system.companyId },
    rejectedCount: system.rejectedCount,
    byReporter: byReporter
      .map((r) => ({ reportedBy: r.reportedBy, kept: r._count._all }))
      .sort((a, b) => b.kept - a.kept),
  };
}
