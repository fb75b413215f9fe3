import { SdkError, showValue } from "./errors";

// Times in, one canonical form out: ISO-8601 UTC with exactly six fraction digits ("2026-11-25T10:00:00.123456Z"),
// which sorts as text, and epoch microseconds (bigint) for arithmetic. Microseconds are the precision of the
// reference platform's records; finer digits (nanoseconds) are truncated toward the earlier instant.
//
// Epoch numbers carry no unit, so the unit is read from the magnitude of the (non-negative) value:
//   seconds       1e8  ≤ v < 1e11   (1973-03-03T09:46:40Z … 5138-11-16T09:46:40Z)
//   milliseconds  1e11 ≤ v < 1e14   (the same instants, ×1000)
//   microseconds  1e14 ≤ v < 1e17
//   nanoseconds   1e17 ≤ v < 1e20
// so every unit covers the same span of years and no value is read in two ways. Anything smaller (including 0
// and 1970–1973 in seconds), larger, or negative is refused: it is a counter, a bug or a unit we cannot tell.
// The reference client read microseconds as milliseconds; this table is why we do not.

export type TimeInput = string | number | bigint | Date;

export interface ParseTimeOptions {
  /** Read an ISO-8601 time without Z or offset as UTC (the reference platform wrote such times). Default: refuse. */
  assumeUtc?: boolean;
}

