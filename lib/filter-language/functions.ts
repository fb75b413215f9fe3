import { roundHalfAway } from "./round-half-away";

// The library of safe functions: pure arithmetic on numbers, nothing else. An argument is a number, except for
// timediff, whose arguments are times (a record such as `left` stands for its time).

export type ArgumentKind = "number" | "time";

export interface FunctionSpec {
  name: string;
  /** As shown in messages and the reference page. */
  signature: string;
  minArgs: number;
  maxArgs: number;
  argument: ArgumentKind;
  /** Arguments already checked: finite numbers (times in epoch ms). May return NaN or ±Infinity (then no value). */
  apply: (args: number[]) => number;
}

/** Mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in kilometres between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const n = (args: number[], i: number) => args[i] as number;

const specs: FunctionSpec[] = [
  { name: "abs", signature: "abs(x)", minArgs: 1, maxArgs: 1, argument: "number", apply: (a) => Math.abs(n(a, 0)) },
  {
    name: "sqrt",
    signature: "sqrt(x)",
    minArgs: 1,
    maxArgs: 1,
    argument: "number",
    apply: (a) => Math.sqrt(n(a, 0)),
  },
  {
    name: "min",
    signature: "min(a, b, …)",
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    argument: "number",
    apply: (a) => Math.min(...a),
  },
  {
    name: "max",
    signature: "max(a, b, …)",
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    argument: "number",
    apply: (a) => Math.max(...a),
  },
  {
    name: "round",
    signature: "round(x) or round(x, digits)",
    minArgs: 1,
    maxArgs: 2,
    argument: "number",
    apply: (a) => roundHalfAway(n(a, 0), a.length > 1 ? n(a, 1) : 0),
  },
  {
    name: "haversine",
    signature: "haversine(lat1, lon1, lat2, lon2)",
    minArgs: 4,
    maxArgs: 4,
    argument: "number",
    apply: (a) => haversineKm(n(a, 0), n(a, 1), n(a, 2), n(a, 3)),
  },
  {
    name: "timediff",
    signature: "timediff(a, b)",
    minArgs: 2,
    maxArgs: 2,
    argument: "time",
    apply: (a) => (n(a, 0) - n(a, 1)) / 1000,
  },
];

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((s) => [s.name, s]));
export const FUNCTION_NAMES: readonly string[] = specs.map((s) => s.name).sort();
