import type { TraceKey } from "./merge-by-time";

/** A datastream as history reads it: where its records live and what they are. */
export interface TraceDatastream {
  id: string;
  name: string;
  fullName: string;
  systemId: string;
  systemName: string;
  /** Its system's `.int`, where its own records are. */
  topic: string;
  observationType: "Measurement" | "Count" | "Truth" | "Category" | "Observation";
  unit: { name: string; symbol: string };
}

/** One record of a trace: its place in the total order (TraceKey, time in epoch ms) and what it says. */
export interface TraceRecord extends TraceKey {
  datastreamId: string;
  /** Phenomenon and result time as the record has them (ISO-8601, microseconds). */
  phenomenonTime: string;
  resultTime: string;
  /** Typed by the datastream's observation type. */
  result: unknown;
  attributes?: Record<string, unknown>;
}

/** A record's numeric value for charts, aggregates and value filters: numbers, and Truth as 0/1; else undefined. */
export function numericValue(result: unknown): number | undefined {
  if (typeof result === "number") return Number.isFinite(result) ? result : undefined;
  if (typeof result === "boolean") return result ? 1 : 0;
  return undefined;
}
