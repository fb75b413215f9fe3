// Filter by value: a simple range per datastream, on the wire as `<datastreamId>:<min>:<max>` (either bound may be
// empty), comma-separated. Pure, so the browser builds and checks the same text the server reads.
import { numericValue } from "./trace-datastream";

export type ValueRange = { min?: number; max?: number };
export type ValueFilters = ReadonlyMap<string, ValueRange>;

export type ParsedFilters = { ok: true; filters: Map<string, ValueRange> } | { ok: false; message: string };

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads the filter text; `known` are the ids the query selects (a filter on any other is refused). */
export function parseValueFilters(text: string | undefined, known: ReadonlySet<string>): ParsedFilters {
  const filters = new Map<string, ValueRange>();
  if (!text?.trim()) return { ok: true, filters };
  for (const part of text.split(",")) {
    const fields = part.trim().split(":");
    if (fields.length !== 3) {
      return { ok: false, message: `"${part.trim().slice(0, 60)}" is not <datastreamId>:<min>:<max>` };
    }
    const [id, minText, maxText] = fields.map((f) => f.trim()) as [string, string, string];
    if (!known.has(id)) return { ok: false, message: `${id.slice(0, 40)} is not one of the query's datastreams` };
    const range: ValueRange = {};
    for (const [bound, value] of [
      ["min", minText],
      ["max", maxText],
    ] as const) {
      if (value === "") continue;
      if (!NUMBER.test(value) || !Number.isFinite(Number(value))) {
        return { ok: false, message: `${bound} "${value.slice(0, 30)}" of ${id} is not a number` };
      }
      range[bound] = Number(value);
    }
    if (range.min === undefined && range.max === undefined) {
      return { ok: false, message: `the filter on ${id} has neither a min nor a max` };
    }
    if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
      return { ok: false, message: `the filter on ${id} has min ${range.min} above max ${range.max}` };
    }
    if (filters.has(id)) return { ok: false, message: `${id} has two filters` };
    filters.set(id, range);
  }
  return { ok: true, filters };
}

/** The canonical text of filters (sorted by id), for cursors and links. */
export function formatValueFilters(filters: ValueFilters): string {
  return [...filters]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, r]) => `${id}:${r.min ?? ""}:${r.max ?? ""}`)
    .join(",");
}

/** Whether a result passes its datastream's range: numeric results (Truth as 0/1) within the bounds, inclusive. */
export function passesValueRange(result: unknown, range: ValueRange | undefined): boolean {
  if (range === undefined) return true;
  const v = numericValue(result);
  if (v === undefined) return false;
  return (range.min === undefined || v >= range.min) && (range.max === undefined || v <= range.max);
}
