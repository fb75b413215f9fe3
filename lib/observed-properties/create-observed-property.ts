import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import { type CreateObservedPropertyInput, createObservedPropertySchema } from "./schemas";

export async function createObservedProperty({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: CreateObservedPropertyInput;
}) {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.write" });
  const data = parseInput(createObservedPropertySchema, input);
  return db
    .$transaction(async (tx) => {
      if (
        await tx.observedProperty.findUnique({
          where: { systemId_name: { systemId, name: data.name } },
          select: { id: true },
        })
      ) {
        throw conflict(`${system.name} has an observed property named ${data.name} already`, {
          name: ["This name is taken in this system"],
        });
      }
      const created = await tx.observedProperty.create({ data: { ...data, systemId } });
      await recordAuditEvent(tx, actor, {
        companyId: system.companyId,
        action: "observedProperty.create",
        target: { type: "observedProperty", id: created.id, label: `${system.name}: ${created.name}` },
        after: created,
      });
      return created;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
