// The reference platform's instances.json (SensorThings-style): Things, Sensors and Datastreams keyed by a local
// key; a datastream names its Thing and Sensor by key and embeds its ObservedProperty; observationType is an OGC
// O&M URI. Read leniently, as its clients wrote it (fields Rhei does not keep are ignored with a warning), and
// written so that reading it back gives the same metadata. Rhei adds one optional field, `resultSchema`, to
// datastreams of type Observation, which the reference could not describe.
import { z } from "zod";
import { compareCodeUnits, sortKeysDeep } from "../canonical-json";
import { unitSchema } from "../datastreams/schemas";
import { description, entityName, labelName } from "../names";
import { observationTypeUris } from "../sdk/observation-type-uris";
import { thingProperties } from "../things/schemas";
import {
  datastreamLabel,
  emptyLocatedDocument,
  formatPath,
  type ImportIssue,
  type JsonObject,
  type MetadataDocument,
  type ParsedMetadata,
} from "./document";
import {
  claimedName,
  datastreamSchemaIssues,
  duplicateIssues,
  issuesOf,
  observationTypeOrUri,
  resultSchemaChecker,
} from "./parse-helpers";

const text = (max: number) => z.string().max(max, `At most ${max} characters`).default("");

const thingEntry = z.looseObject({ name: entityName, description, properties: thingProperties.default({}) });
const sensorEntry = z.looseObject({
  name: labelName,
  description,
  encodingType: text(200),
  metadata: text(2000),
});
const observedPropertyEntry = z.looseObject({ name: labelName, description, definition: text(2000) });
const datastreamEntry = z.looseObject({
  name: entityName,
  description,
  observationType: observationTypeOrUri,
  unitOfMeasurement: z.looseObject(unitSchema.shape).optional(),
  ObservedProperty: observedPropertyEntry.optional(),
  Thing: z.string("The key of an entry in Things"),
  Sensor: z.string("The key of an entry in Sensors").nullable().optional(),
  resultSchema: z.record(z.string(), z.json()).nullable().optional(),
});

const keyed = z.record(z.string(), z.unknown(), "An object of entries by key").default({});
const envelope = z.looseObject({ Things: keyed, Sensors: keyed, Datastreams: keyed });

/** The document's shape, for the API's OpenAPI description. */
export const referenceDocumentSchema = z.object({
  Things: z.record(z.string(), thingEntry).optional(),
  Sensors: z.record(z.string(), sensorEntry).optional(),
  Datastreams: z.record(z.string(), datastreamEntry).optional(),
});

const known = {
  top: ["Things", "Sensors", "Datastreams"],
  thing: ["name", "description", "properties"],
  sensor: ["name", "description", "encodingType", "metadata"],
  datastream: [
    "name",
    "description",
    "observationType",
    "unitOfMeasurement",
    "ObservedProperty",
    "Thing",
    "Sensor",
    "resultSchema",
  ],
  unit: ["name", "symbol", "definition"],
  observedProperty: ["name", "description", "definition"],
};

function ignoredKeys(value: unknown, keep: string[], path: PropertyKey[], what: string): ImportIssue[] {
  if (!value || typeof value !== "object") return [];
  return Object.keys(value)
    .filter((key) => !keep.includes(key))
    .map((key) => ({
      path: formatPath([...path, key]),
      message: `Ignored: Rhei keeps only ${keep.join(", ")} of ${what}`,
    }));
}

