import { z } from "zod";

export const exportFormatSchema = z.enum(["rhei-yaml", "rhei-json", "reference"], {
  error: "One of rhei-yaml, rhei-json, reference",
});

/** Leave out to detect the format from the document (a `rhei` key, or Things/Sensors/Datastreams). */
export const importFormatSchema = z.enum(["rhei", "reference"], { error: "One of rhei, reference" }).optional();

/** An import plan (a dry run, or what was applied) as the API answers it and the browser reads it. */
const entityKind = z.enum(["thing", "sensor", "observedProperty", "datastream"]);
const counts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });

export const importIssueSchema = z.object({
  path: z.string().describe("Where in the document, e.g. `Datastreams.temperature.unitOfMeasurement`"),
  entity: z.object({ kind: entityKind, name: z.string() }).optional(),
  field: z.string().optional(),
  message: z.string(),
});

export const importPlanSchema = z.object({
  format: z.enum(["rhei", "reference"]),
  systemId: z.uuid(),
  systemName: z.string(),
  applied: z.boolean().describe("false for a dry run (nothing changed)"),
  summary: z.object({ thing: counts, sensor: counts, observedProperty: counts, datastream: counts }),
  items: z.array(
    z.object({
      kind: entityKind,
      name: z.string().describe("Datastreams: `thing.datastream`"),
      action: z.enum(["create", "update", "unchanged"]),
      changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
      schemaVersion: z.number().int().optional().describe("The schema version a datastream gets, if it gets one"),
      at: z.string(),
    }),
  ),
  warnings: z.array(importIssueSchema),
  errors: z.array(importIssueSchema),
  datastreamKeys: z.record(z.string(), z.string()).optional(),
});

export type ImportPlanView = z.output<typeof importPlanSchema>;
