import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict } from "../errors";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import { type CreateThingInput, createThingSchema } from "./schemas";

export async function createThing({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: CreateThingInput;
}) {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.write" });
  const data = parseInput(createThingSchema, input);
  return db
    .$transaction(async (tx) => {
      if (
        await tx.thing.findUnique({ where: { systemId_name: { systemId, name: data.name } }, select: { id: true } })
      ) {
        throw conflict(`${system.name} has a thing named ${data.name} already`, {
          name: ["This name is taken in this system"],
        });
      }
      const created = await tx.thing.create({ data: { ...data, systemId } });
      await recordAuditEvent(tx, actor, {
        companyId: system.companyId,
        action: "thing.create",
        target: { type: "thing", id: created.id, label: `${system.name}.${created.name}` },
        after: created,
      });
      return created;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}
