import { z } from "zod";
import { SdkError } from "./errors";
import { observationTypeFromUri } from "./observation-type-uris";
import type { ObservationType } from "./observation-types";

export interface UnitOfMeasurement {
  name: string;
  symbol: string;
  definition: string;
}

/** What the SDK knows of a datastream: how to check its results and how to label its records. */
export interface DatastreamInfo {
  /** The datastream's own name, e.g. "Air Temperature". */
  name: string;
  /** `<system>.<thing>.<datastream>`, the message key. */
  fullName: string;
  observationType: ObservationType;
  unit: UnitOfMeasurement;
  /** For Observation: the JSON Schema its results must match. */
  resultSchema?: object;
  /**
   * How long its system's topics keep a record, counted from the phenomenon time (the message's timestamp). When
   * known, produce() refuses an older phenomenon time, which Kafka would refuse or delete at once.
   */
  retentionMs?: number;
}

// observationType as Rhei's name or as the OGC O&M URI, so a catalog can be filled from instances.json as it is.
const datastreamInfoSchema = z.object({
  name: z.string().min(1),
  fullName: z.string().min(1),
  observationType: z.string().transform((value, ctx) => {
    const type = observationTypeFromUri(value);
    if (!type) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an observation type` });
      return z.NEVER;
    }
    return type;
  }),
  unit: z
    .object({ name: z.string().default(""), symbol: z.string().default(""), definition: z.string().default("") })
    .default({ name: "", symbol: "", definition: "" }),
  resultSchema: z.record(z.string(), z.unknown()).nullish(),
  retentionMs: z.number().int().positive().optional(),
});

export type DatastreamInfoInput = z.input<typeof datastreamInfoSchema>;

/** A datastream description checked and normalised; an SdkError saying which field is wrong otherwise. */
export function parseDatastreamInfo(input: unknown, source = "datastream"): DatastreamInfo {
  const parsed = datastreamInfoSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ");
    throw new SdkError("invalid-option", `${source} is not a datastream description (${issues})`);
  }
  const { resultSchema, ...rest } = parsed.data;
  return resultSchema ? { ...rest, resultSchema } : rest;
}
