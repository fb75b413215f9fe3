import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryArbitrary } from "./ast-arbitraries";
import { checkQuery } from "./check-query";
import { parseQuery } from "./parse-query";
import type { SourceDatastream } from "./source-datastream";

const CAR = "cz.icecars.iot4cps-wp5-CarFleet.Car1";
const TEMP = `${CAR}.Main.Air Temperature`;
const STATUS = `${CAR}.Main.Status`;
const DOOR = `${CAR}.Main.Door open`;
const TRIPS = `${CAR}.Main.Trips`;
const POSITION = `${CAR}.GPS.Position`;
const RAW = `${CAR}.GPS.Raw`;
const STATION = "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature";

const positionSchema = {
  type: "object",
  properties: {
    lat: { type: "number" },
    lon: { type: "number" },
    fix: { type: "boolean" },
    satellites: { type: "array", items: { type: "integer" } },
  },
  additionalProperties: false,
};

const sources: SourceDatastream[] = [
  { fullName: TEMP, observationType: "Measurement" },
  { fullName: STATUS, observationType: "Category" },
  { fullName: DOOR, observationType: "Truth" },
  { fullName: TRIPS, observationType: "Count" },
  { fullName: POSITION, observationType: "Observation", resultSchema: positionSchema },
  { fullName: RAW, observationType: "Observation" },
  { fullName: STATION, observationType: "Measurement" },
];

function check(condition: string, from = `${CAR}`, given = sources) {
  return checkQuery(parseQuery(`SELECT * FROM ${from} WHERE ${condition}`), given);
}

function errors(condition: string, from?: string): string[] {
  return check(condition, from).errors.map((e) => e.message);
}

const only = (quantity: string, condition: string) => `quantity = '${quantity}' AND ${condition}`;

