import { z } from "zod";
import { AGGREGATION_INTERVALS } from "./calendar-buckets";
import { DATA_SOURCES } from "./choose-rollup-level";

// The history API's queries, shared by the route handlers (and their OpenAPI document), the domain operations and
// the browser. Every query names its datastreams (ids or a `*` pattern within the company) and a phenomenon-time
// range; times are checked by time-range.ts in the operation, so each refusal names "from" or "to".

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;
export const AGGREGATE_FUNCTIONS = ["min", "max", "mean", "sum", "count", "first", "last"] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];
export const EXPORT_FORMATS = ["csv", "json", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_DELIMITERS = { comma: ",", semicolon: ";", tab: "\t" } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

const time = (field: "from" | "to") =>
  z
    .string({ error: `"${field}" is required, such as 2026-11-25T10:00:00Z or now-6h` })
    .max(64, `"${field}" is too long for a time`)
    .describe(
      field === "from"
        ? "Start of the phenomenon-time range, inclusive: ISO-8601 with a zone (2026-11-25T10:00:00Z) or now-<n><unit> (now-6h)"
        : "End of the range, exclusive: ISO-8601 with a zone, now, or now-<n><unit>",
    );

/** Datastreams and range: what charts, the volume timeline and aggregates take (they show every value). */
export const rangeShape = {
  datastreams: z
    .string()
    .max(50 * 37, "At most 50 datastream ids")
    .optional()
    .describe("Datastream ids, comma-separated (or `pattern`)"),
  pattern: z
    .string()
    .trim()
    .max(500, "At most 500 characters")
    .optional()
    .describe(
      "A `*` pattern over the company's datastream full names, e.g. `cz.icecars.*.*.Car1.*` (or `datastreams`)",
    ),
  from: time("from"),
  to: time("to"),
};

/** Datastreams, range and value filters: what record pages and exports take. */
export const selectionShape = {
  ...rangeShape,
  filter: z
    .string()
    .max(4000, "At most 4000 characters")
    .optional()
    .describe(
      "Value ranges: `<datastreamId>:<min>:<max>`, comma-separated, either bound may be empty; records of those datastreams outside their range (or without a numeric result) are left out",
    ),
};

export const recordsQuerySchema = z
  .object({
    ...selectionShape,
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int("pageSize must be a whole number")
      .min(1, "pageSize must be at least 1")
      .max(MAX_PAGE_SIZE, `pageSize must be at most ${MAX_PAGE_SIZE}`)
      .default(DEFAULT_PAGE_SIZE)
      .describe(`Records per page, 1–${MAX_PAGE_SIZE}`),
    cursor: z
      .string()
      .max(4096, "The cursor is too long")
      .optional()
      .describe("`next` or `previous` of an earlier page of the same query (same datastreams, range and filter)"),
    at: z
      .string()
      .max(64)
      .optional()
      .describe("Start the page at this phenomenon time instead (a seek; not with cursor)"),
  })
  .strict();
export type RecordsQuery = z.input<typeof recordsQuerySchema>;

export const exportQuerySchema = z
  .object({
    ...selectionShape,
    format: z.enum(EXPORT_FORMATS, "format must be csv, json or ndjson").default("csv"),
    delimiter: z
      .enum(["comma", "semicolon", "tab"], "delimiter must be comma, semicolon or tab")
      .default("comma")
      .describe("CSV only"),
  })
  .strict();
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const seriesQuerySchema = z
  .object({
    ...rangeShape,
    width: z.coerce
      .number({ error: "width must be a number" })
      .int("width must be a whole number of pixels")
      .min(10, "width must be at least 10")
      .max(4000, "width must be at most 4000")
      .default(1000)
      .describe("The chart's width in pixels: at most four points per pixel column come back per datastream (M4)"),
  })
  .strict();
export type SeriesQuery = z.input<typeof seriesQuerySchema>;

export const volumeQuerySchema = z
  .object({
    ...rangeShape,
    buckets: z.coerce
      .number({ error: "buckets must be a number" })
      .int()
      .min(1, "buckets must be at least 1")
      .max(500, "buckets must be at most 500")
      .default(100)
      .describe("How many equal buckets the range is cut into"),
  })
  .strict();
export type VolumeQuery = z.input<typeof volumeQuerySchema>;

export const aggregateQuerySchema = z
  .object({
    ...rangeShape,
    interval: z
      .enum(AGGREGATION_INTERVALS, `interval must be one of ${AGGREGATION_INTERVALS.join(", ")}`)
      .describe("Bucket length; 3h and longer follow the zone's calendar (a day lasts 23 or 25 hours across DST)"),
    zone: z
      .string()
      .trim()
      .max(64)
      .default("UTC")
      .describe("IANA time zone of the calendar buckets, e.g. Europe/Vienna"),
    functions: z
      .string()
      .max(100)
      .default("min,max,mean,count")
      .describe(`Comma-separated: ${AGGREGATE_FUNCTIONS.join(", ")}`),
    format: z.enum(["json", ...EXPORT_FORMATS], "format must be json, csv or ndjson").default("json"),
    delimiter: z.enum(["comma", "semicolon", "tab"], "delimiter must be comma, semicolon or tab").default("comma"),
  })
  .strict();
export type AggregateQuery = z.input<typeof aggregateQuerySchema>;

/** A datastream as history answers name it. */
export const historyDatastreamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  fullName: z.string(),
  observationType: z.enum(["Measurement", "Count", "Truth", "Category", "Observation"]),
  unit: z.object({ name: z.string(), symbol: z.string() }),
});

