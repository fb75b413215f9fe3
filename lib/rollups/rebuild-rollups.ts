import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { systemActor } from "../authz/actor";
import { db } from "../db/client";

/**
 * Rebuilds rollups from Kafka (after adding the job to an existing cluster, or after a loss): deletes the rollups and
 * positions of the named systems (every system when none are named) in one transaction. A running rollup job finds
 * its positions gone at its next batch and reads those partitions again from the start of the log; one started later
 * does so from the beginning.
 */
export async function rebuildRollups({ systemNames }: { systemNames?: readonly string[] } = {}) {
  const systems = await db.system.findMany({
    where: systemNames ? { name: { in: [...systemNames] } } : {},
    select: { id: true, name: true, companyId: true },
  });
  const unknown = (systemNames ?? []).filter((n) => !systems.some((s) => s.name === n));
  if (unknown.length > 0) throw new Error(`no such system: ${unknown.join(", ")}`);
  const ids = systems.map((s) => s.id);
  return db.$transaction(
    async (tx) => {
      const rollups = await tx.rollup.deleteMany({ where: { datastream: { systemId: { in: ids } } } });
      const positions = await tx.rollupPosition.deleteMany({ where: { systemId: { in: ids } } });
      for (const s of systems) {
        await recordAuditEvent(tx, systemActor("rollups"), {
          companyId: s.companyId,
          action: "rollups.rebuild",
          target: { type: "system", id: s.id, label: s.name },
        });
      }
      return { systems: systems.map((s) => s.name), rollups: rollups.count, positions: positions.count };
    },
    { timeout: 600_000 },
  );
}
