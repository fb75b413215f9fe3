import { stringify } from "csv-stringify/sync";
import type { AggregateRow } from "./schemas";
import { type AggregateFunction, CSV_DELIMITERS, type CsvDelimiter } from "./schemas";
import type { TraceDatastream } from "./trace-datastream";

/**
 * Aggregation rows as a file: CSV (one row per bucket and datastream, with the datastream's type and unit, the
 * functions as columns) or NDJSON (the API's rows). Pure; the rows are bounded (MAX_AGGREGATE_ROWS).
 */
export function encodeAggregate(
  rows: readonly AggregateRow[],
  datastreams: readonly Pick<TraceDatastream, "id" | "fullName" | "observationType" | "unit">[],
  functions: readonly AggregateFunction[],
  format: "csv" | "ndjson",
  delimiter: CsvDelimiter = "comma",
): string {
  if (format === "ndjson") return rows.map((r) => `${JSON.stringify(r)}\n`).join("");
  const byId = new Map(datastreams.map((d) => [d.id, d]));
  const header = ["bucket_start", "bucket_end", "partial", "datastream", "observation_type", "unit", ...functions];
  const body = rows.map((r) => {
    const d = byId.get(r.datastreamId);
    return [
      r.start,
      r.end,
      r.partial ? "true" : "false",
      d?.fullName ?? r.datastreamId,
      d?.observationType ?? "",
      d?.unit.symbol ?? "",
      ...functions.map((f) => r[f] ?? null),
    ];
  });
  return stringify([header, ...body], {
    delimiter: CSV_DELIMITERS[delimiter],
    escape_formulas: true,
    record_delimiter: "windows",
  });
}
