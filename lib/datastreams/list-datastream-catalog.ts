import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { getMetadataSystem } from "../metadata-system";

// Above this many names, one query for the whole system and a filter here beat a long IN list.
const MAX_NAMES_IN_QUERY = 1000;

/** What a client application needs to know of a datastream to produce and read its records. */
export interface DatastreamCatalogItem {
  name: string;
  fullName: string;
  observationType: string;
  unit: { name: string; symbol: string; definition: string };
  resultSchema: Record<string, unknown> | null;
  /** How long the system's topics keep a record, by its phenomenon time: the SDK refuses older records. */
  retentionMs: number;
}

/**
 * A system's datastreams as the SDK caches them: every one (not a page), or only those named, in one query of the
 * few columns it needs, ordered by full name.
 */
export async function listDatastreamCatalog({
  actor,
  systemId,
  fullNames,
}: {
  actor: Actor;
  systemId: string;
  fullNames?: readonly string[];
}): Promise<DatastreamCatalogItem[]> {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.read" });
  const retentionMs = system.retentionDays * 86_400_000;
  const narrow = fullNames !== undefined && fullNames.length <= MAX_NAMES_IN_QUERY;
  const rows = await db.datastream.findMany({
    where: { systemId, ...(narrow ? { fullName: { in: [...fullNames] } } : {}) },
    orderBy: { fullName: "asc" },
    select: {
      name: true,
      fullName: true,
      observationType: true,
      unitName: true,
      unitSymbol: true,
      unitDefinition: true,
      resultSchema: true,
    },
  });
  const wanted = fullNames && !narrow ? new Set(fullNames) : undefined;
  return rows
    .filter((r) => !wanted || wanted.has(r.fullName))
    .map((r) => ({
      name: r.name,
      fullName: r.fullName,
      observationType: r.observationType,
      unit: { name: r.unitName, symbol: r.unitSymbol, definition: r.unitDefinition },
      resultSchema: (r.resultSchema ?? null) as Record<string, unknown> | null,
      retentionMs,
    }));
}
