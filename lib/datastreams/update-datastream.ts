import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { checkDatastreamReferences } from "./check-references";
import { datastreamInclude, getDatastream } from "./get-datastream";
import { nullableJson } from "./json-column";
import {
  DATASTREAM_MOVE_REFUSAL,
  DATASTREAM_RENAME_REFUSAL,
  type SchemaFields,
  schemaFieldsChanged,
  typeAndSchemaProblem,
  type UpdateDatastreamInput,
  updateDatastreamSchema,
} from "./schemas";

/**
 * Changes a datastream. A change of observationType, unit or resultSchema adds schema version n+1 (earlier ones
 * stay); description, sensor and observed property changes do not. Name and thing are fixed.
 */
export async function updateDatastream({
  actor,
  datastreamId,
  input,
}: {
  actor: Actor;
  datastreamId: string;
  input: UpdateDatastreamInput;
}) {
  const before = await getDatastream({ actor, datastreamId, action: "metadata.write" });
  const { name, thingId, unit, ...data } = parseInput(updateDatastreamSchema, input);
  if (name !== undefined && name !== before.name) {
    throw invalid(DATASTREAM_RENAME_REFUSAL, { name: [DATASTREAM_RENAME_REFUSAL] });
  }
  if (thingId !== undefined && thingId !== before.thingId) {
    throw invalid(DATASTREAM_MOVE_REFUSAL, { thingId: [DATASTREAM_MOVE_REFUSAL] });
  }
  await db.$transaction(async (tx) => {
    // Touching the row first locks it, so two concurrent type changes cannot both become version n+1.
    const current = await tx.datastream.update({ where: { id: datastreamId }, data: { updatedAt: new Date() } });
    await checkDatastreamReferences(tx, current.systemId, data);
    const prev: SchemaFields = current;
    const observationType = data.observationType ?? current.observationType;
    // Leaving Observation drops the schema unless one is given (and then refused); staying keeps it.
    const resultSchema =
      data.resultSchema !== undefined
        ? data.resultSchema
        : observationType === "Observation"
          ? current.resultSchema
          : null;
    const problem = typeAndSchemaProblem(observationType, resultSchema);
    if (problem) throw invalid(`Invalid input: resultSchema: ${problem}`, { resultSchema: [problem] });
    const next: SchemaFields = {
      observationType,
      unitName: unit?.name ?? current.unitName,
      unitSymbol: unit?.symbol ?? current.unitSymbol,
      unitDefinition: unit?.definition ?? current.unitDefinition,
      resultSchema,
    };
    const newVersion = schemaFieldsChanged(prev, next) ? current.schemaVersion + 1 : undefined;
    const schemaData = { ...next, resultSchema: nullableJson(next.resultSchema) };
    if (newVersion !== undefined) {
      await tx.datastreamSchemaVersion.create({ data: { datastreamId, version: newVersion, ...schemaData } });
    }
    const updated = await tx.datastream.update({
      where: { id: datastreamId },
      data: {
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.sensorId !== undefined ? { sensorId: data.sensorId } : {}),
        ...(data.observedPropertyId !== undefined ? { observedPropertyId: data.observedPropertyId } : {}),
        ...schemaData,
        ...(newVersion !== undefined ? { schemaVersion: newVersion } : {}),
      },
    });
    const pick = (d: typeof current) => ({
      description: d.description,
      sensorId: d.sensorId,
      observedPropertyId: d.observedPropertyId,
      observationType: d.observationType,
      unitName: d.unitName,
      unitSymbol: d.unitSymbol,
      unitDefinition: d.unitDefinition,
      resultSchema: d.resultSchema,
      schemaVersion: d.schemaVersion,
    });
    await recordAuditEvent(tx, actor, {
      companyId: before.system.companyId,
      action: "datastream.update",
      target: { type: "datastream", id: datastreamId, label: current.fullName },
      before: pick(current),
      after: pick(updated),
    });
    await publishEvent(
      {
        type: "datastream.changed",
        companyId: before.system.companyId,
        systemId: current.systemId,
        datastreamId,
        change: "updated",
      },
      tx,
    );
  });
  return db.datastream.findUniqueOrThrow({ where: { id: datastreamId }, include: datastreamInclude });
}