describe("checkQuery: type errors at deploy time", () => {
  it("a string compared with a number (Measurement), with its position and datastream", () => {
    const r = check(only("Air Temperature", "result > 'abc'"));
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        message: `cannot compare a number (result) with a string ('abc') (for ${TEMP})`,
        position: 90,
        end: 104,
        line: 1,
        column: 91,
        datastreams: [TEMP],
      },
    ]);
  });

  it("an unknown key, whatever the sources", () => {
    expect(errors("temperature > 1")).toEqual([
      "unknown key 'temperature': the keys are name, thing, quantity, system, client, result, time, resultTime, attributes",
    ]);
    expect(errors("left.result > 1")[0]).toMatch(/unknown key 'left'.*left and right are for joins/);
  });

  it("a path into a result that is not an Observation", () => {
    expect(errors(only("Air Temperature", "result.value > 1"))).toEqual([
      `result.value: the result of a Measurement datastream is a number and has no fields; paths apply to Observation results (for ${TEMP})`,
    ]);
    expect(errors("name.x = 'a'")).toEqual([
      "name is a string and has no fields: paths apply to result and attributes",
    ]);
  });

  it("a path the result schema does not have, or a step of the wrong kind", () => {
    expect(errors(only("Position", "result.alt > 1"))[0]).toMatch(
      /result.alt: result cannot be followed by this step: the result schema has no field 'alt' \(it has lat, lon, fix, satellites\)/,
    );
    expect(errors(only("Position", "result[0] > 1"))[0]).toMatch(/it is an object, not an array: use .field/);
    expect(errors(only("Position", "result.satellites.x > 1"))[0]).toMatch(/it is an array: use an index/);
    expect(errors(only("Position", "result.lat.x > 1"))[0]).toMatch(/it is a number and has no fields/);
    expect(errors(only("Position", "result.lat > 'north'"))[0]).toMatch(
      /cannot compare a number \(result.lat\) with a string/,
    );
    expect(errors(only("Position", "result > 1"))[0]).toMatch(
      /result is a JSON object or array and cannot be compared/,
    );
    expect(check(only("Position", "result.lat > 48 AND result.fix AND result.satellites[0] >= 4")).ok).toBe(true);
  });

  it("paths into an Observation result without a schema, and into attributes, are checked per record", () => {
    expect(check(only("Raw", "result.a.b[2] > 1 AND result.c = 'x' AND result.d")).errors).toEqual([]);
    expect(check("attributes.latitude > 48 AND attributes.tags[0] = 'a'").errors).toEqual([]);
    expect(errors("attributes = 1")[0]).toMatch(/attributes is a JSON object or array and cannot be compared/);
  });

  it("a function with the wrong number of arguments", () => {
    expect(errors("round(result, 1, 2) > 0")).toEqual([
      "round takes 1 or 2 arguments (round(x) or round(x, digits)), not 3",
    ]);
    expect(errors("min(result) > 0")).toEqual(["min takes at least 2 arguments (min(a, b, …)), not 1"]);
    expect(errors("haversine(1, 2, 3) > 0")).toEqual([
      "haversine takes 4 arguments (haversine(lat1, lon1, lat2, lon2)), not 3",
    ]);
    expect(errors("abs() > 0")).toEqual(["abs takes 1 argument (abs(x)), not 0"]);
  });

  it("a function with arguments of the wrong type", () => {
    expect(errors("abs(name) > 0")).toEqual(["abs needs numbers, but name is a string"]);
    expect(errors(only("Air Temperature", "timediff(result, time) > 0"))[0]).toMatch(
      /^timediff takes two records or times, e.g. timediff\(left, right\), but result is a number/,
    );
    expect(errors("round(result, 0.5) > 0")).toEqual(["round's digits must be an integer from -15 to 15"]);
    expect(errors("round(result, -16) > 0")).toEqual(["round's digits must be an integer from -15 to 15"]);
    expect(check(only("Air Temperature", "timediff(resultTime, time) < 5 AND round(result, -1) = 20")).ok).toBe(true);
  });

  it("arithmetic on strings", () => {
    expect(errors("name + 1 > 0")).toEqual(["'+' needs numbers, but name is a string"]);
    expect(errors("'a' * 2 > 0")).toEqual(["'*' needs numbers, but 'a' is a string"]);
    expect(errors("-thing < 0")).toEqual(["'-' needs a number, but thing is a string"]);
    expect(errors(only("Status", "result - 1 > 0"))[0]).toMatch(/^'-' needs numbers, but result is a string/);
  });

  it("time compared with a string that is not ISO-8601, or with a number", () => {
    expect(errors("time > 'yesterday'")).toEqual([
      "'yesterday' is not an ISO-8601 time such as '2026-11-25T10:00:00Z' (a time of day needs Z or an offset such as +01:00)",
    ]);
    expect(errors("time > '2026-11-25T10:00:00'")[0]).toMatch(/not an ISO-8601 time/);
    expect(errors("time > '2026-02-30'")[0]).toMatch(/not an ISO-8601 time/);
    expect(errors("time > 1700000000000")[0]).toMatch(/not with a number; for milliseconds use time arithmetic/);
    expect(errors("time = name")[0]).toMatch(/a time compares with an ISO-8601 time .* but name is a string/);
    expect(
      check("time >= '2026-11-25' AND resultTime - time < 60000 AND time + 1000 > '2026-11-25T10:00:00+01:00'").ok,
    ).toBe(true);
  });

  it("arithmetic on times other than time ± milliseconds", () => {
    expect(errors("time + time > '2026-01-01'")[0]).toMatch(/^two times cannot be added/);
    expect(errors("time * 2 > '2026-01-01'")[0]).toMatch(/^'\*' does not apply to times/);
    expect(errors("1000 - time < 0")[0]).toMatch(/^a time cannot be subtracted from a number/);
  });

  it("TRUE/FALSE ordered, and a condition that is not TRUE/FALSE valued", () => {
    expect(errors(only("Door open", "result > FALSE"))[0]).toMatch(
      /^TRUE\/FALSE values compare only with = and <>, not >/,
    );
    expect(errors(only("Air Temperature", "result"))[0]).toMatch(
      /^a condition must be TRUE or FALSE, but result is a number: compare it, e.g. result > 0/,
    );
    expect(errors("name")[0]).toMatch(/^a condition must be TRUE or FALSE, but name is a string/);
    expect(errors("(5) AND TRUE")[0]).toMatch(/^a condition must be TRUE or FALSE, but 5 is a number/);
    expect(check(only("Door open", "result AND result = TRUE AND NOT result <> FALSE")).ok).toBe(true);
  });

  it("reports every error, in order of position", () => {
    const r = check("foo > 3 AND time > 'yesterday' AND round(1, 2, 3) > 1 AND 'a' + 1 > 2");
    expect(r.errors.map((e) => e.column)).toEqual([58, 77, 93, 116]);
  });
});

