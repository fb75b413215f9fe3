// The wire form of a phenomenon-time range: { from, to }, each an ISO-8601 instant with a zone or a time
// relative to now. Parsed by hand (z.string() plus our own grammar, not z.iso, which the production bundle
// mishandled) so that every refusal names the field and shows what would work.
import { z } from "zod";
import { parseInput } from "@/lib/validation";

/** A half-open range [from, to) in epoch ms. */
export type TimeRange = { from: number; to: number };

export const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DAY = 86_400_000;
/** At most ten calendar years and a day: to ≤ from + 10 years (UTC, Feb 29 → Feb 28) + 1 day. */
export const MAX_SPAN_YEARS = 10;

/** Ranges the UI offers with one click. */
export const TIME_RANGE_PRESETS = [
  { label: "last 15 min", from: "now-15m", to: "now" },
  { label: "last 1 h", from: "now-1h", to: "now" },
  { label: "last 6 h", from: "now-6h", to: "now" },
  { label: "last 24 h", from: "now-24h", to: "now" },
  { label: "last 7 days", from: "now-7d", to: "now" },
  { label: "last 30 days", from: "now-30d", to: "now" },
] as const;

const EXAMPLES = "2026-11-25T10:00:00Z, 2026-11-25T11:00:00+01:00, now or now-15m";
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY };
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;
const RELATIVE = /^now(?:([+-])(\d{1,6})(mo|s|m|h|d|w|y))?$/;

export type ParsedTimePoint = { ok: true; t: number } | { ok: false; message: string };

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Days in a month (1–12) of the proleptic Gregorian calendar, 0 for no such month. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** t shifted by whole calendar months in UTC, the day clamped to the month's end; NaN beyond years 0–99999. */
export function addUtcMonths(t: number, months: number): number {
  const d = new Date(t);
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  if (year < 0 || year > 99_999) return Number.NaN;
  const month = monthIndex - year * 12;
  const shifted = new Date(t);
  shifted.setUTCFullYear(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month + 1)));
  return shifted.getTime();
}

function inBounds(field: string, text: string, t: number, later: boolean): ParsedTimePoint {
  if (Number.isFinite(t) && t >= EARLIEST_INSTANT && t <= LATEST_INSTANT) return { ok: true, t };
  const when = (Number.isNaN(t) ? later : t > LATEST_INSTANT) ? "after the year 9999" : "before 1970";
  return {
    ok: false,
    message: `"${field}" ${show(text)} is ${when}; times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z can be read`,
  };
}

/** One end of a range: an ISO-8601 instant with zone, or now[±<n><unit>] relative to `now` (epoch ms). */
export function parseTimePoint(field: string, input: string, now: number): ParsedTimePoint {
  const text = input.trim();
  const relative = RELATIVE.exec(text);
  if (relative !== null) {
    const [, sign, amount, unit] = relative;
    if (sign === undefined || amount === undefined || unit === undefined) return inBounds(field, text, now, true);
    const n = (sign === "-" ? -1 : 1) * Number(amount);
    const fixed = UNIT_MS[unit];
    const t = fixed !== undefined ? now + n * fixed : addUtcMonths(now, unit === "y" ? 12 * n : n);
    return inBounds(field, text, t, n > 0);
  }
  if (text.startsWith("now")) {
    return {
      ok: false,
      message: `"${field}" ${show(text)} isn't a time relative to now: use now or now-<number><unit>, the unit s, m (minutes), h, d, w, mo (months) or y, e.g. now-15m, now-6h, now-7d, now-1mo`,
    };
  }
  if (/^[+-]?\d{5,}-/.test(text)) return inBounds(field, text, Number.NaN, !text.startsWith("-"));
  if (ISO_WITHOUT_ZONE.test(text)) {
    return {
      ok: false,
      message: `"${field}" ${show(text)} has no time zone: give a time with Z (UTC) or an offset, e.g. 2026-11-25T10:00:00Z or 2026-11-25T11:00:00+01:00`,
    };
  }
  const m = ISO.exec(text);
  if (m === null) {
    return {
      ok: false,
      message: `"${field}" must be an ISO-8601 instant with a zone or a time relative to now, such as ${EXAMPLES}; got ${show(text)}`,
    };
  }
  const part = (i: number) => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const [offsetHours, offsetMinutes] = [part(10), part(11)];
  const valid = day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid || offsetHours > 23 || offsetMinutes > 59) {
    return {
      ok: false,
      message: `"${field}" ${show(text)} isn't a date and time on the calendar; use one such as ${EXAMPLES}`,
    };
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  utc.setUTCHours(hour, minute, second, Number((m[7] ?? "").padEnd(3, "0").slice(0, 3)));
  const offset = m[8] !== undefined ? 0 : (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return inBounds(field, text, utc.getTime() - offset, true);
}

const endpoint = (field: "from" | "to") =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `"${field}" is required, such as ${EXAMPLES}`
          : `"${field}" must be a string, such as ${EXAMPLES}`,
    })
    .max(64, `"${field}" is too long for a time, such as ${EXAMPLES}`);

function describeSpan(ms: number): string {
  const years = ms / (365.2425 * DAY);
  return years >= 2 ? `about ${Math.round(years)} years` : `${Math.round(ms / DAY)} days`;
}

/**
 * The range schema, resolving relative times against `now` (epoch ms; passed in so tests and a page's several
 * requests agree). Output { from, to } in epoch ms. Refuses from ≥ to and spans over 10 years and a day.
 */
export function timeRangeSchema(now: number) {
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch ms, got ${now}`);
  return z.object({ from: endpoint("from"), to: endpoint("to") }).transform((range, ctx): TimeRange => {
    const from = parseTimePoint("from", range.from, now);
    const to = parseTimePoint("to", range.to, now);
    if (!from.ok) ctx.addIssue({ code: "custom", message: from.message, path: ["from"] });
    if (!to.ok) ctx.addIssue({ code: "custom", message: to.message, path: ["to"] });
    if (!from.ok || !to.ok) return z.NEVER;
    if (from.t >= to.t) {
      const iso = (t: number) => new Date(t).toISOString();
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `"to" (${iso(to.t)}) must be after "from" (${iso(from.t)})`,
      });
      return z.NEVER;
    }
    if (to.t > addUtcMonths(from.t, 12 * MAX_SPAN_YEARS) + DAY) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `The range spans ${describeSpan(to.t - from.t)}; at most ${MAX_SPAN_YEARS} years and a day can be read at once, so move "from" or "to" closer`,
      });
      return z.NEVER;
    }
    return { from: from.t, to: to.t };
  });
}

/** Parses a range from the wire, throwing a validation AppError whose field errors name "from" and "to". */
export function parseTimeRange(input: unknown, now: number): TimeRange {
  return parseInput(timeRangeSchema(now), input);
}
