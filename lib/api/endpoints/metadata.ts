import { z } from "zod";
import { exportFormatSchema, importFormatSchema, importPlanSchema } from "../../metadata-io/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam } from "../schemas";
import { metadataAuth } from "./things";

const tags = ["Metadata import and export"];

/** Media types a metadata file may come in: JSON (reference instances.json or Rhei JSON) or Rhei YAML. */
export const METADATA_MEDIA_TYPES = [
  "application/json",
  "application/yaml",
  "application/x-yaml",
  "text/yaml",
  "text/plain",
] as const;

/** 10,000 datastreams in Rhei YAML take about 3 MB; leave room for descriptions and schemas. */
export const MAX_METADATA_BYTES = 20 * 1024 * 1024;

const systemParams = z.object({ systemId: idParam });

export const importQuerySchema = z
  .object({
    dryRun: z
      .enum(["true", "false"], { error: "true or false" })
      .default("false")
      .transform((v) => v === "true")
      .describe("true: only answer what would change"),
    format: importFormatSchema.describe("rhei or reference; detected from the document when left out"),
  })
  .strict();

export const importMetadataEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/metadata/import",
  operationId: "importMetadata",
  summary: "Import things, sensors, observed properties and datastreams from a file (admins, engineers, clients)",
  description:
    "The body is the file: the reference platform's instances.json or Rhei's JSON (application/json), or Rhei's " +
    "YAML (application/yaml). Idempotent: what exists unchanged stays, nothing is deleted. With dryRun=true the " +
    "answer is the plan (create / update with the changed fields / unchanged, warnings, errors with their paths) " +
    "and nothing changes; without, a file with errors is refused with 422 naming each path.",
  tags,
  auth: metadataAuth,
  params: systemParams,
  query: importQuerySchema,
  textBody: { mediaTypes: METADATA_MEDIA_TYPES },
  maxBodyBytes: MAX_METADATA_BYTES,
  response: importPlanSchema,
});

export const exportMetadataEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/metadata",
  operationId: "exportMetadata",
  summary: "The system's metadata as a file to download: Rhei YAML, Rhei JSON or the reference instances.json",
  description:
    "Rhei's formats hold everything and export the same bytes for an unchanged system (for version control); " +
    "the reference format cannot hold observed properties that no datastream uses, and counts what it left out in " +
    "the X-Rhei-Export-Warnings header.",
  tags,
  auth: metadataAuth,
  params: systemParams,
  query: z.object({ format: exportFormatSchema.default("rhei-yaml") }).strict(),
  produces: ["application/yaml", "application/json"],
});
