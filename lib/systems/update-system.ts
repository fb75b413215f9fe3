import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { getSystem } from "./get-system";
import { type UpdateSystemInput, updateSystemSchema } from "./schemas";

export async function updateSystem({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: UpdateSystemInput;
}) {
  const before = await getSystem({ actor, systemId, action: "system.update" });
  const data = parseInput(updateSystemSchema, input);
  if (data.partitions !== undefined && data.partitions < before.partitions) {
    throw invalid(`Kafka cannot remove partitions: ${before.name} has ${before.partitions}`, {
      partitions: [`At least ${before.partitions} (partitions can only grow)`],
    });
  }
  const { company: _company, ...beforeRow } = before;
  const after = await db.$transaction(async (tx) => {
    const updated = await tx.system.update({ where: { id: systemId }, data });
    await recordAuditEvent(tx, actor, {
      companyId: before.companyId,
      action: "system.update",
      target: { type: "system", id: systemId, label: before.name },
      before: beforeRow,
      after: updated,
    });
    await publishEvent({ type: "system.changed", companyId: before.companyId, systemId, change: "updated" }, tx);
    return updated;
  });
  return after;
}