describe("checkQuery: typing per source datastream", () => {
  it("is fine when a comparison fits some selected datastreams, and warns naming the others", () => {
    const r = check("result > 5");
    expect(r.ok).toBe(true);
    expect(r.selects).toEqual([TEMP, TRIPS, RAW]);
    expect(r.warnings.map((w) => w.datastreams)).toEqual([[STATUS], [DOOR], [POSITION]]);
    expect(r.warnings[0]?.message).toBe(
      `cannot compare a string (result) with a number (5) (for ${STATUS}; their records never satisfy this part)`,
    );
  });

  it("is an error when the condition fits none of the datastreams it can select", () => {
    const r = check("(quantity = 'Status' OR quantity = 'Door open') AND result > 5");
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.datastreams)).toEqual([[STATUS], [DOOR]]);
  });

  it("types each branch only for the datastreams its name conditions leave", () => {
    const r = check(
      "(quantity = 'Air Temperature' AND result > 5) OR (quantity = 'Status' AND result = 'on') OR thing = 'GPS' AND result.lat > 1",
    );
    expect(r).toMatchObject({ ok: true, errors: [], selects: [TEMP, STATUS, POSITION, RAW] });
    expect(r.warnings).toEqual([]);
  });

  it("selects what FROM and the name keys allow, less what is ill-typed for it", () => {
    expect(check("TRUE").selects).toEqual([TEMP, STATUS, DOOR, TRIPS, POSITION, RAW]);
    expect(check("TRUE", "*.*.*.*").selects).toHaveLength(7);
    expect(check("thing = 'GPS'").selects).toEqual([POSITION, RAW]);
    expect(check("NOT thing = 'GPS' AND quantity <> 'Status'").selects).toEqual([TEMP, DOOR, TRIPS]);
    expect(check("system = 'is.iceland.iot4cps-wp5-WeatherService.Stations'", "*").selects).toEqual([STATION]);
    expect(check("result < 0 AND result > 'a'").selects).toEqual([RAW]);
    expect(check("NOT result > 'a'").selects).toEqual([TEMP, STATUS, DOOR, TRIPS, POSITION, RAW]);
  });
});

describe("checkQuery: warnings", () => {
  it("FROM patterns that match no source system", () => {
    const r = check("result > 1", `at.datalab.*.*, ${CAR}`);
    expect(r.warnings[0]).toMatchObject({
      message: "FROM at.datalab.*.* matches none of the source systems",
      column: 15,
    });
  });

  it("a name condition naming no datastream among the sources, and a query that selects nothing", () => {
    const r = check("name = 'cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Pressure' AND result > 1");
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      "no source datastream 'cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Pressure' is in FROM's systems: this selects nothing",
      "the query selects nothing from its sources: no source datastream can satisfy the condition",
    ]);
    expect(check("quantity = 'Pressure'").warnings[0]?.message).toMatch(
      /no source datastream with quantity 'Pressure'/,
    );
    expect(check("TRUE", "at.*.*.*").warnings.map((w) => w.message)).toEqual([
      "FROM at.*.*.* matches none of the source systems",
      "the query selects nothing from its sources: FROM matches none of the source systems",
    ]);
  });

  it("without sources: only what is wrong whatever the sources, and a warning", () => {
    const r = check("result.x > 'a' AND result", CAR, []);
    expect(r).toMatchObject({ ok: true, errors: [], selects: [] });
    expect(r.warnings.map((w) => w.message)).toEqual([
      "the query selects nothing from its sources: no source datastreams were given",
    ]);
    expect(check("foo = 1", CAR, []).errors).toHaveLength(1);
  });

  it("a query without WHERE selects every datastream of FROM's systems", () => {
    expect(checkQuery(parseQuery(`SELECT * FROM ${CAR}`), sources)).toMatchObject({
      ok: true,
      errors: [],
      warnings: [],
      selects: [TEMP, STATUS, DOOR, TRIPS, POSITION, RAW],
    });
  });
});

describe("checkQuery on any query (property)", () => {
  it("never throws and leaves the query as it was", () => {
    fc.assert(
      fc.property(queryArbitrary, fc.subarray(sources), (q, given) => {
        const before = structuredClone(q);
        const r = checkQuery(q, given);
        expect(q).toEqual(before);
        expect(r.ok).toBe(r.errors.length === 0);
        for (const name of r.selects) expect(given.map((s) => s.fullName)).toContain(name);
      }),
      { numRuns: 500 },
    );
  });
});
