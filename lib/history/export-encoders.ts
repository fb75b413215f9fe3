// How exported records are written, one chunk at a time (constant memory, whatever the size). Pure: the server's
// export and its tests share them.
import { stringify } from "csv-stringify/sync";
import { CSV_DELIMITERS, type CsvDelimiter, type ExportFormat } from "./schemas";
import type { TraceDatastream, TraceRecord } from "./trace-datastream";
import { toWireRecord } from "./wire-record";

export interface ExportEncoder {
  /** What the file starts with. */
  head(): string;
  /** Records in trace order; returns the text they complete (a CSV row may wait for records of the same time). */
  add(records: readonly TraceRecord[]): string;
  /** What the file ends with, given how many records went out and what was skipped. */
  end(summary: ExportSummary): string;
}

export interface ExportSummary {
  records: number;
  late: number;
  filtered: number;
  rejected: number;
}

/** A datastream's CSV column title: full name, unit and observation type, e.g. `…Car1.temperature [degC] (Measurement)`. */
export function csvColumnTitle(d: Pick<TraceDatastream, "fullName" | "unit" | "observationType">): string {
  return `${d.fullName}${d.unit.symbol ? ` [${d.unit.symbol}]` : ""} (${d.observationType})`;
}

type Cell = string | number | boolean | null;

function cellOf(result: unknown): Cell {
  if (result === null || result === undefined) return null;
  if (typeof result === "number" || typeof result === "boolean" || typeof result === "string") return result;
  return JSON.stringify(result);
}

/**
 * CSV for spreadsheets: a `time` column (phenomenon time, ISO-8601 UTC) and one column per datastream titled with
 * its unit and type; records of the same time share a row (a datastream's second record at that time starts
 * another). RFC 4180 by csv-stringify, with the chosen delimiter; text a spreadsheet would run as a formula gets an
 * apostrophe in front.
 */
export function csvEncoder(datastreams: readonly TraceDatastream[], delimiter: CsvDelimiter): ExportEncoder {
  const columns = new Map(datastreams.map((d, i) => [d.id, i + 1]));
  const options = {
    delimiter: CSV_DELIMITERS[delimiter],
    escape_formulas: true,
    record_delimiter: "windows" as const,
    cast: { boolean: (v: boolean) => (v ? "true" : "false") },
  };
  let row: Cell[] | undefined;
  const fresh = (time: string): Cell[] => [time, ...datastreams.map(() => null)];
  return {
    head: () => stringify([["time", ...datastreams.map(csvColumnTitle)]], options),
    add(records) {
      const done: Cell[][] = [];
      for (const r of records) {
        const column = columns.get(r.datastreamId);
        if (column === undefined) continue;
        if (!row || row[0] !== r.phenomenonTime || row[column] !== null) {
          if (row) done.push(row);
          row = fresh(r.phenomenonTime);
        }
        row[column] = cellOf(r.result) ?? "null";
      }
      return done.length > 0 ? stringify(done, options) : "";
    },
    end() {
      const last = row;
      row = undefined;
      return last ? stringify([last], options) : "";
    },
  };
}

/** NDJSON: one record per line, as the API's record pages have them. */
export function ndjsonEncoder(): ExportEncoder {
  return {
    head: () => "",
    add: (records) => records.map((r) => `${JSON.stringify(toWireRecord(r))}\n`).join(""),
    end: () => "",
  };
}

/** JSON: the range and datastreams, the records (one per line), and at the end how many went out and were skipped. */
export function jsonEncoder(
  range: { from: string; to: string },
  datastreams: readonly TraceDatastream[],
): ExportEncoder {
  let first = true;
  const described = datastreams.map(({ id, name, fullName, observationType, unit }) => ({
    id,
    name,
    fullName,
    observationType,
    unit,
  }));
  return {
    head: () => `{"range":${JSON.stringify(range)},"datastreams":${JSON.stringify(described)},"records":[`,
    add(records) {
      let out = "";
      for (const r of records) {
        out += `${first ? "\n" : ",\n"}${JSON.stringify(toWireRecord(r))}`;
        first = false;
      }
      return out;
    },
    end: (s) =>
      `\n],"count":${s.records},"skipped":${JSON.stringify({ late: s.late, filtered: s.filtered, rejected: s.rejected })}}\n`,
  };
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};
