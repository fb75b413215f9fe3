import type { JsonValue } from "../json/json-value";
import { jsonProblem, kindOf } from "../json/json-value";
import { schemaViolation } from "../result-schema/result-schema";
import { SdkError, showValue } from "./errors";
import type { observationTypeNames } from "./observation-type-uris";

export type { JsonValue } from "../json/json-value";
/** Measurement, Count, Truth, Category or Observation. */
export type ObservationType = (typeof observationTypeNames)[number];

/** What a datastream's type says about its results: the type, and for Observation its JSON Schema (if any). */
export interface ResultType {
  observationType: ObservationType;
  resultSchema?: object;
}

export type Result = number | boolean | string | JsonValue;

// A decimal number as text: what the reference platform's float() and int() accepted, minus Python's
// "nan"/"inf", which no datastream can store meaningfully.
const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Why a value does not fit, or the value coerced to the type. */
type Coerced = { ok: true; value: Result } | { ok: false; why: string };

function toNumber(value: unknown): Coerced {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, why: "not a finite number" };
  }
  if (typeof value === "bigint") {
    const n = Number(value);
    return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, why: "too large to be exact" };
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (!decimal.test(text)) return { ok: false, why: "not a number" };
    const n = Number(text);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, why: "not a finite number" };
  }
  return { ok: false, why: `a ${kindOf(value)} is not a number` };
}

function toInteger(value: unknown): Coerced {
  const n = toNumber(value);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return { ok: false, why: "not an integer" };
  if (!Number.isSafeInteger(n.value)) return { ok: false, why: "too large to be exact (beyond ±2^53)" };
  return n;
}

function toBoolean(value: unknown): Coerced {
  if (typeof value === "boolean") return { ok: true, value };
  if (value === 1 || value === 0) return { ok: true, value: value === 1 };
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true" || text === "1") return { ok: true, value: true };
    if (text === "false" || text === "0") return { ok: true, value: false };
  }
  return { ok: false, why: "not true, false, 1 or 0" };
}

function toCategory(value: unknown): Coerced {
  if (typeof value === "string") return { ok: true, value };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value: String(value) } : { ok: false, why: "not a finite number" };
  }
  if (typeof value === "boolean" || typeof value === "bigint") return { ok: true, value: String(value) };
  return { ok: false, why: `a ${kindOf(value)} is not a category` };
}

function toObservation(value: unknown, schema: object | undefined): Coerced {
  const problem = jsonProblem(value, "result", 0);
  if (problem) return { ok: false, why: problem };
  if (schema) {
    const violation = schemaViolation(schema, value);
    if (violation) return { ok: false, why: violation };
  }
  return { ok: true, value: value as JsonValue };
}

/**
 * `value` as the datastream's type wants it, coerced the way the reference platform's client did ("3.5" → 3.5 for a
 * Measurement, "true"/1 → true for a Truth, 7 → "7" for a Category), or an SdkError naming the datastream and the
 * value when it does not fit (NaN, Infinity, 3.5 for a Count, "abc" for a Measurement, an object for a scalar type).
 */
export function coerceResult(datastream: string, type: ResultType, value: unknown): Result {
  const coerced = tryCoerceResult(datastream, type, value);
  if (coerced.ok) return coerced.value;
  throw new SdkError("invalid-value", coerced.error);
}

/**
 * Whether `value` already is what the type wants, nothing to coerce or check: the consumer's common case, answered
 * without allocating. False means "ask tryCoerceResult", not "refused". Observation results always need their check.
 */
export function fitsAsIs(type: ObservationType, value: unknown): boolean {
  switch (type) {
    case "Measurement":
      return typeof value === "number" && Number.isFinite(value);
    case "Count":
      return Number.isSafeInteger(value);
    case "Truth":
      return typeof value === "boolean";
    case "Category":
      return typeof value === "string";
    default:
      return false;
  }
}

/** Like coerceResult, without throwing: for the consumer, where a misfit becomes a rejected record. */
export function tryCoerceResult(
  datastream: string,
  type: ResultType,
  value: unknown,
): { ok: true; value: Result } | { ok: false; error: string } {
  let coerced: Coerced;
  if (value === undefined || value === null) coerced = { ok: false, why: "no result" };
  else {
    switch (type.observationType) {
      case "Measurement":
        coerced = toNumber(value);
        break;
      case "Count":
        coerced = toInteger(value);
        break;
      case "Truth":
        coerced = toBoolean(value);
        break;
      case "Category":
        coerced = toCategory(value);
        break;
      case "Observation":
        coerced = toObservation(value, type.resultSchema);
        break;
    }
  }
  if (coerced.ok) return coerced;
  return {
    ok: false,
    error: `Datastream "${datastream}" (${type.observationType}) cannot take ${showValue(value)}: ${coerced.why}`,
  };
}
