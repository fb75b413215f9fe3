import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { conflict, invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { getMetadataSystem } from "../metadata-system";
import { parseInput } from "../validation";
import { checkDatastreamReferences } from "./check-references";
import { datastreamInclude } from "./get-datastream";
import { nullableJson } from "./json-column";
import { type CreateDatastreamInput, createDatastreamSchema, datastreamFullName } from "./schemas";

/** Creates a datastream of a thing, with schema version 1. */
export async function createDatastream({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: CreateDatastreamInput;
}) {
  const system = await getMetadataSystem({ actor, systemId, action: "metadata.write" });
  const data = parseInput(createDatastreamSchema, input);
  const id = await db
    .$transaction(async (tx) => {
      const thing = await tx.thing.findFirst({
        where: { id: data.thingId, systemId },
        select: { id: true, name: true },
      });
      if (!thing)
        throw invalid("Invalid input: thingId: No such thing in this system", {
          thingId: ["No such thing in this system"],
        });
      await checkDatastreamReferences(tx, systemId, data);
      const fullName = datastreamFullName(system.name, thing.name, data.name);
      if (await tx.datastream.findUnique({ where: { fullName }, select: { id: true } })) {
        throw conflict(`The datastream ${fullName} exists already`, {
          name: ["This thing has a datastream of this name"],
        });
      }
      const schemaFields = {
        observationType: data.observationType,
        unitName: data.unit.name,
        unitSymbol: data.unit.symbol,
        unitDefinition: data.unit.definition,
        resultSchema: nullableJson(data.resultSchema),
      };
      const created = await tx.datastream.create({
        data: {
          systemId,
          thingId: thing.id,
          sensorId: data.sensorId ?? null,
          observedPropertyId: data.observedPropertyId ?? null,
          name: data.name,
          fullName,
          description: data.description,
          ...schemaFields,
          schemaVersion: 1,
          schemaVersions: { create: { version: 1, ...schemaFields } },
        },
      });
      await recordAuditEvent(tx, actor, {
        companyId: system.companyId,
        action: "datastream.create",
        target: { type: "datastream", id: created.id, label: fullName },
        after: created,
      });
      await publishEvent(
        {
          type: "datastream.changed",
          companyId: system.companyId,
          systemId,
          datastreamId: created.id,
          change: "created",
        },
        tx,
      );
      return created.id;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
  // Read with its relations after the commit: Prisma fetches relations in parallel, which a transaction's single
  // connection would have to queue.
  return db.datastream.findUniqueOrThrow({ where: { id }, include: datastreamInclude });
}
