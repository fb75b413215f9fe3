import { describe, expect, it } from "vitest";
import { checkJoinCondition } from "./check-join";
import { checkQuery } from "./check-query";
import { compileQuery } from "./compile-query";
import { evaluateCondition } from "./evaluate-join";
import { parseJoinCondition } from "./parse-join";
import { parseQuery } from "./parse-query";
import { printQuery } from "./printer";
import { createStats, type FilterRecord } from "./runtime";
import type { SourceDatastream } from "./source-datastream";

// The reference demo's queries, end to end: parse, check against the demo's datastreams, run on records.

const STATIONS = "is.iceland.iot4cps-wp5-WeatherService.Stations";
const station = (n: number, quantity = "Air Temperature") => `${STATIONS}.Station_${n}.${quantity}`;
const car = (n: number, quantity: string) => `cz.icecars.iot4cps-wp5-CarFleet.Car${n}.Main.${quantity}`;
const T0 = Date.parse("2026-11-25T10:00:00Z");

const sources: SourceDatastream[] = [
  ...[1, 2, 3].map((n) => ({ fullName: station(n), observationType: "Measurement" as const })),
  ...[1, 2].map((n) => ({ fullName: car(n, "Air Temperature"), observationType: "Measurement" as const })),
  ...[1, 2].map((n) => ({ fullName: car(n, "Latitude"), observationType: "Measurement" as const })),
];

function rec(name: string, result: unknown, extra: Partial<FilterRecord> = {}): FilterRecord {
  return { name, time: T0, result, ...extra };
}

describe("reference demo examples", () => {
  it("the station query: two stations' air temperature below 30", () => {
    const q = parseQuery(`SELECT * FROM * WHERE (name = '${station(1)}' OR name = '${station(2)}') AND result < 30;`);
    expect(checkQuery(q, sources)).toMatchObject({ ok: true, warnings: [], selects: [station(1), station(2)] });
    const f = compileQuery(q);
    expect(
      [rec(station(1), 29.9), rec(station(2), 30), rec(station(3), 1), rec(station(1), -5)].map((r) => f.test(r)),
    ).toEqual([true, false, false, true]);
    expect(printQuery(q)).toBe(
      `SELECT * FROM * WHERE (name = '${station(1)}' OR name = '${station(2)}') AND result < 30`,
    );
  });

  it("the car fleet query: air temperature below zero", () => {
    const q = parseQuery("SELECT * FROM cz.icecars.*.* WHERE quantity = 'Air Temperature' AND result < 0");
    expect(checkQuery(q, sources)).toMatchObject({
      ok: true,
      warnings: [],
      selects: [car(1, "Air Temperature"), car(2, "Air Temperature")],
    });
    const f = compileQuery(q);
    const stats = createStats();
    const records = [
      rec(car(1, "Air Temperature"), -0.5),
      rec(car(1, "Air Temperature"), 0),
      rec(car(2, "Latitude"), -33.9),
      rec(station(1), -10),
      rec(car(2, "Air Temperature"), -12),
    ];
    expect(records.map((r) => f.test(r, stats))).toEqual([true, false, false, false, true]);
    expect(stats).toMatchObject({ evaluated: 5, selected: 2, missingPath: 0, typeMismatch: 0 });
  });

  it("the join distance: two cars closer than 1.23 km", () => {
    const near = parseJoinCondition(
      "haversine(left.result, left.attributes.longitude, right.result, right.attributes.longitude) < 1.23",
    );
    const lat = sources.filter((s) => s.fullName.endsWith("Latitude"));
    expect(checkJoinCondition(near, { left: lat.slice(0, 1), right: lat.slice(1) })).toMatchObject({
      ok: true,
      errors: [],
      warnings: [],
    });
    const at = (n: number, latitude: number, longitude: number) =>
      rec(car(n, "Latitude"), latitude, { attributes: { longitude } });
    expect(evaluateCondition(near, { left: at(1, 50.0755, 14.4378), right: at(2, 50.08, 14.44) })).toBe(true);
    expect(evaluateCondition(near, { left: at(1, 50.0755, 14.4378), right: at(2, 50.1, 14.44) })).toBe(false);
  });
});
