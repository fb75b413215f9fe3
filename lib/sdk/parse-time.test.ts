import { describe, expect, it } from "vitest";
import { SdkError } from "./errors";
import { compareTimes, formatMicros, parseTime, parseTimeMicros } from "./parse-time";

// 2023-11-14T22:13:20.123456Z in every unit.
const iso = "2023-11-14T22:13:20.123456Z";

describe("parseTime: ISO-8601", () => {
  it("keeps microseconds and gives six fraction digits", () => {
    expect(parseTime(iso)).toBe(iso);
    expect(parseTime("2023-11-14T22:13:20Z")).toBe("2023-11-14T22:13:20.000000Z");
    expect(parseTime("2023-11-14T22:13:20.1Z")).toBe("2023-11-14T22:13:20.100000Z");
    expect(parseTime("2023-11-14T22:13:20.123456789Z")).toBe(iso);
    expect(parseTime("2023-11-14t22:13:20,5z")).toBe("2023-11-14T22:13:20.500000Z");
    expect(parseTime("2023-11-14 22:13Z")).toBe("2023-11-14T22:13:00.000000Z");
  });
  it("applies offsets in every spelling", () => {
    expect(parseTime("2023-11-14T23:13:20.123456+01:00")).toBe(iso);
    expect(parseTime("2023-11-14T23:13:20.123456+0100")).toBe(iso);
    expect(parseTime("2023-11-14T23:13:20.123456+01")).toBe(iso);
    expect(parseTime("2023-11-14T17:43:20.123456-04:30")).toBe(iso);
    expect(parseTime("2023-11-15T00:00:00.000000+02:00")).toBe("2023-11-14T22:00:00.000000Z");
  });
  it("reads a date alone as midnight UTC", () => {
    expect(parseTime("2024-02-29")).toBe("2024-02-29T00:00:00.000000Z");
  });
  it("refuses a time without zone unless told to assume UTC (the reference wrote such times)", () => {
    expect(() => parseTime("2023-11-14T22:13:20.123456")).toThrow(/add Z or an offset/);
    expect(parseTime("2023-11-14T22:13:20.123456", { assumeUtc: true })).toBe(iso);
  });
  it("refuses dates and times that do not exist", () => {
    for (const bad of [
      "2023-02-29T00:00:00Z",
      "2023-13-01T00:00:00Z",
      "2023-04-31T00:00:00Z",
      "2023-11-14T24:00:00Z",
      "2023-11-14T22:60:00Z",
      "2023-11-14T22:13:60Z",
      "2023-11-14T22:13:20+25:00",
      "0000-01-01T00:00:00Z",
      "2023-11-14T22:13:20 Z",
      "14.11.2023",
      "yesterday",
      "",
    ]) {
      expect(() => parseTime(bad), bad).toThrow(SdkError);
    }
  });
  it("handles times before 1970 given as ISO", () => {
    expect(parseTime("1969-12-31T23:59:59.999999Z")).toBe("1969-12-31T23:59:59.999999Z");
    expect(parseTimeMicros("1969-12-31T23:59:59.999999Z")).toBe(-1n);
  });
});

describe("parseTime: epoch numbers, read by magnitude", () => {
  it("reads seconds, milliseconds, microseconds and nanoseconds", () => {
    expect(parseTime(1700000000.123456)).toBe(iso);
    expect(parseTime(1700000000)).toBe("2023-11-14T22:13:20.000000Z");
    expect(parseTime(1700000000123)).toBe("2023-11-14T22:13:20.123000Z");
    expect(parseTime(1700000000123.456)).toBe(iso);
    expect(parseTime(1700000000123456)).toBe(iso);
    expect(parseTime(1700000000123456789n)).toBe(iso);
    expect(parseTime("1700000000123456789")).toBe(iso);
    expect(parseTime("1700000000.123456")).toBe(iso);
    expect(parseTime(" 1700000000123456 ")).toBe(iso);
    expect(parseTime("1.700000000123456e15")).toBe(iso);
    expect(parseTime(new Date(1700000000123))).toBe("2023-11-14T22:13:20.123000Z");
  });
  it("reads the edges of each range as documented", () => {
    expect(parseTime(1e8)).toBe("1973-03-03T09:46:40.000000Z");
    expect(parseTime(99_999_999_999)).toBe("5138-11-16T09:46:39.000000Z"); // seconds
    expect(parseTime(1e11)).toBe("1973-03-03T09:46:40.000000Z"); // milliseconds
    expect(parseTime(1e14)).toBe("1973-03-03T09:46:40.000000Z"); // microseconds
    expect(parseTime(10n ** 17n)).toBe("1973-03-03T09:46:40.000000Z"); // nanoseconds
    expect(parseTime(10n ** 20n - 1n)).toBe("5138-11-16T09:46:39.999999Z");
  });
  it("gives the same text on the fast paths (integers, Dates, Z times) as on the general one", () => {
    expect(parseTime(1700000000000001)).toBe("2023-11-14T22:13:20.000001Z");
    expect(parseTime(1700000000000999)).toBe("2023-11-14T22:13:20.000999Z");
    expect(parseTime(new Date(-1))).toBe("1969-12-31T23:59:59.999000Z");
    expect(parseTime("2023-11-14T22:13:20.12Z")).toBe("2023-11-14T22:13:20.120000Z");
    for (const value of [1700000000, 1700000000123, 1700000000123456, 99_999_999_999, 1e8, 1e14]) {
      expect(parseTime(value), String(value)).toBe(formatMicros(parseTimeMicros(BigInt(value))));
    }
  });
  it("truncates nanoseconds toward the earlier instant", () => {
    expect(parseTime(1700000000123456999n)).toBe(iso);
  });
  it("refuses negative, tiny, huge and non-finite values", () => {
    for (const bad of [
      -1,
      -1700000000,
      "-1700000000",
      -1n,
      0,
      5,
      99_999_999,
      10n ** 20n,
      1e25,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "1e400",
      "0x1234",
      "12abc",
      ".",
      new Date(Number.NaN),
    ]) {
      expect(() => parseTime(bad as never), String(bad)).toThrow(SdkError);
    }
  });
  it("says why in the error", () => {
    expect(() => parseTime(-5)).toThrow("-5 is not a time: negative epoch values are refused");
    expect(() => parseTime(42)).toThrow(/too small for epoch seconds/);
    expect(() => parseTime(10n ** 21n)).toThrow(/too large even for epoch nanoseconds/);
  });
});

describe("formatMicros and compareTimes", () => {
  it("formats negative microseconds correctly", () => {
    expect(formatMicros(-1n)).toBe("1969-12-31T23:59:59.999999Z");
    expect(formatMicros(-1000n)).toBe("1969-12-31T23:59:59.999000Z");
    expect(formatMicros(0n)).toBe("1970-01-01T00:00:00.000000Z");
  });
  it("orders times of any form, and canonical texts sort as text", () => {
    expect(compareTimes(iso, "2023-11-14T22:13:20.123457Z")).toBe(-1);
    expect(compareTimes(1700000000123457n * 1000n, iso)).toBe(1);
    expect(compareTimes("2023-11-14T23:13:20.123456+01:00", iso)).toBe(0);
    const sorted = [parseTime(1700000001), parseTime(1700000000123456), parseTime("2001-01-01")].sort();
    expect(sorted).toEqual(["2001-01-01T00:00:00.000000Z", iso, "2023-11-14T22:13:21.000000Z"]);
  });
});
