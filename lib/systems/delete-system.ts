import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { systemTopics } from "../topology/system-topics";
import { getSystem } from "./get-system";

/** What deleting the system takes with it, for the confirmation dialog. */
export async function systemDeletionImpact({ actor, systemId }: { actor: Actor; systemId: string }) {
  const system = await getSystem({ actor, systemId, action: "system.delete" });
  const counts = await db.system.findUniqueOrThrow({
    where: { id: systemId },
    select: {
      _count: { select: { clients: true, things: true, sensors: true, datastreams: true, observedProperties: true } },
    },
  });
  return { name: system.name, topics: Object.values(systemTopics(system.name)), ...counts._count };
}

/**
 * Deletes a system with its things, sensors and datastreams. Refused while it has clients (as in the platform
 * Rhei replaces: clients must go first). Its Kafka topics are deleted by the reconciler, which sees them no
 * longer wanted.
 */
export async function deleteSystem({ actor, systemId }: { actor: Actor; systemId: string }) {
  const system = await getSystem({ actor, systemId, action: "system.delete" });
  const { company: _company, ...row } = system;
  await db.$transaction(async (tx) => {
    const clients = await tx.client.count({ where: { systemId } });
    if (clients > 0) {
      throw conflict(`${system.name} still has ${clients} client${clients === 1 ? "" : "s"}: delete them first`);
    }
    await tx.system.delete({ where: { id: systemId } });
    await recordAuditEvent(tx, actor, {
      companyId: system.companyId,
      action: "system.delete",
      target: { type: "system", id: systemId, label: system.name },
      before: row,
      after: { deletedTopics: Object.values(systemTopics(system.name)) },
    });
    await publishEvent({ type: "system.changed", companyId: system.companyId, systemId, change: "deleted" }, tx);
  });
  return { name: system.name };
}
