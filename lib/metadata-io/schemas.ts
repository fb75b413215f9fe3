import { z } from "zod";

export const exportFormatSchema = z.enum(["rhei-yaml", "rhei-json", "reference"], {
  error: "One of rhei-yaml, rhei-json, reference",
});

/** Leave out to detect the format from the document (a `rhei` key, or Things/Sensors/Datastreams). */
export const importFormatSchema = z.enum(["rhei", "reference"], { error: "One of rhei, reference" }).optional();
