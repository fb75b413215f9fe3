import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SdkError } from "./errors";
import { observationTypeFromUri } from "./observation-type-uris";
import { coerceResult, tryCoerceResult } from "./observation-types";

const ds = "cz.icecars.fleet.Car1.Main.Air Temperature";
const as = (observationType: "Measurement" | "Count" | "Truth" | "Category", value: unknown) =>
  coerceResult(ds, { observationType }, value);

function refusal(work: () => unknown): SdkError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SdkError);
    return error as SdkError;
  }
  throw new Error("expected a refusal");
}

describe("Measurement", () => {
  it("takes numbers and numeric strings", () => {
    expect(as("Measurement", 2.98)).toBe(2.98);
    expect(as("Measurement", -0.5)).toBe(-0.5);
    expect(as("Measurement", "3.5")).toBe(3.5);
    expect(as("Measurement", " 1e3 ")).toBe(1000);
    expect(as("Measurement", ".5")).toBe(0.5);
    expect(as("Measurement", 0)).toBe(0);
    expect(as("Measurement", 12n)).toBe(12);
  });
  it("refuses NaN, Infinity, words, booleans and objects, naming the datastream and the value", () => {
    const error = refusal(() => as("Measurement", "abc"));
    expect(error.code).toBe("invalid-value");
    expect(error.message).toBe(`Datastream "${ds}" (Measurement) cannot take "abc": not a number`);
    expect(refusal(() => as("Measurement", Number.NaN)).message).toContain("cannot take NaN: not a finite number");
    expect(refusal(() => as("Measurement", Number.POSITIVE_INFINITY)).message).toContain("Infinity");
    for (const bad of ["NaN", "inf", "1e999", "", "1,5", true, { v: 1 }, [1], null, undefined, 2n ** 60n]) {
      expect(() => as("Measurement", bad), String(bad)).toThrow(SdkError);
    }
  });
});

describe("Count", () => {
  it("takes integers, integral strings and integral floats", () => {
    expect(as("Count", 42)).toBe(42);
    expect(as("Count", "-7")).toBe(-7);
    expect(as("Count", "3.0")).toBe(3);
    expect(as("Count", 0)).toBe(0);
  });
  it("refuses fractions and integers beyond 2^53", () => {
    expect(refusal(() => as("Count", 3.5)).message).toBe(`Datastream "${ds}" (Count) cannot take 3.5: not an integer`);
    expect(() => as("Count", "3.5")).toThrow(/not an integer/);
    expect(() => as("Count", 2 ** 60)).toThrow(/too large/);
    expect(() => as("Count", "abc")).toThrow(/not a number/);
  });
});

describe("Truth", () => {
  it("takes booleans, true/false strings in any case, and 1/0", () => {
    expect(as("Truth", true)).toBe(true);
    expect(as("Truth", false)).toBe(false);
    expect(as("Truth", "TRUE")).toBe(true);
    expect(as("Truth", "false")).toBe(false);
    expect(as("Truth", 1)).toBe(true);
    expect(as("Truth", 0)).toBe(false);
    expect(as("Truth", "0")).toBe(false);
  });
  it("refuses anything else", () => {
    for (const bad of [2, -1, 0.5, "yes", "", {}, null]) expect(() => as("Truth", bad), String(bad)).toThrow(SdkError);
  });
});

describe("Category", () => {
  it("takes strings and turns numbers and booleans into strings", () => {
    expect(as("Category", "icy")).toBe("icy");
    expect(as("Category", 7)).toBe("7");
    expect(as("Category", 2.5)).toBe("2.5");
    expect(as("Category", false)).toBe("false");
    expect(as("Category", "")).toBe("");
  });
  it("refuses objects, arrays and non-finite numbers", () => {
    for (const bad of [{ a: 1 }, ["a"], Number.NaN, null]) expect(() => as("Category", bad)).toThrow(SdkError);
  });
});

describe("Observation", () => {
  const schema = {
    type: "object",
    properties: { speed: { type: "number" }, at: { type: "string", format: "date-time" } },
    required: ["speed"],
    additionalProperties: false,
  };
  const observe = (value: unknown, resultSchema: object | null = schema) =>
    coerceResult(ds, { observationType: "Observation", resultSchema: resultSchema ?? undefined }, value);

  it("takes JSON that matches the schema, unchanged", () => {
    const value = { speed: 31.5, at: "2026-11-25T10:00:00Z" };
    expect(observe(value)).toBe(value);
    expect(observe([1, "a", { b: null }], null)).toEqual([1, "a", { b: null }]);
  });
  it("refuses JSON that breaks the schema, with the schema's words", () => {
    expect(refusal(() => observe({ speed: "fast" })).message).toBe(
      `Datastream "${ds}" (Observation) cannot take {"speed":"fast"}: result.speed must be number`,
    );
    expect(() => observe({})).toThrow(/must have required property 'speed'/);
    expect(() => observe({ speed: 1, at: "yesterday" })).toThrow(/format "date-time"/);
  });
  it("refuses what is not plain JSON", () => {
    expect(() => observe({ speed: Number.NaN }, null)).toThrow(/result.speed is not a finite number/);
    expect(() => observe({ when: new Date() }, null)).toThrow(/not a plain object/);
    expect(() => observe({ f: () => 1 }, null)).toThrow(/a function, not JSON/);
    expect(() => observe(undefined, null)).toThrow(/no result/);
  });
  it("names a schema that does not compile", () => {
    expect(() => observe({ speed: 1 }, { type: "no-such-type" })).toThrow(/result schema is not usable/);
  });
});

describe("tryCoerceResult", () => {
  it("returns the reason instead of throwing", () => {
    expect(tryCoerceResult(ds, { observationType: "Count" }, 1.5)).toEqual({
      ok: false,
      error: `Datastream "${ds}" (Count) cannot take 1.5: not an integer`,
    });
    expect(tryCoerceResult(ds, { observationType: "Count" }, "2")).toEqual({ ok: true, value: 2 });
  });
});

describe("the reference platform's instances.json", () => {
  it("names only observation types the SDK knows", () => {
    const file = new URL("../../test/fixtures/panta-rhei/car1-instances.json", import.meta.url);
    const instances = JSON.parse(readFileSync(file, "utf8")) as {
      Datastreams: Record<string, { observationType: string }>;
    };
    const types = Object.values(instances.Datastreams).map((d) => observationTypeFromUri(d.observationType));
    expect(types).toEqual(Array(5).fill("Measurement"));
  });
});