const units = [
  { name: "seconds", below: 10n ** 11n, microsPerUnitExp: 6 },
  { name: "milliseconds", below: 10n ** 14n, microsPerUnitExp: 3 },
  { name: "microseconds", below: 10n ** 17n, microsPerUnitExp: 0 },
  { name: "nanoseconds", below: 10n ** 20n, microsPerUnitExp: -3 },
] as const;
const smallestEpoch = 10n ** 8n;

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const canonicalPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const decimalPattern = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function refuse(input: unknown, why: string): never {
  throw new SdkError("invalid-time", `${showValue(input)} is not a time: ${why}`);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoToMicros(input: string, text: string, options: ParseTimeOptions): bigint {
  const m = isoPattern.exec(text);
  if (!m) refuse(input, "expected ISO-8601 (2026-11-25T10:00:00.123456Z) or an epoch number");
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zulu, sign, oh, om = "00"] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1) refuse(input, "year 0000 does not exist");
  if (month < 1 || month > 12) refuse(input, `month ${mo} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) refuse(input, `day ${d} does not exist in ${y}-${mo}`);
  if (hour > 23 || minute > 59 || second > 59) refuse(input, `${h}:${mi}:${s} is not a time of day`);
  const hasTime = m[4] !== undefined;
  if (hasTime && !zulu && !sign && !options.assumeUtc) {
    refuse(input, "add Z or an offset such as +01:00, so the instant is not a guess");
  }
  let offsetMinutes = 0;
  if (sign) {
    const [hours, minutes] = [Number(oh), Number(om)];
    if (hours > 23 || minutes > 59) refuse(input, `offset ${sign}${oh}:${om} is not an offset`);
    offsetMinutes = (sign === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const micros = `${fraction}000000`.slice(0, 6);
  return BigInt(date.getTime()) * 1000n + BigInt(micros) - BigInt(offsetMinutes) * 60_000_000n;
}

/** Epoch micros from a non-negative decimal text, its unit read from its magnitude (see the table above). */
function epochToMicros(input: unknown, text: string): bigint {
  const m = decimalPattern.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) refuse(input, "expected ISO-8601 or an epoch number");
  const [, whole = "", frac = "", exponent = "0"] = m;
  const digits = BigInt(`${whole}${frac}` || "0");
  // value = digits × 10^scale
  const scale = Number(exponent) - frac.length;
  if (Math.abs(scale) > 40) refuse(input, "out of range");
  const integerPart = scale >= 0 ? digits * 10n ** BigInt(scale) : digits / 10n ** BigInt(-scale);
  if (integerPart < smallestEpoch) {
    refuse(input, "too small for epoch seconds (below 1e8, before 1973-03-03) and ambiguous in any unit");
  }
  const unit = units.find((u) => integerPart < u.below);
  if (!unit) refuse(input, "too large even for epoch nanoseconds (1e20 or more)");
  const exp = scale + unit.microsPerUnitExp;
  return exp >= 0 ? digits * 10n ** BigInt(exp) : digits / 10n ** BigInt(-exp);
}

/** Epoch microseconds of any accepted time form; an SdkError (code "invalid-time") naming the value otherwise. */
export function parseTimeMicros(input: TimeInput, options: ParseTimeOptions = {}): bigint {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) refuse(input, "an invalid Date");
    return BigInt(ms) * 1000n;
  }
  if (typeof input === "bigint") {
    if (input < 0n) refuse(input, "negative epoch values are refused");
    return epochToMicros(input, input.toString());
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) refuse(input, "not a finite number");
    if (input < 0) refuse(input, "negative epoch values are refused");
    // String() gives the shortest text that reads back as the same double, so 1700000000.123456 keeps its digits.
    return epochToMicros(input, String(input));
  }
  if (typeof input !== "string") refuse(input, `a ${typeof input} is not a time`);
  const text = input.trim();
  if (text.startsWith("-")) {
    refuse(input, /^-\d+(\.\d*)?$/.test(text) ? "negative epoch values are refused" : "not ISO-8601");
  }
  if (/^\d{4}-/.test(text)) return isoToMicros(input, text, options);
  return epochToMicros(input, text);
}

/** The canonical ISO-8601 UTC text of an instant given in epoch microseconds. */
export function formatMicros(micros: bigint): string {
  const ms = micros >= 0n ? micros / 1000n : -((-micros + 999n) / 1000n);
  const rest = micros - ms * 1000n;
  const iso = new Date(Number(ms)).toISOString();
  if (iso.length !== 24) throw new SdkError("invalid-time", `${micros}µs is outside years 0001–9999`);
  return `${iso.slice(0, 23)}${rest.toString().padStart(3, "0")}Z`;
}

const two = (text: string, i: number) => (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;
const canonicalShape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,20})?Z$/;

/**
 * The canonical form of "YYYY-MM-DDTHH:MM:SS[.f…]Z" without captures, dates or bigints: what Rhei and JavaScript's
 * toISOString() write, so nearly every record a consumer reads (twice per record). Undefined for anything else (or
 * anything invalid), which then takes the general path and its error messages.
 */
function fastCanonical(text: string): string | undefined {
  const n = text.length;
  if (n < 20 || n > 40 || !canonicalShape.test(text)) return undefined;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  if (year < 1 || month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return undefined;
  if (two(text, 11) > 23 || two(text, 14) > 59 || two(text, 17) > 59) return undefined;
  if (n === 27) return text;
  if (n === 20) return `${text.slice(0, 19)}.000000Z`;
  return n > 27 ? `${text.slice(0, 26)}Z` : `${text.slice(0, n - 1)}${"000000".slice(n - 21)}Z`;
}

let lastMs = Number.NaN;
let lastMsText = "";

/** Whole epoch milliseconds as canonical text, without bigints; the last one is remembered (produce asks for "now"). */
function formatMs(ms: number): string {
  if (ms !== lastMs) {
    lastMsText = `${new Date(ms).toISOString().slice(0, 23)}000Z`;
    lastMs = ms;
  }
  return lastMsText;
}

/** Integral epoch numbers of the usual units (and Dates) without bigints; undefined for anything else. */
function fastEpoch(input: number | Date): string | undefined {
  if (input instanceof Date) {
    const ms = input.getTime();
    return ms >= 0 && ms < 253_402_300_800_000 ? formatMs(ms) : undefined; // 1970 to 9999: else the general path
  }
  if (!Number.isSafeInteger(input) || input < 1e8) return undefined;
  if (input < 1e11) return formatMs(input * 1000);
  if (input < 1e14) return formatMs(input);
  if (input < 1e17) {
    const ms = Math.floor(input / 1000);
    return `${formatMs(ms).slice(0, 23)}${String(input - ms * 1000).padStart(3, "0")}Z`;
  }
  return undefined;
}

/** Any accepted time form as canonical ISO-8601 UTC with six fraction digits. */
export function parseTime(input: TimeInput, options: ParseTimeOptions = {}): string {
  const fast =
    typeof input === "string"
      ? fastCanonical(input)
      : typeof input === "number" || input instanceof Date
        ? fastEpoch(input)
        : undefined;
  return fast ?? formatMicros(parseTimeMicros(input, options));
}

/** Orders two times (negative, zero, positive); canonical texts compare as text, anything else is parsed first. */
export function compareTimes(a: TimeInput, b: TimeInput): number {
  if (typeof a === "string" && typeof b === "string" && canonicalPattern.test(a) && canonicalPattern.test(b)) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const diff = parseTimeMicros(a, { assumeUtc: true }) - parseTimeMicros(b, { assumeUtc: true });
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** A time as a broker timestamp (whole ms) for [from, to) ranges: a µs range [from, to) is [ceil(from), ceil(to)) in ms. */
export function brokerTimeMs(time: TimeInput): number {
  const micros = parseTimeMicros(time);
  return Number(micros / 1000n + (micros % 1000n > 0n ? 1n : 0n));
}
