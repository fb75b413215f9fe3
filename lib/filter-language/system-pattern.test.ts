import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse-query";
import { matchesSystemPattern, sourceMatches, systemOf, systemPatternProblem } from "./system-pattern";

const CAR1 = "cz.icecars.iot4cps-wp5-CarFleet.Car1";

describe("system patterns", () => {
  it("match whole levels, * standing for any one level, a lone * for every system", () => {
    expect(matchesSystemPattern("*", CAR1)).toBe(true);
    expect(matchesSystemPattern(CAR1, CAR1)).toBe(true);
    expect(matchesSystemPattern("cz.icecars.*.*", CAR1)).toBe(true);
    expect(matchesSystemPattern("*.*.*.Car1", CAR1)).toBe(true);
    expect(matchesSystemPattern("*.*.*.Car2", CAR1)).toBe(false);
    expect(matchesSystemPattern("cz.icecars.*.*", "cz.icecars.x")).toBe(false);
    expect(matchesSystemPattern("cz.Icecars.*.*", CAR1)).toBe(false);
    expect(matchesSystemPattern("cz.icecars.iot4cps-wp5-CarFleet.Car", CAR1)).toBe(false);
  });

  it("say what is wrong with a malformed pattern", () => {
    expect(systemPatternProblem("cz.icecars.*.*")).toBeNull();
    expect(systemPatternProblem("cz.icecars.*")).toMatch(/has 4 levels .* this has 3; use \* for any level/);
    expect(systemPatternProblem(`${CAR1}.Main.Speed`)).toMatch(/to select one datastream, add WHERE name = '…'/);
    expect(systemPatternProblem("cz..a.b")).toBe("a level is empty");
    expect(systemPatternProblem("cz.ice*.a.b")).toMatch(/'\*' stands for a whole level/);
    expect(systemPatternProblem("cz.ice cars.a.b")).toMatch(/may only have letters/);
    expect(systemPatternProblem(`cz.${"x".repeat(64)}.a.b`)).toMatch(/1–63 characters/);
  });

  it("decide FROM for a query, and give a datastream's system", () => {
    const q = parseQuery("SELECT * FROM at.*.*.*, cz.icecars.*.Car1");
    expect(sourceMatches(q, CAR1)).toBe(true);
    expect(sourceMatches(q, "at.a.b.c")).toBe(true);
    expect(sourceMatches(q, "cz.icecars.x.Car2")).toBe(false);
    expect(systemOf(`${CAR1}.Main.Air Temperature`)).toBe(CAR1);
  });
});
