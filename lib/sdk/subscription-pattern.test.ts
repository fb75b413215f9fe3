import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePattern, isFullDatastreamName, parseSubscriptions, SubscriptionFilter } from "./subscription-pattern";

const temp1 = "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature";
const acc1 = "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Acceleration";
const temp2 = "cz.icecars.iot4cps-wp5-CarFleet.Car2.Main.Air Temperature";
const station = "is.iceland.iot4cps-wp5-WeatherService.Stations.Station_1.Air Temperature";
const all = [temp1, acc1, temp2, station];
const matching = (pattern: string) => all.filter(compilePattern(pattern));

describe("compilePattern", () => {
  it("matches a full name exactly, spaces included", () => {
    expect(matching(temp1)).toEqual([temp1]);
    expect(matching("cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air")).toEqual([]);
  });
  it("lets '*' stand for exactly one level anywhere", () => {
    expect(matching("cz.icecars.iot4cps-wp5-CarFleet.*.Main.Air Temperature")).toEqual([temp1, temp2]);
    expect(matching("*.*.*.*.*.Air Temperature")).toEqual([temp1, temp2, station]);
    expect(matching("cz.*.*.Car1.*.*")).toEqual([temp1, acc1]);
  });
  it("lets a final '*' stand for one or more levels", () => {
    expect(matching("cz.*")).toEqual([temp1, acc1, temp2]);
    expect(matching("cz.icecars.iot4cps-wp5-CarFleet.Car1.*")).toEqual([temp1, acc1]);
    expect(matching("*.iceland.*")).toEqual([station]);
    expect(compilePattern("cz.icecars.*")("cz.icecars.")).toBe(false);
    expect(compilePattern("cz.*.x.*")("cz.a.x")).toBe(false);
  });
  it("lets '*' alone match everything", () => {
    expect(matching("*")).toEqual(all);
  });
  it("refuses malformed patterns with the reason", () => {
    const cases: [string, RegExp][] = [
      ["", /level 1 is empty/],
      ["cz..icecars.*", /level 2 is empty/],
      ["cz.icecars.*.", /level 4 is empty/],
      ["a.b.c.d.e.f.g", /7 levels/],
      ["a.b.c.d.e.f.*", /7 levels/],
      ["cz.**", /"\*\*" is not a wildcard/],
      ["**", /"\*\*"/],
      ["cz.ice*", /must stand alone/],
      ["cz.*x.*", /must stand alone/],
      ["cz.icecars", /end it with "\.\*"/],
      ["cz. icecars.*", /starts or ends with a space/],
    ];
    for (const [pattern, reason] of cases) expect(() => compilePattern(pattern), pattern).toThrow(reason);
  });
});

describe("SubscriptionFilter", () => {
  it("matches when any pattern does, and nothing without patterns", () => {
    const filter = new SubscriptionFilter([temp2, "is.*"]);
    expect(all.filter((n) => filter.matches(n))).toEqual([temp2, station]);
    expect(new SubscriptionFilter([]).matches(temp1)).toBe(false);
  });
});

describe("parseSubscriptions", () => {
  it("reads the reference platform's subscriptions.json", () => {
    const file = new URL("../../test/fixtures/panta-rhei/analytics-subscriptions.json", import.meta.url);
    const patterns = parseSubscriptions(JSON.parse(readFileSync(file, "utf8")));
    expect(patterns).toHaveLength(10);
    expect(patterns).toContain(station);
    expect(new SubscriptionFilter(patterns).matches(temp1)).toBe(true);
  });
  it("reads a bare array and refuses other shapes or bad patterns", () => {
    expect(parseSubscriptions(["*"])).toEqual(["*"]);
    expect(() => parseSubscriptions({ datastreams: [] })).toThrow(/subscribed_datastreams/);
    expect(() => parseSubscriptions({ subscribed_datastreams: [3] })).toThrow(/not a string/);
    expect(() => parseSubscriptions({ subscribed_datastreams: ["cz"] })).toThrow(/malformed/);
  });
});

describe("isFullDatastreamName", () => {
  it("wants six non-empty levels and no wildcard", () => {
    expect(isFullDatastreamName(temp1)).toBe(true);
    expect(isFullDatastreamName("a.b.c.d.e")).toBe(false);
    expect(isFullDatastreamName("a.b.c.d.e.f.g")).toBe(false);
    expect(isFullDatastreamName("a.b..d.e.f")).toBe(false);
    expect(isFullDatastreamName("a.b.c.d.e.*")).toBe(false);
  });
});
