import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../filter-language";
import { ENTITY_NAME_RULE, entityName } from "../names";

// A join app's definition (StreamApp.spec for kind "join"), shared by the form, the API and the worker. The
// semantics are in docs/time-series-join.md: each input is a filter query over systems the company owns or was
// granted; records of different inputs pair by phenomenon time within the tolerance (both bounds inclusive); the
// declared output is an expression over `left` and `right`, optionally filtered by a WHERE on the pair, written as
// a datastream registered in the target system.

export const MAX_JOIN_INPUTS = 6;
/** A day: a tolerance or lateness beyond it would hold a day of records per input. */
export const MAX_JOIN_WINDOW_MS = 86_400_000;
export const INPUT_NAME_RULE = "a letter, then letters, digits or '_' (1–30 characters)";

const inputName = z
  .string()
  .trim()
  .min(1, `Required: ${INPUT_NAME_RULE}`)
  .max(30, `Too long: ${INPUT_NAME_RULE}`)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, `Use ${INPUT_NAME_RULE}`);

const joinQuery = z
  .string()
  .min(1, "A query, e.g. SELECT * FROM <system> WHERE quantity = 'Latitude'")
  .max(MAX_QUERY_LENGTH, "At most 64 KiB");

const expression = z.string().max(MAX_QUERY_LENGTH, "At most 64 KiB");

const milliseconds = (what: string, min: number) =>
  z.coerce
    .number({ error: `${what}: a number of milliseconds` })
    .int(`${what}: whole milliseconds`)
    .min(min, `${what}: at least ${min} ms`)
    .max(MAX_JOIN_WINDOW_MS, `${what}: at most a day (${MAX_JOIN_WINDOW_MS} ms)`);

/** The output value's datastream types: a join's value is a number, a string or TRUE/FALSE. */
export const joinOutputTypes = ["Measurement", "Count", "Truth", "Category"] as const;
export type JoinOutputType = (typeof joinOutputTypes)[number];

export const joinInputSchema = z
  .object({
    /** The alias the log, the page and the engine use for it (`car1`). */
    name: inputName,
    /** `SELECT * FROM <systems> WHERE …`: which records of which systems feed this input. */
    query: joinQuery,
  })
  .strict();

export const joinOutputSchema = z
  .object({
    /** The value: an expression over `left` and `right` (docs/filter-language.md, "Joins"). */
    value: expression.trim().min(1, "An expression over left and right, e.g. abs(left.result - right.result)"),
    /** A condition on the pair; empty: every pair. */
    where: expression.default(""),
    /** The output datastream, registered in the target system (created if it does not exist). */
    thing: entityName,
    datastream: entityName,
    observationType: z.enum(joinOutputTypes, { error: `One of ${joinOutputTypes.join(", ")}` }),
    unit: z
      .object({
        name: z.string().max(200, "At most 200 characters").default(""),
        symbol: z.string().max(50, "At most 50 characters").default(""),
        definition: z.string().trim().max(2000, "At most 2000 characters").default(""),
      })
      .strict()
      .default({ name: "", symbol: "", definition: "" }),
  })
  .strict();

export const joinSpecSchema = z
  .object({
    inputs: z
      .array(joinInputSchema)
      .min(2, "A join needs two or more inputs")
      .max(MAX_JOIN_INPUTS, `At most ${MAX_JOIN_INPUTS} inputs`),
    /** Two records pair when |t1 − t2| ≤ toleranceMs: both bounds inclusive. */
    toleranceMs: milliseconds("Tolerance", 0),
    /** "neighbours": the preceding and succeeding record of each other input only; "all": every one in tolerance. */
    mode: z.enum(["neighbours", "all"], { error: 'Either "neighbours" or "all"' }).default("neighbours"),
    /** How far behind its partition's newest record a record may arrive and still be joined. */
    allowedLatenessMs: milliseconds("Allowed lateness", 0).default(0),
    /** A partition at its end and silent this long (processing time) stops holding the join back. */
    idleTimeoutMs: milliseconds("Idle timeout", 1000).default(30_000),
    output: joinOutputSchema,
  })
  .strict()
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.inputs.forEach((input, i) => {
      if (seen.has(input.name)) {
        ctx.addIssue({ code: "custom", path: ["inputs", i, "name"], message: `Input ${input.name} is named twice` });
      }
      seen.add(input.name);
    });
  });
export type JoinSpec = z.output<typeof joinSpecSchema>;
export type JoinSpecInput = z.input<typeof joinSpecSchema>;

export { ENTITY_NAME_RULE };

/**
 * A join app's `query` column: the union of its inputs' FROM lists, so everything that asks which systems an app
 * reads (ACLs, lineage, blockers, grants) reads a join like a filter app. The definition itself is `spec`.
 */
export function joinSourcesQuery(fromLists: readonly string[][]): string {
  const entries = [...new Set(fromLists.flat())];
  return `SELECT * FROM ${entries.length > 0 ? entries.join(", ") : "*"}`;
}
