import "server-only";
import { db } from "../db/client";
import type { SourceDatastream } from "../filter-language";

/** The datastreams of the systems as the filter language's checker sees them (name, type, result schema). */
export async function sourceDatastreamsOf(
  systemIds: readonly string[],
): Promise<(SourceDatastream & { id: string })[]> {
  if (systemIds.length === 0) return [];
  const rows = await db.datastream.findMany({
    where: { systemId: { in: [...systemIds] } },
    select: { id: true, fullName: true, observationType: true, resultSchema: true },
    orderBy: { fullName: "asc" },
    take: 20_000,
  });
  return rows.map((r) => ({
    id: r.id,
    fullName: r.fullName,
    observationType: r.observationType,
    ...(r.resultSchema && typeof r.resultSchema === "object" ? { resultSchema: r.resultSchema as object } : {}),
  }));
}
