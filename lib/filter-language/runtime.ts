import type { PathSegment, Side } from "./ast";
import { parseIsoTime } from "./iso-time";

// Run-time values and the reading of keys from records. Nothing here throws on any input: a value that is not
// there or not usable becomes NO_VALUE, and the reason is counted.

/** A record as the filter sees it. `thing`, `quantity` and `system` default to levels of `name`. */
export interface FilterRecord {
  name: string;
  thing?: string;
  quantity?: string;
  system?: string;
  /** Principal of the producing client; comparisons with an absent client are false. */
  client?: string;
  /** Phenomenon time, epoch milliseconds. */
  time: number;
  resultTime?: number;
  result: unknown;
  attributes?: Record<string, unknown>;
}

/** The two records a join expression reads. */
export interface JoinPair {
  left: FilterRecord;
  right: FilterRecord;
}

/** Counts of what did not fit, per occurrence (one record can add to several), for the app's page. */
export interface FilterStats {
  /** Records evaluated. */
  evaluated: number;
  /** Records the condition (and FROM) selected. */
  selected: number;
  /** A key or path that was not in the record (or JSON null): an absent client, result.x of a result without x. */
  missingPath: number;
  /** A value of the wrong type for its operator: a string in arithmetic, a number compared with a string. */
  typeMismatch: number;
  /** Arithmetic or a function whose result is not a finite number (x/0, sqrt(-1), overflow), or such an input. */
  notFinite: number;
  /** A fault of the interpreter itself; should stay 0 (the record is then not selected). */
  internalError: number;
}

export function createStats(): FilterStats {
  return { evaluated: 0, selected: 0, missingPath: 0, typeMismatch: 0, notFinite: 0, internalError: 0 };
}

export const NO_VALUE: unique symbol = Symbol("no value");
/** number (times are epoch ms), string, boolean, a JSON object or array, or NO_VALUE. */
export type Value = number | string | boolean | object | typeof NO_VALUE;
export type ValueFn = (ctx: unknown, stats: FilterStats) => Value;
export type TestFn = (ctx: unknown, stats: FilterStats) => boolean;

/** A raw value as an operand: absent and null are missing, non-finite numbers are counted. */
export function operand(v: unknown, stats: FilterStats): Value {
  if (v === undefined || v === null) {
    stats.missingPath++;
    return NO_VALUE;
  }
  if (typeof v === "number" && !Number.isFinite(v)) {
    stats.notFinite++;
    return NO_VALUE;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || typeof v === "object") return v;
  stats.typeMismatch++;
  return NO_VALUE;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The record a key reads: the context itself in a filter, `left` or `right` of a pair in a join. */
export function recordPicker(side: Side): (ctx: unknown) => Record<string, unknown> | undefined {
  if (side === null) return (ctx) => (isObject(ctx) ? ctx : undefined);
  return (ctx) => {
    const r = isObject(ctx) ? ctx[side] : undefined;
    return isObject(r) ? r : undefined;
  };
}

/** Follows a path from a value; undefined when a step does not fit (own properties only, array indexes in range). */
export function walk(start: unknown, path: readonly PathSegment[]): unknown {
  let v = start;
  for (const step of path) {
    if (typeof step === "number") {
      if (!Array.isArray(v) || step >= v.length) return undefined;
      v = v[step];
    } else {
      if (!isObject(v) || !Object.hasOwn(v, step)) return undefined;
      v = v[step];
    }
  }
  return v;
}

/** A name level: 0–3 the system, 4 the thing, 5 the datastream. */
export function nameLevel(name: unknown, key: "system" | "thing" | "quantity"): string | undefined {
  if (typeof name !== "string") return undefined;
  const levels = name.split(".");
  if (levels.length < 6) return undefined;
  if (key === "system") return levels.slice(0, 4).join(".");
  return key === "thing" ? levels[4] : levels.slice(5).join(".");
}

/** A record's time: epoch ms, or an ISO-8601 string read as one. */
export function timeOperand(v: unknown, stats: FilterStats): Value {
  if (typeof v === "string") {
    const ms = parseIsoTime(v);
    if (ms !== null) return ms;
    stats.typeMismatch++;
    return NO_VALUE;
  }
  const value = operand(v, stats);
  if (value === NO_VALUE || typeof value === "number") return value;
  stats.typeMismatch++;
  return NO_VALUE;
}
