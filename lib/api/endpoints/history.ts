import { z } from "zod";
import { DATA_SOURCES } from "@/lib/history/choose-rollup-level";
import { messagesPageSchema, messagesQuerySchema } from "../../history/messages-schemas";
import {
  aggregateQuerySchema,
  aggregateRowSchema,
  exportQuerySchema,
  historyDatastreamSchema,
  recordsPageSchema,
  recordsQuerySchema,
  seriesQuerySchema,
  seriesSchema,
  volumeQuerySchema,
  volumeSchema,
} from "../../history/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam } from "../schemas";

const tags = ["History"];
const userAuth = ["session", "token"] as const;
const params = z.object({ companyId: idParam });
const ranges =
  "Datastreams are the company's, by id or a `*` pattern (another company's or an unknown one: 404); the range is " +
  "phenomenon time [from, to), at most ten years; docs/history.md says how a range finds its records.";

export const queryRecordsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/history/records",
  operationId: "queryHistoryRecords",
  summary: "A page of the records of some datastreams over a range, in phenomenon-time order (data.read)",
  description:
    `${ranges} Page with the signed \`next\`/\`previous\` cursors (they stay valid while records arrive, and belong ` +
    "to their query: resend its datastreams, `range` and filter), or seek with `at`. The count is exact where cheap " +
    "and labelled an estimate otherwise. Each request is written to the audit log.",
  tags,
  auth: userAuth,
  params,
  query: recordsQuerySchema,
  response: recordsPageSchema,
  auditedRead: true,
});

export const exportRecordsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/history/export",
  operationId: "exportHistoryRecords",
  summary: "Exactly the selected records as CSV, JSON or NDJSON, streamed (data.read)",
  description:
    `${ranges} Streams every record (not a page) in phenomenon-time order with constant memory. CSV: a \`time\` ` +
    "column and one column per datastream titled with its unit and type (`<full name> [<unit>] (<type>)`), records " +
    "of one time on one row, RFC 4180 with the chosen delimiter. JSON: `{range, datastreams, records, count, skipped}`. " +
    "NDJSON: one record per line. Written to the audit log with the number of records.",
  tags,
  auth: userAuth,
  params,
  query: exportQuerySchema,
  produces: ["text/csv", "application/json", "application/x-ndjson"],
  auditedRead: true,
});

export const chartSeriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/history/series",
  operationId: "historyChartSeries",
  summary: "A chart of a range: at most four points per pixel column per datastream (M4), from rollups or raw",
  description:
    `${ranges} Numbers come back M4-downsampled for \`width\` pixels from the coarsest rollup level that gives four ` +
    "buckets per column (raw records for a zoomed window); Truth, Category and JSON datastreams as their changes.",
  tags,
  auth: userAuth,
  params,
  query: seriesQuerySchema,
  response: seriesSchema,
});

export const volumeEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/history/volume",
  operationId: "historyVolume",
  summary: "Records per bucket over a range (the volume timeline)",
  tags,
  auth: userAuth,
  params,
  query: volumeQuerySchema,
  response: volumeSchema,
});

export const aggregateEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/history/aggregate",
  operationId: "aggregateHistory",
  summary: "Min, max, mean, sum, count, first, last per datastream per interval (data.read)",
  description:
    `${ranges} Intervals from 1s to 1mo; 3h and longer are calendar buckets of \`zone\` (a day lasts 23 or 25 hours ` +
    "across daylight-saving changes). `format=csv` or `ndjson` answers a file. Written to the audit log.",
  tags,
  auth: userAuth,
  params,
  query: aggregateQuerySchema,
  response: z.object({
    range: z.object({ from: z.string(), to: z.string() }),
    datastreams: z.array(historyDatastreamSchema),
    interval: z.string(),
    zone: z.string(),
    functions: z.array(z.string()),
    source: z.enum(DATA_SOURCES),
    rows: z.array(aggregateRowSchema),
    late: z.number().int(),
  }),
  produces: ["application/json", "text/csv", "application/x-ndjson"],
  auditedRead: true,
});

export const browseMessagesEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/messages",
  operationId: "browseTopicMessages",
  summary: "A system topic's messages, as a Kafka console shows them (admins and engineers)",
  description:
    "From a broker time (default the last hour), from an offset of a partition, or only those with a key; `tail=true` " +
    "answers the end positions and `after` the messages since (poll it for a live tail). Data messages come decoded " +
    "with their datastream, or with why they are no record. Written to the audit log.",
  tags,
  auth: userAuth,
  params: z.object({ systemId: idParam }),
  query: messagesQuerySchema,
  response: messagesPageSchema,
  auditedRead: true,
});
