// Rhei's own metadata document, version 1, in JSON or YAML: meant to live in version control, so it is strict
// (a misspelt key is an error, not silently ignored), refers by name, and is written in a stable order with
// empty fields left out.
//
//   rhei: 1
//   things:             [{ name, description?, properties? }]
//   sensors:            [{ name, description?, encodingType?, metadata? }]
//   observedProperties: [{ name, description?, definition? }]
//   datastreams:        [{ thing, name, description?, observationType, unit?: { name?, symbol?, definition? },
//                          sensor?, observedProperty?, resultSchema? }]
//
// A datastream's thing, sensor and observed property are names: of an entity in the same document or one that
// exists in the system already. Fields left out mean their empty value.
import { z } from "zod";
import { compareCodeUnits, sortKeysDeep } from "../canonical-json";
import { EMPTY_UNIT, unitSchema } from "../datastreams/schemas";
import { description, entityName, labelName } from "../names";
import { createObservedPropertySchema } from "../observed-properties/schemas";
import { createSensorSchema } from "../sensors/schemas";
import { createThingSchema } from "../things/schemas";
import {
  type DatastreamSpec,
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

export const RHEI_FORMAT_VERSION = 1;

const datastreamEntry = z
  .object({
    thing: entityName,
    name: entityName,
    description,
    observationType: observationTypeOrUri,
    unit: unitSchema.default({ ...EMPTY_UNIT }),
    sensor: labelName.nullable().default(null),
    observedProperty: labelName.nullable().default(null),
    resultSchema: z.record(z.string(), z.json()).nullable().default(null),
  })
  .strict();

const list = z.array(z.unknown(), "A list").default([]);

const envelope = z
  .object({
    rhei: z.literal(RHEI_FORMAT_VERSION, `This Rhei reads version ${RHEI_FORMAT_VERSION} documents: write rhei: 1`),
    things: list,
    sensors: list,
    observedProperties: list,
    datastreams: list,
  })
  .strict();

/** The document's shape, for the API's OpenAPI description (the importer checks each entity on its own). */
export const rheiDocumentSchema = z
  .object({
    rhei: z.literal(RHEI_FORMAT_VERSION),
    things: z.array(createThingSchema).optional(),
    sensors: z.array(createSensorSchema).optional(),
    observedProperties: z.array(createObservedPropertySchema).optional(),
    datastreams: z.array(datastreamEntry).optional(),
  })
  .strict();

/**
 * Reads a parsed Rhei document. Each entity is checked on its own, so one bad entry does not hide the others'
 * problems; references to names are resolved later, against the document and the system.
 */
export function fromRheiDocument(raw: unknown): ParsedMetadata {
  const document = emptyLocatedDocument();
  const errors: ImportIssue[] = [];
  const top = envelope.safeParse(raw);
  if (!top.success) return { format: "rhei", document, warnings: [], errors: issuesOf(top.error, []) };
  const each = <S extends z.ZodType>(
    key: keyof typeof document,
    kind: "thing" | "sensor" | "observedProperty" | "datastream",
    schema: S,
    add: (value: z.output<S>, at: string) => void,
  ) => {
    top.data[key].forEach((item, index) => {
      const at = formatPath([key, index]);
      const parsed = schema.safeParse(item);
      if (parsed.success) add(parsed.data, at);
      else errors.push(...issuesOf(parsed.error, [key, index], { kind, name: claimedName(item, at) }));
    });
  };
  each("things", "thing", createThingSchema, (v, at) =>
    document.things.push({ ...v, properties: v.properties as JsonObject, at }),
  );
  each("sensors", "sensor", createSensorSchema, (v, at) => document.sensors.push({ ...v, at }));
  each("observedProperties", "observedProperty", createObservedPropertySchema, (v, at) =>
    document.observedProperties.push({ ...v, at }),
  );
  const check = resultSchemaChecker();
  each("datastreams", "datastream", datastreamEntry, (v, at) => {
    const spec = { ...v, resultSchema: v.resultSchema as JsonObject | null, at };
    const problems = datastreamSchemaIssues(spec, check);
    if (problems.length > 0) errors.push(...problems);
    else document.datastreams.push(spec);
  });
  errors.push(...duplicateIssues(document));
  return { format: "rhei", document, warnings: [], errors };
}

const byName = (a: { name: string }, b: { name: string }) => compareCodeUnits(a.name, b.name);
const byThingThenName = (a: DatastreamSpec, b: DatastreamSpec) =>
  compareCodeUnits(a.thing, b.thing) || compareCodeUnits(a.name, b.name);

/** Only the fields that differ from their empty value, in a fixed order. */
function compact(entries: [string, unknown, boolean][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value, keep] of entries) if (keep) out[key] = value;
  return out;
}

/** The document as a plain object in a stable order: entities sorted by name, keys in a fixed order, JSON sorted. */
export function toRheiDocument(doc: MetadataDocument): Record<string, unknown> {
  return {
    rhei: RHEI_FORMAT_VERSION,
    things: [...doc.things].sort(byName).map((t) =>
      compact([
        ["name", t.name, true],
        ["description", t.description, t.description !== ""],
        ["properties", sortKeysDeep(t.properties), Object.keys(t.properties).length > 0],
      ]),
    ),
    sensors: [...doc.sensors].sort(byName).map((s) =>
      compact([
        ["name", s.name, true],
        ["description", s.description, s.description !== ""],
        ["encodingType", s.encodingType, s.encodingType !== ""],
        ["metadata", s.metadata, s.metadata !== ""],
      ]),
    ),
    observedProperties: [...doc.observedProperties].sort(byName).map((p) =>
      compact([
        ["name", p.name, true],
        ["description", p.description, p.description !== ""],
        ["definition", p.definition, p.definition !== ""],
      ]),
    ),
    datastreams: [...doc.datastreams].sort(byThingThenName).map((d) => {
      const unit = compact([
        ["name", d.unit.name, d.unit.name !== ""],
        ["symbol", d.unit.symbol, d.unit.symbol !== ""],
        ["definition", d.unit.definition, d.unit.definition !== ""],
      ]);
      return compact([
        ["thing", d.thing, true],
        ["name", d.name, true],
        ["description", d.description, d.description !== ""],
        ["observationType", d.observationType, true],
        ["unit", unit, Object.keys(unit).length > 0],
        ["sensor", d.sensor, d.sensor !== null],
        ["observedProperty", d.observedProperty, d.observedProperty !== null],
        ["resultSchema", sortKeysDeep(d.resultSchema), d.resultSchema !== null],
      ]);
    }),
  };
}
