// What an import would do to a system: compares a parsed document with the system's metadata as loaded in full.
// Pure, so the dry run and the import compute the same plan, and unit tests need no database.
import { jsonEqual } from "../canonical-json";
import { datastreamFullName, type ObservationTypeName, schemaFieldsChanged } from "../datastreams/schemas";
import {
  type DatastreamSpec,
  datastreamLabel,
  type EntityKind,
  type ImportFormat,
  type ImportIssue,
  type Located,
  type ObservedPropertySpec,
  type ParsedMetadata,
  type SensorSpec,
  type ThingSpec,
} from "./document";

/** The system's metadata, keyed by name (datastreams by `thing.name`). */
export interface ExistingMetadata {
  systemName: string;
  things: Map<string, ThingSpec & { id: string }>;
  sensors: Map<string, SensorSpec & { id: string }>;
  observedProperties: Map<string, ObservedPropertySpec & { id: string }>;
  datastreams: Map<string, DatastreamSpec & { id: string; schemaVersion: number }>;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlanItem {
  kind: EntityKind;
  /** Things, sensors, properties: their name; datastreams: `thing.name`. */
  name: string;
  action: "create" | "update" | "unchanged";
  /** Updates: each changed field with its old and new value. */
  changes?: FieldChange[];
  /** Datastreams created or given a new schema version: that version. */
  schemaVersion?: number;
  /** Where the entity is in the document. */
  at: string;
}

type Counts = { create: number; update: number; unchanged: number };

export interface ImportPlan {
  format: ImportFormat;
  systemId: string;
  systemName: string;
  summary: Record<EntityKind, Counts>;
  items: PlanItem[];
  warnings: ImportIssue[];
  errors: ImportIssue[];
  /** Reference format: each Datastreams key → the datastream's full name (`system.thing.datastream`). */
  datastreamKeys?: Record<string, string>;
}

/** What applying the plan takes, entity by entity (kept apart from the plan, which is for people). */
export interface PlanOperations {
  things: { spec: ThingSpec; id?: string; changes: FieldChange[] }[];
  sensors: { spec: SensorSpec; id?: string; changes: FieldChange[] }[];
  observedProperties: { spec: ObservedPropertySpec; id?: string; changes: FieldChange[] }[];
  datastreams: {
    spec: DatastreamSpec;
    fullName: string;
    id?: string;
    changes: FieldChange[];
    /** Set when the type, unit or schema changes (or on creation: 1). */
    newSchemaVersion?: number;
  }[];
}

function fieldChanges<T>(before: T, after: T, fields: (keyof T & string)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (!jsonEqual(before[field], after[field])) out.push({ field, from: before[field], to: after[field] });
  }
  return out;
}

const strip = <T extends { at: string }>({ at: _at, ...rest }: T) => rest;

