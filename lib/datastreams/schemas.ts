import { z } from "zod";
import { jsonEqual } from "../canonical-json";
import { description, ENTITY_NAME_RULE, entityName } from "../names";
import { listQuerySchema } from "../pagination";
import { resultSchemaProblem } from "../result-schema/result-schema";
import { observationTypeNames } from "../sdk/observation-type-uris";

export type ObservationTypeName = (typeof observationTypeNames)[number];

export const observationType = z.enum(observationTypeNames, {
  error: `One of ${observationTypeNames.join(", ")}`,
});

const unitName = z.string().max(200, "At most 200 characters");
const unitSymbol = z.string().max(50, "At most 50 characters");
/** An absolute URI (scheme, colon, no spaces), e.g. http://qudt.org/vocab/unit/DEG_C or urn:ucum:Cel; or empty. */
export const UNIT_DEFINITION_RULE = "An absolute URI such as http://qudt.org/vocab/unit/DEG_C, or empty";
const absoluteUri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
const unitDefinition = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine((v) => v === "" || absoluteUri.test(v), UNIT_DEFINITION_RULE);

export const EMPTY_UNIT = { name: "", symbol: "", definition: "" } as const;

/** Unit of measurement as in SensorThings: name (DegreeCelsius), symbol (degC), definition (a URI). */
export const unitSchema = z
  .object({ name: unitName.default(""), symbol: unitSymbol.default(""), definition: unitDefinition.default("") })
  .strict();
export type Unit = z.output<typeof unitSchema>;

/** A JSON Schema object that compiles (see result-schema.ts for the drafts and rules). */
export const resultSchemaValue = z.record(z.string(), z.json()).superRefine((schema, ctx) => {
  const problem = resultSchemaProblem(schema);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const RESULT_SCHEMA_REQUIRED = "Required for observationType Observation: a JSON Schema for the results";
export const RESULT_SCHEMA_REFUSED = "Only Observation datastreams have a result schema; leave it empty";

/** The one rule linking type and schema, for create, update (after merging with the current values) and import. */
export function typeAndSchemaProblem(type: ObservationTypeName, schema: unknown): string | undefined {
  const has = schema !== null && schema !== undefined;
  if (type === "Observation" && !has) return RESULT_SCHEMA_REQUIRED;
  if (type !== "Observation" && has) return RESULT_SCHEMA_REFUSED;
  return undefined;
}

const optionalId = z.uuid("Not an id").nullable().optional();

export const createDatastreamSchema = z
  .object({
    thingId: z.uuid("Choose a thing"),
    sensorId: optionalId,
    observedPropertyId: optionalId,
    name: entityName,
    description,
    unit: unitSchema.default({ ...EMPTY_UNIT }),
    observationType,
    resultSchema: resultSchemaValue.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problem = typeAndSchemaProblem(v.observationType, v.resultSchema);
    if (problem) ctx.addIssue({ code: "custom", path: ["resultSchema"], message: problem });
  });
export type CreateDatastreamInput = z.input<typeof createDatastreamSchema>;

/**
 * `name` and `thingId` are accepted only unchanged (they make the full name, the Kafka message key). Changing
 * observationType, unit or resultSchema adds a schema version; the type-and-schema rule is checked against the
 * merged result in updateDatastream.
 */
export const updateDatastreamSchema = z
  .object({
    name: z.string().optional(),
    thingId: z.string().optional(),
    sensorId: optionalId,
    observedPropertyId: optionalId,
    description: description.unwrap().optional(),
    unit: z.object({ name: unitName, symbol: unitSymbol, definition: unitDefinition }).partial().strict().optional(),
    observationType: observationType.optional(),
    resultSchema: resultSchemaValue.nullable().optional(),
  })
  .strict();
export type UpdateDatastreamInput = z.input<typeof updateDatastreamSchema>;

export const DATASTREAM_RENAME_REFUSAL = `A datastream's name cannot change after creation: it is the last level of its full name (system.thing.datastream), the Kafka message key of its records. Create a new datastream instead. (${ENTITY_NAME_RULE})`;
export const DATASTREAM_MOVE_REFUSAL =
  "A datastream cannot move to another thing: the thing is part of its full name (system.thing.datastream), the Kafka message key of its records";

export const datastreamListQuerySchema = listQuerySchema(
  ["name", "fullName", "thing", "observationType", "createdAt", "updatedAt"],
  "fullName",
).extend({
  thingId: z.uuid("Not an id").optional(),
  sensorId: z.uuid("Not an id").optional(),
  observedPropertyId: z.uuid("Not an id").optional(),
  observationType: observationType.optional(),
});

/** The fields a schema version records; a change to any of them makes a new version. */
export interface SchemaFields {
  observationType: ObservationTypeName;
  unitName: string;
  unitSymbol: string;
  unitDefinition: string;
  resultSchema: unknown;
}

export function schemaFieldsChanged(a: SchemaFields, b: SchemaFields): boolean {
  return (
    a.observationType !== b.observationType ||
    a.unitName !== b.unitName ||
    a.unitSymbol !== b.unitSymbol ||
    a.unitDefinition !== b.unitDefinition ||
    !jsonEqual(a.resultSchema ?? null, b.resultSchema ?? null)
  );
}

export function datastreamFullName(systemName: string, thingName: string, name: string): string {
  return `${systemName}.${thingName}.${name}`;
}
