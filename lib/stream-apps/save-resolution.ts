import "server-only";
import type { Tx } from "../db/client";
import type { DefinitionCheck } from "./check-definition";

/** At most this many selected datastreams are kept per app for lineage (a query over everything selects a lot). */
const MAX_LINEAGE_STREAMS = 5000;

/** Remembers what the app's current version reads (its sources and the datastreams it can select), for lineage. */
export async function saveResolution(tx: Tx, appId: string, check: DefinitionCheck): Promise<void> {
  await tx.streamAppSource.deleteMany({ where: { appId } });
  await tx.streamAppStream.deleteMany({ where: { appId } });
  if (check.sources.length > 0) {
    await tx.streamAppSource.createMany({
      data: check.sources.map((s) => ({ appId, systemId: s.id, grantId: s.grants[0]?.id ?? null })),
      skipDuplicates: true,
    });
  }
  if (check.selects.length > 0) {
    await tx.streamAppStream.createMany({
      data: check.selects.slice(0, MAX_LINEAGE_STREAMS).map((d) => ({ appId, datastreamId: d.id })),
      skipDuplicates: true,
    });
  }
}
