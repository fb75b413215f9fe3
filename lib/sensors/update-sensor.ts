import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { parseInput } from "../validation";
import { getSensor } from "./get-sensor";
import { type UpdateSensorInput, updateSensorSchema } from "./schemas";

/** Changes a sensor; renaming is allowed (a sensor's name is in no Kafka name) within its system's unique names. */
export async function updateSensor({
  actor,
  sensorId,
  input,
}: {
  actor: Actor;
  sensorId: string;
  input: UpdateSensorInput;
}) {
  const before = await getSensor({ actor, sensorId, action: "metadata.write" });
  const data = parseInput(updateSensorSchema, input);
  const { system, _count, ...row } = before;
  return db
    .$transaction(async (tx) => {
      if (data.name !== undefined && data.name !== before.name) {
        const taken = await tx.sensor.findUnique({
          where: { systemId_name: { systemId: before.systemId, name: data.name } },
          select: { id: true },
        });
        if (taken) {
          throw conflict(`${system.name} has a sensor named ${data.name} already`, {
            name: ["This name is taken in this system"],
          });
        }
      }
      const updated = await tx.sensor.update({ where: { id: sensorId }, data });
      await recordAuditEvent(tx, actor, {
        companyId: system.companyId,
        action: "sensor.update",
        target: { type: "sensor", id: sensorId, label: `${system.name}: ${updated.name}` },
        before: row,
        after: updated,
      });
      return updated;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
