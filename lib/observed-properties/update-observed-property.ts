import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { parseInput } from "../validation";
import { getObservedProperty } from "./get-observed-property";
import { type UpdateObservedPropertyInput, updateObservedPropertySchema } from "./schemas";

/** Changes an observed property; renaming is allowed (its name is in no Kafka name) within its system's unique names. */
export async function updateObservedProperty({
  actor,
  observedPropertyId,
  input,
}: {
  actor: Actor;
  observedPropertyId: string;
  input: UpdateObservedPropertyInput;
}) {
  const before = await getObservedProperty({ actor, observedPropertyId, action: "metadata.write" });
  const data = parseInput(updateObservedPropertySchema, input);
  const { system, _count, ...row } = before;
  return db
    .$transaction(async (tx) => {
      if (data.name !== undefined && data.name !== before.name) {
        const taken = await tx.observedProperty.findUnique({
          where: { systemId_name: { systemId: before.systemId, name: data.name } },
          select: { id: true },
        });
        if (taken) {
          throw conflict(`${system.name} has an observed property named ${data.name} already`, {
            name: ["This name is taken in this system"],
          });
        }
      }
      const updated = await tx.observedProperty.update({ where: { id: observedPropertyId }, data });
      await recordAuditEvent(tx, actor, {
        companyId: system.companyId,
        action: "observedProperty.update",
        target: { type: "observedProperty", id: observedPropertyId, label: `${system.name}: ${updated.name}` },
        before: row,
        after: updated,
      });
      return updated;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
