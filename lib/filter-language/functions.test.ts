import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, FUNCTION_NAMES, FUNCTIONS, haversineKm } from "./functions";
import { roundHalfAway } from "./round-half-away";

describe("haversineKm", () => {
  it("measures great-circle distances in kilometres on a sphere of the mean Earth radius", () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 9);
    expect(haversineKm(90, 0, -90, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 9);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 9);
    expect(haversineKm(48.2082, 16.3738, 48.2082, 16.3738)).toBe(0);
    // Vienna – Prague, London (Big Ben) – New York (Statue of Liberty).
    expect(haversineKm(48.2082, 16.3738, 50.0755, 14.4378)).toBeCloseTo(250.869, 3);
    expect(haversineKm(51.5007, -0.1246, 40.6892, -74.0445)).toBeCloseTo(5574.85, 1);
  });

  it("is symmetric and wraps longitudes", () => {
    expect(haversineKm(10, 170, 10, -170)).toBeCloseTo(haversineKm(10, -170, 10, 170), 9);
    expect(haversineKm(10, 170, 10, -170)).toBeCloseTo(haversineKm(10, 0, 10, 20), 9);
  });
});

describe("roundHalfAway", () => {
  it("rounds half away from zero, on the decimal as written", () => {
    const cases: [number, number, number][] = [
      [2.5, 0, 3],
      [-2.5, 0, -3],
      [0.49999999999999994, 0, 0],
      [1.005, 2, 1.01],
      [-1.005, 2, -1.01],
      [1.0049, 2, 1],
      [1234.5678, 1, 1234.6],
      [1250, -2, 1300],
      [-1250, -2, -1300],
      [1e21, 2, 1e21],
      [1.5e-7, 7, 2e-7],
      [123.456, 15, 123.456],
    ];
    for (const [x, digits, want] of cases) expect(roundHalfAway(x, digits), `round(${x}, ${digits})`).toBe(want);
  });

  it("gives NaN for digits that are not an integer from -15 to 15, and for non-finite input", () => {
    expect(roundHalfAway(1, 0.5)).toBeNaN();
    expect(roundHalfAway(1, 16)).toBeNaN();
    expect(roundHalfAway(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe("the function table", () => {
  it("has exactly the documented functions", () => {
    expect(FUNCTION_NAMES).toEqual(["abs", "haversine", "max", "min", "round", "sqrt", "timediff"]);
    expect(FUNCTIONS.get("timediff")?.apply([T(10_500), T(10_000)])).toBe(0.5);
  });
});

function T(ms: number): number {
  return ms;
}