export type HistoryDatastream = z.infer<typeof historyDatastreamSchema>;

/** One record as the API answers it. */
export const historyRecordSchema = z.object({
  time: z.string().describe("Phenomenon time, ISO-8601 UTC with microseconds"),
  resultTime: z.string(),
  datastreamId: z.uuid(),
  datastream: z.string().describe("The datastream's full name"),
  result: z.unknown().describe("Typed by the datastream's observation type"),
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type HistoryRecordWire = z.infer<typeof historyRecordSchema>;

export const countSchema = z.object({
  value: z.number().int(),
  exact: z.boolean().describe("false: an estimate (from rollups and Kafka offsets), labelled so in the console"),
});

export const recordsPageSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }).describe("The range resolved to instants: send these back"),
  datastreams: z.array(historyDatastreamSchema),
  items: z.array(historyRecordSchema),
  next: z.string().nullable().describe("Cursor of the following page, null at the end (for now)"),
  previous: z.string().nullable(),
  count: countSchema,
  skipped: z.object({
    late: z.number().int().describe("Records of the page's stretch left out by the lateness rule (docs/history.md)"),
    filtered: z.number().int(),
    rejected: z.number().int().describe("Messages that are no record (see Rejected records)"),
  }),
  retention: z
    .object({ oldest: z.string().nullable(), truncated: z.boolean() })
    .describe("truncated: the range starts before the oldest record Kafka still keeps (oldest)"),
  notProvisioned: z.array(z.string()).describe("Topics that do not exist yet (their systems hold nothing)"),
});
export type RecordsPage = z.infer<typeof recordsPageSchema>;

export const aggregateRowSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** The bucket is cut by the range's start or end: it aggregates only the part inside the range. */
  partial: z.boolean(),
  datastreamId: z.uuid(),
  count: z.number().int().describe("Records in the bucket (numeric or not)"),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  mean: z.number().nullable().optional(),
  sum: z.number().nullable().optional(),
  first: z.number().nullable().optional(),
  last: z.number().nullable().optional(),
});
export type AggregateRow = z.infer<typeof aggregateRowSchema>;

const pointSchema = z.object({ t: z.number(), v: z.unknown() });

export const seriesSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  /** What the chart was drawn from: raw records, or the rollups of one level. */
  source: z.enum(DATA_SOURCES),
  series: z.array(
    z.object({
      datastreamId: z.uuid(),
      kind: z.enum(["line", "state"]).describe("line: numbers (M4, ≤ 4 points per pixel column); state: changes"),
      points: z.array(pointSchema),
      /** A state series with more changes than the chart can show: zoom in. */
      truncated: z.boolean(),
    }),
  ),
  /** The newest part was read raw (the rollup job has not reached it yet) from this time on; null: none. */
  rawSince: z.string().nullable(),
  late: z.number().int(),
});
export type ChartSeries = z.infer<typeof seriesSchema>;

export const volumeSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  buckets: z.array(z.object({ start: z.string(), end: z.string(), records: z.number().int() })),
  /** Every record of the range (exact); a bucket's share may be off by a rollup bucket at its edges. */
  total: z.number().int(),
  late: z.number().int(),
});
export type VolumeTimeline = z.infer<typeof volumeSchema>;