export function fromReferenceDocument(raw: unknown): ParsedMetadata {
  const document = emptyLocatedDocument();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const top = envelope.safeParse(raw);
  if (!top.success) return { format: "reference", document, warnings, errors: issuesOf(top.error, []) };
  warnings.push(...ignoredKeys(raw, known.top, [], "an instances file"));

  const thingByKey = new Map<string, string>();
  for (const [key, item] of Object.entries(top.data.Things)) {
    const parsed = thingEntry.safeParse(item);
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, ["Things", key], { kind: "thing", name: claimedName(item, key) }));
      continue;
    }
    warnings.push(...ignoredKeys(item, known.thing, ["Things", key], "a thing"));
    const { name, description, properties } = parsed.data;
    document.things.push({ name, description, properties: properties as JsonObject, at: formatPath(["Things", key]) });
    thingByKey.set(key, name);
  }

  const sensorByKey = new Map<string, string>();
  for (const [key, item] of Object.entries(top.data.Sensors)) {
    const parsed = sensorEntry.safeParse(item);
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, ["Sensors", key], { kind: "sensor", name: claimedName(item, key) }));
      continue;
    }
    warnings.push(...ignoredKeys(item, known.sensor, ["Sensors", key], "a sensor"));
    const { name, description, encodingType, metadata } = parsed.data;
    document.sensors.push({ name, description, encodingType, metadata, at: formatPath(["Sensors", key]) });
    sensorByKey.set(key, name);
  }

  const check = resultSchemaChecker();
  const propertyAt = new Map<string, { at: string; json: string }>();
  const datastreamKeys: Record<string, { thing: string; name: string }> = {};
  for (const [key, item] of Object.entries(top.data.Datastreams)) {
    const base = ["Datastreams", key];
    const at = formatPath(base);
    const parsed = datastreamEntry.safeParse(item);
    const entity = { kind: "datastream" as const, name: claimedName(item, key) };
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, base, entity));
      continue;
    }
    const d = parsed.data;
    warnings.push(...ignoredKeys(item, known.datastream, base, "a datastream"));
    warnings.push(...ignoredKeys(d.unitOfMeasurement, known.unit, [...base, "unitOfMeasurement"], "a unit"));
    warnings.push(
      ...ignoredKeys(d.ObservedProperty, known.observedProperty, [...base, "ObservedProperty"], "an observed property"),
    );
    const thing = thingByKey.get(d.Thing);
    if (thing === undefined) {
      errors.push({
        path: `${at}.Thing`,
        entity,
        field: "Thing",
        message: `No entry ${JSON.stringify(d.Thing)} in Things (a datastream names its thing by key)`,
      });
      continue;
    }
    let sensor: string | null = null;
    if (d.Sensor !== undefined && d.Sensor !== null) {
      const found = sensorByKey.get(d.Sensor);
      if (found === undefined) {
        errors.push({
          path: `${at}.Sensor`,
          entity,
          field: "Sensor",
          message: `No entry ${JSON.stringify(d.Sensor)} in Sensors (a datastream names its sensor by key)`,
        });
        continue;
      }
      sensor = found;
    }
    let observedProperty: string | null = null;
    if (d.ObservedProperty) {
      const { name, description, definition } = d.ObservedProperty;
      observedProperty = name;
      const json = JSON.stringify([description, definition]);
      const earlier = propertyAt.get(name);
      if (!earlier) {
        propertyAt.set(name, { at: `${at}.ObservedProperty`, json });
        document.observedProperties.push({ name, description, definition, at: `${at}.ObservedProperty` });
      } else if (earlier.json !== json) {
        warnings.push({
          path: `${at}.ObservedProperty`,
          entity: { kind: "observedProperty", name },
          message: `The observed property ${JSON.stringify(name)} is described differently at ${earlier.at}; the first description is kept`,
        });
      }
    }
    let resultSchema = (d.resultSchema ?? null) as JsonObject | null;
    if (d.observationType === "Observation" && resultSchema === null) {
      resultSchema = {};
      warnings.push({
        path: `${at}.resultSchema`,
        entity,
        field: "resultSchema",
        message:
          "An Observation datastream without a result schema: imported with {} (any JSON value); add a resultSchema to have results checked",
      });
    }
    const unit = d.unitOfMeasurement ?? { name: "", symbol: "", definition: "" };
    const spec = {
      thing,
      name: d.name,
      description: d.description,
      observationType: d.observationType,
      unit: { name: unit.name, symbol: unit.symbol, definition: unit.definition },
      sensor,
      observedProperty,
      resultSchema,
      at,
    };
    const problems = datastreamSchemaIssues(spec, check);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    document.datastreams.push(spec);
    datastreamKeys[key] = { thing, name: d.name };
  }
  errors.push(...duplicateIssues(document));
  return { format: "reference", document, warnings, errors, datastreamKeys };
}

const byName = (a: { name: string }, b: { name: string }) => compareCodeUnits(a.name, b.name);

/**
 * The document in the reference format. Keys are names (Rhei does not keep the reference's keys); a datastream
 * whose name another thing's datastream shares is keyed `thing.name`. Observed properties that no datastream
 * uses cannot be written (the format only embeds them) and come back as warnings.
 */
export function toReferenceDocument(doc: MetadataDocument): { document: Record<string, unknown>; warnings: string[] } {
  const Things: Record<string, unknown> = {};
  for (const t of [...doc.things].sort(byName)) {
    Things[t.name] = { name: t.name, description: t.description, properties: sortKeysDeep(t.properties) };
  }
  const Sensors: Record<string, unknown> = {};
  for (const s of [...doc.sensors].sort(byName)) {
    Sensors[s.name] = { name: s.name, description: s.description, encodingType: s.encodingType, metadata: s.metadata };
  }
  const properties = new Map(doc.observedProperties.map((p) => [p.name, p]));
  const used = new Set<string>();
  const nameCount = new Map<string, number>();
  for (const d of doc.datastreams) nameCount.set(d.name, (nameCount.get(d.name) ?? 0) + 1);
  const Datastreams: Record<string, unknown> = {};
  const sorted = [...doc.datastreams].sort(
    (a, b) => compareCodeUnits(a.thing, b.thing) || compareCodeUnits(a.name, b.name),
  );
  for (const d of sorted) {
    const key = (nameCount.get(d.name) ?? 0) > 1 ? datastreamLabel(d) : d.name;
    const property = d.observedProperty ? properties.get(d.observedProperty) : undefined;
    if (property) used.add(property.name);
    Datastreams[key] = {
      name: d.name,
      description: d.description,
      observationType: observationTypeUris[d.observationType],
      unitOfMeasurement: { name: d.unit.name, symbol: d.unit.symbol, definition: d.unit.definition },
      ...(property
        ? {
            ObservedProperty: {
              name: property.name,
              description: property.description,
              definition: property.definition,
            },
          }
        : {}),
      Thing: d.thing,
      ...(d.sensor !== null ? { Sensor: d.sensor } : {}),
      ...(d.resultSchema !== null ? { resultSchema: sortKeysDeep(d.resultSchema) } : {}),
    };
  }
  const warnings = [...doc.observedProperties]
    .sort(byName)
    .filter((p) => !used.has(p.name))
    .map(
      (p) =>
        `The observed property ${JSON.stringify(p.name)} is used by no datastream: the reference format cannot hold it`,
    );
  return { document: { Things, Sensors, Datastreams }, warnings };
}
