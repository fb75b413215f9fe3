import "server-only";
import type { Tx } from "../db/client";

/** Where the rollups of a system's partitions stand (positions it has none of are missing from the map). */
export async function readPositions(tx: Pick<Tx, "rollupPosition">, systemIds: readonly string[]) {
  const rows = await tx.rollupPosition.findMany({ where: { systemId: { in: [...systemIds] } } });
  return new Map(
    rows.map((r) => [
      `${r.systemId}#${r.partition}`,
      { next: r.next, maxBrokerTs: r.maxBrokerTs < 0n ? Number.NEGATIVE_INFINITY : Number(r.maxBrokerTs) },
    ]),
  );
}