export function diffMetadata(
  parsed: ParsedMetadata,
  existing: ExistingMetadata,
  systemId: string,
): { plan: ImportPlan; operations: PlanOperations } {
  const errors = [...parsed.errors];
  const items: PlanItem[] = [];
  const operations: PlanOperations = { things: [], sensors: [], observedProperties: [], datastreams: [] };
  const summary = {
    thing: { create: 0, update: 0, unchanged: 0 },
    sensor: { create: 0, update: 0, unchanged: 0 },
    observedProperty: { create: 0, update: 0, unchanged: 0 },
    datastream: { create: 0, update: 0, unchanged: 0 },
  } satisfies Record<EntityKind, Counts>;

  const record = (item: PlanItem) => {
    items.push(item);
    summary[item.kind][item.action] += 1;
  };

  function simple<S extends { name: string }>(
    kind: EntityKind,
    specs: Located<S>[],
    current: Map<string, S & { id: string }>,
    fields: (keyof S & string)[],
    out: { spec: S; id?: string; changes: FieldChange[] }[],
  ) {
    for (const located of specs) {
      const spec = strip(located) as unknown as S;
      const found = current.get(spec.name);
      const changes = found ? fieldChanges<S>(found, spec, fields) : [];
      const action = !found ? "create" : changes.length > 0 ? "update" : "unchanged";
      record({ kind, name: spec.name, action, at: located.at, ...(action === "update" ? { changes } : {}) });
      if (action !== "unchanged") out.push({ spec, ...(found ? { id: found.id } : {}), changes });
    }
  }
  const doc = parsed.document;
  simple<ThingSpec>("thing", doc.things, existing.things, ["description", "properties"], operations.things);
  simple<SensorSpec>(
    "sensor",
    doc.sensors,
    existing.sensors,
    ["description", "encodingType", "metadata"],
    operations.sensors,
  );
  simple<ObservedPropertySpec>(
    "observedProperty",
    doc.observedProperties,
    existing.observedProperties,
    ["description", "definition"],
    operations.observedProperties,
  );

  const inDoc = {
    things: new Set(doc.things.map((t) => t.name)),
    sensors: new Set(doc.sensors.map((s) => s.name)),
    observedProperties: new Set(doc.observedProperties.map((p) => p.name)),
  };
  const missing = (
    d: Located<DatastreamSpec>,
    field: "thing" | "sensor" | "observedProperty",
    what: string,
  ): ImportIssue => ({
    path: `${d.at}.${field}`,
    entity: { kind: "datastream", name: datastreamLabel(d) },
    field,
    message: `No ${what} named ${JSON.stringify(d[field])} in the document or in ${existing.systemName}`,
  });
  for (const located of doc.datastreams) {
    const problems: ImportIssue[] = [];
    if (!inDoc.things.has(located.thing) && !existing.things.has(located.thing)) {
      problems.push(missing(located, "thing", "thing"));
    }
    if (located.sensor !== null && !inDoc.sensors.has(located.sensor) && !existing.sensors.has(located.sensor)) {
      problems.push(missing(located, "sensor", "sensor"));
    }
    if (
      located.observedProperty !== null &&
      !inDoc.observedProperties.has(located.observedProperty) &&
      !existing.observedProperties.has(located.observedProperty)
    ) {
      problems.push(missing(located, "observedProperty", "observed property"));
    }
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    const spec = strip(located);
    const label = datastreamLabel(spec);
    const fullName = datastreamFullName(existing.systemName, spec.thing, spec.name);
    const found = existing.datastreams.get(label);
    if (!found) {
      record({ kind: "datastream", name: label, action: "create", at: located.at, schemaVersion: 1 });
      operations.datastreams.push({ spec, fullName, changes: [], newSchemaVersion: 1 });
      continue;
    }
    const flat = (d: DatastreamSpec) => ({
      description: d.description,
      sensor: d.sensor,
      observedProperty: d.observedProperty,
      observationType: d.observationType as ObservationTypeName,
      "unit.name": d.unit.name,
      "unit.symbol": d.unit.symbol,
      "unit.definition": d.unit.definition,
      resultSchema: d.resultSchema,
    });
    const changes = fieldChanges(flat(found), flat(spec), [
      "description",
      "sensor",
      "observedProperty",
      "observationType",
      "unit.name",
      "unit.symbol",
      "unit.definition",
      "resultSchema",
    ]);
    const schemaFields = (d: DatastreamSpec) => ({
      observationType: d.observationType,
      unitName: d.unit.name,
      unitSymbol: d.unit.symbol,
      unitDefinition: d.unit.definition,
      resultSchema: d.resultSchema,
    });
    const newSchemaVersion = schemaFieldsChanged(schemaFields(found), schemaFields(spec))
      ? found.schemaVersion + 1
      : undefined;
    const action = changes.length > 0 ? "update" : "unchanged";
    record({
      kind: "datastream",
      name: label,
      action,
      at: located.at,
      ...(action === "update" ? { changes } : {}),
      ...(newSchemaVersion !== undefined ? { schemaVersion: newSchemaVersion } : {}),
    });
    if (action === "update") {
      operations.datastreams.push({
        spec,
        fullName,
        id: found.id,
        changes,
        ...(newSchemaVersion !== undefined ? { newSchemaVersion } : {}),
      });
    }
  }

  const datastreamKeys = parsed.datastreamKeys
    ? Object.fromEntries(
        Object.entries(parsed.datastreamKeys).map(([key, d]) => [
          key,
          datastreamFullName(existing.systemName, d.thing, d.name),
        ]),
      )
    : undefined;
  return {
    plan: {
      format: parsed.format,
      systemId,
      systemName: existing.systemName,
      summary,
      items,
      warnings: parsed.warnings,
      errors,
      ...(datastreamKeys ? { datastreamKeys } : {}),
    },
    operations,
  };
}
