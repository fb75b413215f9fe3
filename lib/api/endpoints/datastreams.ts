import { z } from "zod";
import { createDatastreamSchema, datastreamListQuerySchema, updateDatastreamSchema } from "../../datastreams/schemas";
import { rejectedRecordsQuerySchema } from "../../rejected-records/schemas";
import { observationTypeNames } from "../../sdk/observation-type-uris";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";
import { metadataAuth } from "./things";

const tags = ["Datastreams"];

const observationTypeSchema = z
  .enum(observationTypeNames)
  .describe(
    "Measurement (number), Count (integer), Truth (boolean), Category (string) or Observation (JSON checked by resultSchema)",
  );

export const unitResponseSchema = z.object({ name: z.string(), symbol: z.string(), definition: z.string() });

const ref = z.object({ id: z.uuid(), name: z.string() });

export const datastreamSchema = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  name: z.string(),
  fullName: z.string().describe("`system.thing.datastream`: the Kafka message key of its records"),
  description: z.string(),
  observationType: observationTypeSchema,
  unit: unitResponseSchema,
  resultSchema: z.record(z.string(), z.unknown()).nullable().describe("For Observation: the results' JSON Schema"),
  schemaVersion: z.number().int().describe("The current schema version; earlier ones stay readable"),
  rejectedCount: z.number().int().describe("Records of this datastream that clients could not use, ever"),
  thing: ref,
  sensor: ref.nullable(),
  observedProperty: ref.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const schemaVersionSchema = z.object({
  version: z.number().int(),
  current: z.boolean(),
  observationType: observationTypeSchema,
  unit: unitResponseSchema,
  resultSchema: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestamp,
});

export const rejectedRecordSchema = z.object({
  id: z.uuid(),
  at: timestamp,
  reason: z.string(),
  reportedBy: z.string().describe("The client principal (or console component) that could not use the record"),
  claimedName: z.string(),
  topic: z.string().nullable(),
  partition: z.number().int().nullable(),
  offset: z.string().nullable(),
  sample: z.string().describe("The raw record, truncated to 4 KiB"),
});

const systemParams = z.object({ systemId: idParam });
const datastreamParams = z.object({ datastreamId: idParam });

export const listDatastreamsEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/datastreams",
  operationId: "listDatastreams",
  summary: "The system's datastreams, paginated, sorted, filtered by text, thing, sensor, property or type",
  tags,
  auth: metadataAuth,
  params: systemParams,
  query: datastreamListQuerySchema,
  response: pageSchema(datastreamSchema),
});

export const createDatastreamEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/datastreams",
  operationId: "createDatastream",
  summary: "Create a datastream of a thing, at schema version 1 (admins, engineers, the system's clients)",
  description:
    "Observation datastreams need a `resultSchema` (JSON Schema draft 2020-12, or draft-07 with its `$schema`); " +
    "the other types must not have one. Name and thing cannot change later.",
  tags,
  auth: metadataAuth,
  params: systemParams,
  body: createDatastreamSchema,
  response: datastreamSchema,
  status: 201,
});

export const getDatastreamByFullNameEndpoint = defineEndpoint({
  method: "GET",
  path: "/datastreams",
  operationId: "getDatastreamByFullName",
  summary: "One datastream by its full name (the Kafka message key)",
  tags,
  auth: metadataAuth,
  query: z.object({ fullName: z.string().min(1, "Required: the full name system.thing.datastream") }).strict(),
  response: datastreamSchema,
});

export const getDatastreamEndpoint = defineEndpoint({
  method: "GET",
  path: "/datastreams/{datastreamId}",
  operationId: "getDatastream",
  summary: "One datastream",
  tags,
  auth: metadataAuth,
  params: datastreamParams,
  response: datastreamSchema,
});

export const updateDatastreamEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/datastreams/{datastreamId}",
  operationId: "updateDatastream",
  summary: "Change a datastream; a new type, unit or result schema adds a schema version",
  description: "Name and thing are accepted only unchanged: they make the full name, the Kafka message key.",
  tags,
  auth: metadataAuth,
  params: datastreamParams,
  body: updateDatastreamSchema,
  response: datastreamSchema,
});

export const deleteDatastreamEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/datastreams/{datastreamId}",
  operationId: "deleteDatastream",
  summary: "Delete a datastream with its schema versions; its records stay in Kafka until retention removes them",
  tags,
  auth: metadataAuth,
  params: datastreamParams,
  status: 204,
});

export const listSchemaVersionsEndpoint = defineEndpoint({
  method: "GET",
  path: "/datastreams/{datastreamId}/schema-versions",
  operationId: "listDatastreamSchemaVersions",
  summary: "Every schema version of a datastream, oldest first; the last is current",
  tags,
  auth: metadataAuth,
  params: datastreamParams,
  response: z.object({ items: z.array(schemaVersionSchema) }),
});

export const getSchemaVersionEndpoint = defineEndpoint({
  method: "GET",
  path: "/datastreams/{datastreamId}/schema-versions/{version}",
  operationId: "getDatastreamSchemaVersion",
  summary: "One schema version, e.g. to read records written under an earlier type",
  tags,
  auth: metadataAuth,
  params: z.object({ datastreamId: idParam, version: z.coerce.number().int().min(1) }),
  response: schemaVersionSchema,
});

export const listRejectedRecordsEndpoint = defineEndpoint({
  method: "GET",
  path: "/datastreams/{datastreamId}/rejected-records",
  operationId: "listRejectedRecords",
  summary: "Records of the datastream that clients could not use: the count, and the newest samples kept",
  tags,
  auth: metadataAuth,
  params: datastreamParams,
  query: rejectedRecordsQuerySchema,
  response: pageSchema(rejectedRecordSchema).extend({
    rejectedCount: z.number().int().describe("Every rejection ever counted; only the newest samples are kept"),
  }),
});

interface DatastreamRow {
  unitName: string;
  unitSymbol: string;
  unitDefinition: string;
}

/** A datastream (or schema version) as the API shows it: the unit as one object. */
export function unitView<D extends DatastreamRow>(row: D) {
  const { unitName, unitSymbol, unitDefinition, ...rest } = row;
  return { ...rest, unit: { name: unitName, symbol: unitSymbol, definition: unitDefinition } };
}
