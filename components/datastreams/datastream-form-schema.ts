import { z } from "zod";
import {
  type CreateDatastreamInput,
  observationType,
  RESULT_SCHEMA_REQUIRED,
  unitSchema,
} from "@/lib/datastreams/schemas";
import { description, entityName } from "@/lib/names";
import { jsonObjectText } from "@/lib/ui/json-text";

/**
 * The datastream form: the shared field rules, with the selects' "none" as "" and the result schema as the text of
 * its editor. Here the editor's JSON is checked; whether it is a usable JSON Schema the server says (Ajv, strict).
 */
export const datastreamFormSchema = z
  .object({
    thingId: z.string().min(1, "Choose a thing"),
    name: entityName,
    description,
    sensorId: z.string(),
    observedPropertyId: z.string(),
    observationType,
    unit: unitSchema,
    resultSchema: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.observationType !== "Observation") return;
    if (!v.resultSchema.trim()) {
      ctx.addIssue({ code: "custom", path: ["resultSchema"], message: RESULT_SCHEMA_REQUIRED });
      return;
    }
    const parsed = jsonObjectText.safeParse(v.resultSchema);
    for (const issue of parsed.error?.issues ?? []) {
      ctx.addIssue({ code: "custom", path: ["resultSchema"], message: issue.message });
    }
  })
  .transform(
    (v): CreateDatastreamInput => ({
      thingId: v.thingId,
      name: v.name,
      description: v.description,
      sensorId: v.sensorId || null,
      observedPropertyId: v.observedPropertyId || null,
      observationType: v.observationType,
      unit: v.unit,
      resultSchema:
        v.observationType === "Observation"
          ? (jsonObjectText.parse(v.resultSchema) as CreateDatastreamInput["resultSchema"])
          : null,
    }),
  );

export type DatastreamFormInput = z.input<typeof datastreamFormSchema>;
