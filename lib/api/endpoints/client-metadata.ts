import { z } from "zod";
import { observationTypeNames } from "../../sdk/observation-type-uris";
import { defineEndpoint } from "../define-endpoint";
import { unitResponseSchema } from "./datastreams";
import { MAX_METADATA_BYTES, METADATA_MEDIA_TYPES } from "./metadata";

const tags = ["Client applications"];

export const catalogItemSchema = z.object({
  name: z.string(),
  fullName: z.string().describe("`system.thing.datastream`: the message key to produce with"),
  observationType: z.enum(observationTypeNames),
  unit: unitResponseSchema,
  resultSchema: z.record(z.string(), z.unknown()).nullable().describe("For Observation: the results' JSON Schema"),
  retentionMs: z
    .number()
    .int()
    .positive()
    .describe(
      "How long the system's topics keep a record, counted from its phenomenon time; Kafka refuses older phenomenon times",
    ),
});

const entityCount = (what: string) =>
  z.number().int().describe(`Things, sensors, observed properties and datastreams ${what}`);

export const registerInstancesEndpoint = defineEndpoint({
  method: "POST",
  path: "/client/register",
  operationId: "registerInstances",
  summary: "Register the client's things, sensors and datastreams into its own system (client credentials only)",
  description:
    "The body is the reference platform's instances.json as it is (or a Rhei document, JSON or YAML). Idempotent: " +
    "registering the same file again changes nothing. The answer lists the file's datastreams with their full " +
    "names, and maps each key of the file's Datastreams to its full name.",
  tags,
  auth: ["client"],
  textBody: { mediaTypes: METADATA_MEDIA_TYPES },
  maxBodyBytes: MAX_METADATA_BYTES,
  response: z.object({
    created: entityCount("created"),
    updated: entityCount("updated"),
    unchanged: entityCount("left unchanged"),
    datastreams: z.array(catalogItemSchema),
    datastreamKeys: z.record(z.string(), z.string()).describe("Reference format: Datastreams key → full name"),
  }),
});

export const clientDatastreamsEndpoint = defineEndpoint({
  method: "GET",
  path: "/client/datastreams",
  operationId: "listClientDatastreams",
  summary: "Every datastream of the client's own system, not paginated, for the SDK to cache (client credentials only)",
  tags,
  auth: ["client"],
  response: z.object({ datastreams: z.array(catalogItemSchema) }),
});
