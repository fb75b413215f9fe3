import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../filter-language";
import { joinSpecSchema } from "./join-spec";

// A stream app as forms and the API send it (and the domain checks it): shared zod schemas.

export const APP_NAME_RULE = "letters A–Z a–z, digits 0–9 and '-' only (1–40 characters)";

export const appName = z
  .string()
  .trim()
  .min(1, `Required: ${APP_NAME_RULE}`)
  .max(40, `Too long: ${APP_NAME_RULE}`)
  .regex(/^[A-Za-z0-9-]+$/, `Use ${APP_NAME_RULE}`);

export const appQuery = z
  .string()
  .min(1, "A query, e.g. SELECT * FROM * WHERE result < 0")
  .max(MAX_QUERY_LENGTH, "At most 64 KiB");

const description = z.string().trim().max(2000, "At most 2000 characters");

export const streamAppKinds = ["filter", "join"] as const;

export const createStreamAppSchema = z
  .object({
    name: appName,
    description: description.default(""),
    kind: z.enum(streamAppKinds).default("filter"),
    targetSystemId: z.uuid("The target system (one of your company's)"),
    /** A filter app's query (a join's is derived from its inputs). */
    query: appQuery.optional(),
    /** A join's definition (docs/time-series-join.md). */
    spec: joinSpecSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === "filter" && v.query === undefined) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "A query, e.g. SELECT * FROM * WHERE result < 0" });
    }
    if (v.kind === "filter" && v.spec !== undefined) {
      ctx.addIssue({ code: "custom", path: ["spec"], message: "Only a join app has a spec" });
    }
    if (v.kind === "join" && v.spec === undefined) {
      ctx.addIssue({ code: "custom", path: ["spec"], message: "A join needs its inputs, tolerance and output" });
    }
    if (v.kind === "join" && v.query !== undefined) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "A join's inputs have the queries (spec.inputs)" });
    }
  });
export type CreateStreamAppInput = z.input<typeof createStreamAppSchema>;

export const updateStreamAppSchema = z
  .object({
    description: description.optional(),
    targetSystemId: z.uuid("The target system (one of your company's)").optional(),
    /** A filter app's query. */
    query: appQuery.optional(),
    /** A join app's whole definition. */
    spec: joinSpecSchema.optional(),
  })
  .strict();
export type UpdateStreamAppInput = z.input<typeof updateStreamAppSchema>;

/** A draft checked or tested before it is saved. */
export const draftSchema = z
  .object({
    targetSystemId: z.uuid("The target system (one of your company's)"),
    query: appQuery,
  })
  .strict();
export type DraftInput = z.input<typeof draftSchema>;

export const testDraftSchema = draftSchema
  .extend({
    /** Newest records per source partition to try the query on. */
    perPartition: z.coerce.number().int().min(1).max(200, "At most 200 records a partition").default(50),
  })
  .strict();
export type TestDraftInput = z.input<typeof testDraftSchema>;

export const appStates = ["running", "lagging", "waiting", "failing", "starting", "stopped"] as const;
export type AppState = (typeof appStates)[number];

export const streamAppListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1, "page starts at 1").max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200, "at most 200 rows a page").default(25),
  })
  .strict();

export const appLogQuerySchema = z
  .object({
    /** Lines before this one (its id), for paging back. */
    before: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(1000, "At most 1000 lines").default(200),
  })
  .strict();

/** A join draft checked or tested before it is saved. */
export const joinDraftSchema = z
  .object({
    targetSystemId: z.uuid("The target system (one of your company's)"),
    spec: joinSpecSchema,
  })
  .strict();
export type JoinDraftInput = z.input<typeof joinDraftSchema>;

export const testJoinDraftSchema = joinDraftSchema
  .extend({
    /** Newest records per source partition to join. */
    perPartition: z.coerce.number().int().min(1).max(500, "At most 500 records a partition").default(200),
  })
  .strict();
export type TestJoinDraftInput = z.input<typeof testJoinDraftSchema>;

/** The join editor's form: what createStreamApp (kind join) and updateStreamApp take of a join. */
export const joinAppFormSchema = z
  .object({
    name: appName,
    description: description.default(""),
    targetSystemId: z.uuid("The target system (one of your company's)"),
    spec: joinSpecSchema,
  })
  .strict();
export type JoinAppFormInput = z.input<typeof joinAppFormSchema>;
export type JoinAppFormValues = z.output<typeof joinAppFormSchema>;
