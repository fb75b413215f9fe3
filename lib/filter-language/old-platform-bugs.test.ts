import { describe, expect, it } from "vitest";
import { evaluate } from "./compile-query";
import { parseQuery } from "./parse-query";
import { createStats, type FilterRecord } from "./runtime";

// Each bug of the platform Rhei replaces, shown absent.

const NAME = "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature";
const T0 = Date.parse("2026-11-25T10:00:00Z");

function record(result: unknown, extra: Partial<FilterRecord> = {}): FilterRecord {
  return { name: NAME, time: T0, result, ...extra };
}

function holds(condition: string, r: FilterRecord = record(0)): boolean {
  const stats = createStats();
  const selected = evaluate(parseQuery(`SELECT * FROM * WHERE ${condition}`), r, stats);
  expect(stats.internalError).toBe(0);
  return selected;
}

describe("bugs of the old platform, absent", () => {
  it("numeric = is equality (it behaved like <=)", () => {
    expect([29, 30, 31].map((v) => holds("result = 30", record(v)))).toEqual([false, true, false]);
  });

  it("numeric <> is inequality (it threw)", () => {
    expect([29, 30, 31].map((v) => holds("result <> 30", record(v)))).toEqual([true, false, true]);
  });

  it("a key on the right side compares like one on the left, at equality too (30 > result = result < 30)", () => {
    const mirrored: [string, string][] = [
      ["30 > result", "result < 30"],
      ["30 >= result", "result <= 30"],
      ["30 < result", "result > 30"],
      ["30 <= result", "result >= 30"],
      ["30 = result", "result = 30"],
      ["30 <> result", "result <> 30"],
    ];
    for (const [right, left] of mirrored) {
      for (const v of [-1, 29, 29.999999, 30, 30.000001, 31, 1e9]) {
        expect(holds(right, record(v)), `${right} at ${v}`).toBe(holds(left, record(v)));
      }
    }
    expect(holds("30 > result", record(30))).toBe(false);
    expect(holds("30 >= result", record(30))).toBe(true);
  });

  it("a-b-c and a-b+c are left-associative (10-3-2 = 5, 10-3+2 = 9)", () => {
    expect(holds("10-3-2 = 5")).toBe(true);
    expect(holds("10-3+2 = 9")).toBe(true);
    expect(holds("result-3-2 = 5", record(10))).toBe(true);
    expect(holds("result-3+2 = 9", record(10))).toBe(true);
    expect(holds("100/10/5 = 2 AND 2*3%4 = 2")).toBe(true);
  });

  it("number literals are 64-bit doubles, not 32-bit floats (0.1 + 0.2, 16777217)", () => {
    expect(holds("0.1 + 0.2 = 0.30000000000000004")).toBe(true);
    expect(holds("0.1 + 0.2 = 0.3")).toBe(false);
    expect(holds("0.1 + 0.2 > 0.3")).toBe(true);
    expect(holds("result = 16777217", record(16777217))).toBe(true);
    expect(holds("result = 16777217", record(16777216))).toBe(false);
    expect(holds("result = 9007199254740991", record(9007199254740991))).toBe(true);
  });

  it("time is usable: compared with ISO-8601 strings, exact to the millisecond, and with arithmetic", () => {
    expect(holds("time >= '2026-11-25T10:00:00Z'")).toBe(true);
    expect(holds("time > '2026-11-25T10:00:00Z'")).toBe(false);
    expect(holds("time = '2026-11-25T11:00:00+01:00'")).toBe(true);
    expect(holds("time < '2026-11-25T10:00:00.001Z'")).toBe(true);
    expect(holds("'2026-11-25T10:00:00Z' <= time")).toBe(true);
    expect(holds("time - 60000 < '2026-11-25T09:59:00.001Z'")).toBe(true);
    expect(holds("time >= '2026-11-25' AND time < '2026-11-26'")).toBe(true);
  });

  it("NOT binds tighter than AND (NOT a AND b = (NOT a) AND b)", () => {
    // At result 20, (NOT result > 5) AND result < 10 is false; NOT (result > 5 AND result < 10) would be true.
    expect(holds("NOT result > 5 AND result < 10", record(20))).toBe(false);
    expect(holds("NOT (result > 5 AND result < 10)", record(20))).toBe(true);
    expect(holds("NOT result > 5 AND result < 10", record(3))).toBe(true);
  });

  it("^ is right-associative and binds tighter than unary minus (2^3^2 = 512, -2^2 = -4)", () => {
    expect(holds("2^3^2 = 512")).toBe(true);
    expect(holds("-2^2 = -4")).toBe(true);
    expect(holds("(-2)^2 = 4")).toBe(true);
    expect(holds("2^-1 = 0.5")).toBe(true);
  });

  it("* / % bind tighter than + - ", () => {
    expect(holds("2 + 3 * 4 = 14")).toBe(true);
    expect(holds("10 - 6 / 2 = 7")).toBe(true);
    expect(holds("1 + 7 % 4 = 4")).toBe(true);
    expect(holds("-7 % 4 = -3")).toBe(true);
  });
});
