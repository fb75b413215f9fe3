import { describe, expect, it } from "vitest";
import { ageOf, numericPoints, showResult, valueAt } from "./values";

describe("live values", () => {
  it("finds values inside JSON results by path, and nothing where the path does not fit", () => {
    const r = { temperature: 21.5, position: { lat: 47.8 }, list: [1, 2] };
    expect(valueAt(r, "$.temperature")).toBe(21.5);
    expect(valueAt(r, "position.lat")).toBe(47.8);
    expect(valueAt(r, "$.list[1]")).toBe(2);
    expect(valueAt(r, "$.missing.x")).toBeUndefined();
    expect(valueAt(r, "constructor")).toBeUndefined();
    expect(valueAt(3, undefined)).toBe(3);
  });

  it("makes chart points of numbers and booleans only", () => {
    const records = [
      { p: 0, o: "1", t: 1, v: 2 },
      { p: 0, o: "2", t: 2, v: "x" },
      { p: 0, o: "3", t: 3, v: true },
      { p: 0, o: "4", t: 4, v: Number.NaN },
    ];
    expect(numericPoints(records)).toEqual([
      { t: 1, v: 2 },
      { t: 3, v: 1 },
    ]);
  });

  it("says ages and results briefly", () => {
    expect(ageOf(undefined, 0)).toBe("no record yet");
    expect(ageOf(0, 12_000)).toBe("12 s ago");
    expect(ageOf(0, 3_600_000 * 5)).toBe("5 h ago");
    expect(showResult(21.123456)).toBe("21.12");
    expect(showResult({ a: "x".repeat(100) }).length).toBe(80);
  });
});
