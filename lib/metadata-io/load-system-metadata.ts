import "server-only";
import type { ObservationTypeName } from "../datastreams/schemas";
import type { Db, Tx } from "../db/client";
import type { ExistingMetadata } from "./diff-metadata";
import type { JsonObject, MetadataDocument } from "./document";

/**
 * A system's metadata, in full: one query per table, never paged, so an import compares with everything there is
 * (the reference platform paged its look-ups and created duplicates past ~200 entities). Relations are resolved
 * from the loaded rows, not by Prisma includes, which would run in parallel on a transaction's one connection.
 */
export async function loadSystemMetadata(
  client: Db | Tx,
  system: { id: string; name: string },
): Promise<ExistingMetadata> {
  const where = { systemId: system.id };
  const things = await client.thing.findMany({
    where,
    select: { id: true, name: true, description: true, properties: true },
  });
  const sensors = await client.sensor.findMany({
    where,
    select: { id: true, name: true, description: true, encodingType: true, metadata: true },
  });
  const observedProperties = await client.observedProperty.findMany({
    where,
    select: { id: true, name: true, description: true, definition: true },
  });
  const datastreams = await client.datastream.findMany({
    where,
    select: {
      id: true,
      thingId: true,
      sensorId: true,
      observedPropertyId: true,
      name: true,
      description: true,
      observationType: true,
      unitName: true,
      unitSymbol: true,
      unitDefinition: true,
      resultSchema: true,
      schemaVersion: true,
    },
  });
  const thingName = new Map(things.map((t) => [t.id, t.name]));
  const sensorName = new Map(sensors.map((s) => [s.id, s.name]));
  const propertyName = new Map(observedProperties.map((p) => [p.id, p.name]));
  const existing: ExistingMetadata = {
    systemName: system.name,
    things: new Map(things.map((t) => [t.name, { ...t, properties: (t.properties ?? {}) as JsonObject }])),
    sensors: new Map(sensors.map((s) => [s.name, s])),
    observedProperties: new Map(observedProperties.map((p) => [p.name, p])),
    datastreams: new Map(),
  };
  for (const d of datastreams) {
    const thing = thingName.get(d.thingId) ?? "";
    existing.datastreams.set(`${thing}.${d.name}`, {
      id: d.id,
      thing,
      name: d.name,
      description: d.description,
      observationType: d.observationType as ObservationTypeName,
      unit: { name: d.unitName, symbol: d.unitSymbol, definition: d.unitDefinition },
      sensor: d.sensorId ? (sensorName.get(d.sensorId) ?? null) : null,
      observedProperty: d.observedPropertyId ? (propertyName.get(d.observedPropertyId) ?? null) : null,
      resultSchema: (d.resultSchema ?? null) as JsonObject | null,
      schemaVersion: d.schemaVersion,
    });
  }
  return existing;
}

/** The loaded metadata as a document, for export. */
export function documentOf(existing: ExistingMetadata): MetadataDocument {
  const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  return {
    things: [...existing.things.values()].map(withoutId),
    sensors: [...existing.sensors.values()].map(withoutId),
    observedProperties: [...existing.observedProperties.values()].map(withoutId),
    datastreams: [...existing.datastreams.values()].map(({ id: _id, schemaVersion: _v, ...rest }) => rest),
  };
}
