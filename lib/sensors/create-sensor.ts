import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import { type CreateSensorInput, createSensorSchema } from "./schemas";

export async function createSensor({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: CreateSensorInput;
}) {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.write" });
  const data = parseInput(createSensorSchema, input);
  return db
    .$transaction(async (tx) => {
      if (
        await tx.sensor.findUnique({ where: { systemId_name: { systemId, name: data.name } }, select: { id: true } })
      ) {
        throw conflict(`${system.name} has a sensor named ${data.name} already`, {
          name: ["This name is taken in this system"],
        });
      }
      const created = await tx.sensor.create({ data: { ...data, systemId } });
      await recordAuditEvent(tx, actor, {
        companyId: system.companyId,
        action: "sensor.create",
        target: { type: "sensor", id: created.id, label: `${system.name}: ${created.name}` },
        after: created,
      });
      return created;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
