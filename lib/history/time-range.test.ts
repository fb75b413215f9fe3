import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addUtcMonths, parseTimePoint, parseTimeRange, TIME_RANGE_PRESETS, timeRangeSchema } from "./time-range";

const NOW = Date.parse("2026-11-25T10:00:00.000Z");
const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const at = (iso: string) => Date.parse(iso);
const parse = (from: string, to: string) => parseTimeRange({ from, to }, NOW);

/** The messages per field of an input that must be refused. */
function refusal(input: unknown): Record<string, string> {
  const result = timeRangeSchema(NOW).safeParse(input);
  expect(result.success, JSON.stringify(input)).toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join(".") || "_", i.message]));
}

describe("time ranges", () => {
  it("reads ISO-8601 instants with Z or an offset, seconds and fractions optional", () => {
    expect(parse("2026-11-25T09:00:00+01:00", "2026-11-25T10:00:00Z")).toEqual({
      from: at("2026-11-25T08:00:00Z"),
      to: NOW,
    });
    expect(parse("2026-11-25T10:00Z", "2026-11-25T10:00:00.1239Z")).toEqual({ from: NOW, to: NOW + 123 });
    expect(parse("2026-11-25T15:30:00+0530", "2026-11-25T07:00:00-04")).toEqual({ from: NOW, to: NOW + H });
  });

  it("reads now and now±<n><unit>; months and years on the UTC calendar, clamped to the month's end", () => {
    expect(parse("now-15m", "now")).toEqual({ from: NOW - 15 * MIN, to: NOW });
    expect(parse("now-6h", "now+5m")).toEqual({ from: NOW - 6 * H, to: NOW + 5 * MIN });
    expect(parse("now-7d", "now-30s")).toEqual({ from: NOW - 7 * DAY, to: NOW - 30_000 });
    expect(parse("now-1mo", " now ")).toEqual({ from: at("2026-10-25T10:00:00Z"), to: NOW });
    expect(parse("now-1y", "now-2w")).toEqual({ from: at("2025-11-25T10:00:00Z"), to: NOW - 14 * DAY });
    expect(addUtcMonths(at("2026-03-31T12:00:00Z"), -1)).toBe(at("2026-02-28T12:00:00Z"));
    expect(addUtcMonths(at("2028-02-29T00:00:00Z"), 12)).toBe(at("2029-02-28T00:00:00Z"));
  });

  it("offers presets that all parse to ranges ending now", () => {
    const spans = TIME_RANGE_PRESETS.map((p) => {
      const r = parse(p.from, p.to);
      expect(r.to).toBe(NOW);
      return [p.label, (r.to - r.from) / H];
    });
    expect(spans).toEqual([
      ["last 15 min", 0.25],
      ["last 1 h", 1],
      ["last 6 h", 6],
      ["last 24 h", 24],
      ["last 7 days", 168],
      ["last 30 days", 720],
    ]);
  });

  it("names the field and shows an example when the text isn't a time", () => {
    const r = refusal({ from: "yesterday", to: "now" });
    expect(r.from).toMatch(/^"from" must be an ISO-8601 instant .*2026-11-25T10:00:00Z.*now-15m; got "yesterday"$/);
    expect(r.to).toBeUndefined();
    expect(refusal({ from: "now", to: "2026-11-25T10:00:00" }).to).toMatch(
      /^"to" "2026-11-25T10:00:00" has no time zone/,
    );
    expect(refusal({ from: "2026-11-25", to: "now" }).from).toMatch(/has no time zone/);
    expect(refusal({ from: "now-15x", to: "now" }).from).toMatch(
      /^"from" "now-15x" isn't a time relative to now.*mo \(months\)/,
    );
    expect(refusal({ from: "now-15 m", to: "now" }).from).toMatch(/isn't a time relative to now/);
    for (const bad of [
      "2026-02-29T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-11-25T24:00:00Z",
      "2026-11-25T10:00:60Z",
    ]) {
      expect(refusal({ from: bad, to: "now" }).from).toMatch(/isn't a date and time on the calendar/);
    }
    expect(refusal({ from: "2026-11-25T10:00:00+25:00", to: "now" }).from).toMatch(/on the calendar/);
    expect(refusal({ from: "x".repeat(1000), to: "now" }).from).toMatch(/too long/);
  });

  it("requires both fields, as strings", () => {
    expect(refusal({ to: "now" }).from).toMatch(/^"from" is required, such as 2026-11-25T10:00:00Z/);
    expect(refusal({ from: "now-1h" }).to).toMatch(/^"to" is required/);
    expect(refusal({ from: 1_700_000_000_000, to: "now" }).from).toMatch(/^"from" must be a string/);
    expect(Object.keys(refusal({}))).toEqual(["from", "to"]);
  });

  it("refuses from ≥ to", () => {
    expect(refusal({ from: "now", to: "now" }).to).toBe(
      '"to" (2026-11-25T10:00:00.000Z) must be after "from" (2026-11-25T10:00:00.000Z)',
    );
    expect(refusal({ from: "now", to: "now-1h" }).to).toMatch(/must be after "from"/);
  });

  it("refuses spans over 10 years and a day, with a clear message for 100 years", () => {
    expect(refusal({ from: "1990-01-01T00:00:00Z", to: "2090-01-01T00:00:00Z" }).to).toBe(
      'The range spans about 100 years; at most 10 years and a day can be read at once, so move "from" or "to" closer',
    );
    expect(parse("2020-01-01T00:00:00Z", "2030-01-02T00:00:00Z").to).toBe(at("2030-01-02T00:00:00Z"));
    expect(refusal({ from: "2020-01-01T00:00:00Z", to: "2030-01-02T00:00:00.001Z" }).to).toMatch(/about 10 years/);
    expect(parse("now-10y", "now").from).toBe(at("2016-11-25T10:00:00Z"));
  });

  it("refuses times before 1970 and after 9999", () => {
    expect(refusal({ from: "1969-12-31T23:59:59Z", to: "now" }).from).toBe(
      '"from" "1969-12-31T23:59:59Z" is before 1970; times from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z can be read',
    );
    expect(refusal({ from: "1970-01-01T00:30:00+01:00", to: "now" }).from).toMatch(/before 1970/);
    expect(refusal({ from: "now-100y", to: "now" }).from).toMatch(/before 1970/);
    expect(refusal({ from: "now-999999y", to: "now" }).from).toMatch(/before 1970/);
    expect(refusal({ from: "now", to: "now+999999y" }).to).toMatch(/after the year 9999/);
    expect(refusal({ from: "now", to: "10000-01-01T00:00:00Z" }).to).toMatch(/after the year 9999/);
    expect(refusal({ from: "9999-12-01T00:00:00Z", to: "9999-12-31T20:00:00-05:00" }).to).toMatch(
      /after the year 9999/,
    );
    expect(parseTimeRange({ from: "1970-01-01T00:00:00Z", to: "1970-01-02T00:00:00Z" }, 0)).toEqual({
      from: 0,
      to: DAY,
    });
  });

  it("throws a validation AppError with field errors from parseTimeRange", () => {
    try {
      parseTimeRange({ from: "soon", to: "now" }, NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation");
      expect(Object.keys((error as AppError).fieldErrors ?? {})).toEqual(["from"]);
    }
  });

  it("round-trips any instant written as ISO with an offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at("1971-01-01T00:00:00Z"), max: at("9998-12-31T00:00:00Z") }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        (t, quarters) => {
          const offset = quarters * 15 * MIN;
          const local = new Date(t + offset).toISOString().slice(0, 23);
          const sign = offset < 0 ? "-" : "+";
          const abs = Math.abs(offset) / MIN;
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          expect(parseTimePoint("from", `${local}${zone}`, NOW)).toEqual({ ok: true, t });
        },
      ),
    );
  });
});
