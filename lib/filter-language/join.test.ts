import { describe, expect, it } from "vitest";
import { checkJoinCondition, checkJoinExpression } from "./check-join";
import { compileJoinExpression, evaluateCondition, evaluateValue } from "./evaluate-join";
import { parseJoinCondition, parseJoinExpression } from "./parse-join";
import { createStats, type FilterRecord } from "./runtime";
import type { SourceDatastream } from "./source-datastream";
import { FilterSyntaxError } from "./syntax-error";

const T0 = Date.parse("2026-11-25T10:00:00Z");
const LAT = "cz.icecars.iot4cps-wp5-CarFleet.Car1.GPS.Latitude";
const TEMP = "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature";
const STATUS = "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Status";

function car(latitude: number, longitude: number, time = T0): FilterRecord {
  return { name: LAT, time, result: latitude, attributes: { longitude } };
}

const DISTANCE = "haversine(left.result, left.attributes.longitude, right.result, right.attributes.longitude)";

describe("join expressions", () => {
  it("computes the reference demo's join distance condition", () => {
    const near = parseJoinCondition(`${DISTANCE} < 1.23`);
    // 0.01° of latitude is 1.112 km.
    expect(evaluateCondition(near, { left: car(48.0, 14.0), right: car(48.01, 14.0) })).toBe(true);
    expect(evaluateCondition(near, { left: car(48.0, 14.0), right: car(48.012, 14.0) })).toBe(false);
    expect(
      evaluateValue(parseJoinExpression(`round(${DISTANCE}, 3)`), { left: car(48, 14), right: car(48.01, 14) }),
    ).toBe(1.112);
  });

  it("gives numbers, strings and booleans; times as epoch ms; null for what is missing (counted)", () => {
    const pair = { left: car(48, 14, T0), right: { ...car(49, 15, T0 + 2500), client: "car_2" } };
    const value = (text: string) => evaluateValue(parseJoinExpression(text), pair);
    expect(value("timediff(right, left)")).toBe(2.5);
    expect(value("timediff(left.time, right.time)")).toBe(-2.5);
    expect(value("right.time - left.time")).toBe(2500);
    expect(value("left.time")).toBe(T0);
    expect(value("right.client")).toBe("car_2");
    expect(value("left.name")).toBe(LAT);
    expect(value("left.result < right.result")).toBe(true);
    expect(value("max(left.result, right.result, 10) - min(left.result, right.result)")).toBe(1);
    const stats = createStats();
    expect(evaluateValue(parseJoinExpression("left.attributes.altitude"), pair, stats)).toBeNull();
    expect(evaluateValue(parseJoinExpression("left.client"), pair, stats)).toBeNull();
    expect(evaluateValue(parseJoinExpression("left.attributes"), pair, stats)).toBeNull();
    expect([stats.missingPath, stats.typeMismatch]).toEqual([2, 1]);
  });

  it("never throws on a broken pair", () => {
    const f = compileJoinExpression(parseJoinExpression(DISTANCE));
    const stats = createStats();
    for (const pair of [{}, { left: null, right: 5 }, null, { left: car(1, 2) }]) {
      expect(f.value(pair as never, stats)).toBeNull();
    }
    expect(stats.internalError).toBe(0);
    expect(stats.missingPath).toBe(4);
  });

  it("has left and right as the only roots: a bare key is a syntax error naming left.… and right.…", () => {
    expect(() => parseJoinExpression("result")).toThrow(FilterSyntaxError);
    expect(() => parseJoinExpression("abs(result)")).toThrow(
      "at 1:5: expected a key (left.… or right.…) but found 'result' (a join compares two records: write left.result or right.result)",
    );
    expect(() => parseJoinCondition("left.result > 1 AND temperature > 2")).toThrow(/a join expression reads left/);
  });

  it("allows the functions in ordinary filter queries too (covered in evaluate.test.ts), and joins' whole records only in timediff", () => {
    const r = checkJoinExpression(parseJoinExpression("left + 1"), { left: [], right: [] });
    expect(r.errors.map((e) => e.message)).toEqual(["'+' needs numbers, but left is a whole record"]);
    expect(checkJoinExpression(parseJoinExpression("left"), { left: [], right: [] }).errors[0]?.message).toBe(
      "the value is a whole record: choose a field of it",
    );
  });
});

describe("checking join expressions", () => {
  const lat: SourceDatastream = { fullName: LAT, observationType: "Measurement" };
  const temp: SourceDatastream = { fullName: TEMP, observationType: "Measurement" };
  const status: SourceDatastream = { fullName: STATUS, observationType: "Category" };

  it("checks every pair of left and right typings and gives the value's types", () => {
    const r = checkJoinExpression(parseJoinExpression(`${DISTANCE}`), { left: [lat], right: [lat, temp] });
    expect(r).toMatchObject({ ok: true, errors: [], warnings: [], valueTypes: ["number"] });
    expect(
      checkJoinExpression(parseJoinExpression("right.result"), { left: [lat], right: [temp, status] }).valueTypes,
    ).toEqual(["number", "string"]);
  });

  it("errs when no pair fits, warns naming the pairs that do not", () => {
    const none = checkJoinExpression(parseJoinExpression("right.result * 2"), { left: [lat], right: [status] });
    expect(none.ok).toBe(false);
    expect(none.errors[0]?.message).toBe(
      `'*' needs numbers, but right.result is a string (for left ${LAT}, right ${STATUS})`,
    );
    const some = checkJoinExpression(parseJoinExpression("right.result * 2"), { left: [lat], right: [temp, status] });
    expect(some.ok).toBe(true);
    expect(some.warnings[0]?.datastreams).toEqual([`left ${LAT}`, `right ${STATUS}`]);
  });

  it("checks conditions as TRUE/FALSE valued, with the same rules as filters", () => {
    const sides = { left: [lat], right: [lat] };
    expect(checkJoinCondition(parseJoinCondition(`${DISTANCE} < 1.23 AND timediff(left, right) < 60`), sides).ok).toBe(
      true,
    );
    expect(() => parseJoinCondition("left.result + right.result")).toThrow(/expected a comparison operator/);
    expect(checkJoinCondition(parseJoinCondition("(left.result + right.result)"), sides).errors[0]?.message).toMatch(
      /^a condition must be TRUE or FALSE, but left.result \+ right.result is a number/,
    );
    expect(checkJoinCondition(parseJoinCondition("left.time > 'soon'"), sides).errors[0]?.message).toMatch(
      /'soon' is not an ISO-8601 time/,
    );
    expect(checkJoinCondition(parseJoinCondition("timediff(left, 5) > 0"), sides).errors[0]?.message).toMatch(
      /timediff takes two records or times/,
    );
    expect(checkJoinCondition(parseJoinCondition("left.foo > 0"), sides).errors[0]?.message).toMatch(
      /unknown key 'left.foo'/,
    );
  });

  it("warns when a side's datastreams are not known", () => {
    const r = checkJoinCondition(parseJoinCondition("left.result > right.result"), { left: [lat], right: [] });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      "checked without the datastreams of both sides: result types are unknown",
    ]);
  });
});
