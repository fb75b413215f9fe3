import { describe, expect, it } from "vitest";
import { parseQuery } from "../filter-language";
import { parseGrantCondition } from "../grants/grant-condition";
import { grantState } from "../grants/grant-state";
import { appStatus } from "./app-status";
import { RecordView } from "./filter-record";
import { earliestGrantEnd, type ReadableSystem, selectSources, sourceGate } from "./source-plan";

const own: ReadableSystem = { id: "1", name: "cz.icecars.fleet.Car1", companyId: "c", own: true, grants: [] };
const granted: ReadableSystem = {
  id: "2",
  name: "is.iceland.weather.Stations",
  companyId: "i",
  own: false,
  grants: [
    { id: "g1", datastreams: "*.Air Temperature", filter: "result > -10", endsAt: null, sourceCompany: "is.iceland" },
    {
      id: "g2",
      datastreams: "Station_2.Humidity",
      filter: "",
      endsAt: new Date("2027-01-01"),
      sourceCompany: "is.iceland",
    },
  ],
};
const record = (name: string, result: unknown) =>
  new RecordView({
    datastream: { name: name.split(".").at(-1) as string, fullName: name },
    observationType: undefined,
    unit: undefined,
    phenomenonTime: "2026-11-25T10:00:00.000000Z",
    resultTime: "2026-11-25T10:00:00.000000Z",
    result,
    topic: "t",
    partition: 0,
    offset: "0",
    format: "rhei",
  });

describe("which systems an app reads", () => {
  it("selects the readable systems FROM names, and names the ones it may not read", () => {
    const q = parseQuery("SELECT * FROM cz.icecars.*.*, is.iceland.weather.Stations, at.datahouse.a.B");
    const { sources, missing } = selectSources(q, [own, granted]);
    expect(sources.map((s) => s.name)).toEqual([own.name, granted.name]);
    expect(missing).toEqual([{ pattern: "at.datahouse.a.B", index: 2 }]);
    // A pattern matching nothing is no missing grant (the checker warns about it).
    expect(selectSources(parseQuery("SELECT * FROM xx.*.*.*"), [own]).missing).toEqual([]);
  });

  it("lets a granted system's record through only if a grant covers its datastream and its condition holds", () => {
    const gate = sourceGate(granted);
    const pass = (name: string, result: unknown) => {
      const r = record(name, result);
      return gate(r.name, () => r);
    };
    expect(pass("is.iceland.weather.Stations.Station_1.Air Temperature", 3)).toBe(true);
    expect(pass("is.iceland.weather.Stations.Station_1.Air Temperature", -20)).toBe(false);
    expect(pass("is.iceland.weather.Stations.Station_2.Humidity", 90)).toBe(true);
    expect(pass("is.iceland.weather.Stations.Station_1.Humidity", 90)).toBe(false);
    expect(sourceGate(own)("anything", () => record("x", 1))).toBe(true);
    expect(earliestGrantEnd([own, granted])).toEqual(new Date("2027-01-01"));
  });

  it("reads a grant's condition with the error's line and column as written", () => {
    const bad = parseGrantCondition("result >\n  AND");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ line: 2, column: 3 });
  });
});

describe("a grant's and an app's state", () => {
  it("calls an accepted grant past its end expired", () => {
    expect(grantState({ status: "accepted", endsAt: new Date(1000) }, 2000)).toBe("expired");
    expect(grantState({ status: "accepted", endsAt: new Date(3000) }, 2000)).toBe("accepted");
    expect(grantState({ status: "revoked", endsAt: new Date(1000) }, 2000)).toBe("revoked");
  });

  it("derives the app's state from what is wanted and what the workers report", () => {
    const now = 100_000;
    const runner = (state: string, reason = "", at = now - 1000) => ({
      workerId: "w",
      state,
      reason,
      version: 1,
      partitions: [],
      heartbeatAt: new Date(at),
    });
    const base = { desiredState: "running" as const, blocked: null, lag: 0n, deployedAt: new Date(0), now };
    expect(appStatus({ ...base, desiredState: "stopped", runners: [runner("running")] }).state).toBe("stopped");
    expect(appStatus({ ...base, blocked: "grant revoked", runners: [] })).toMatchObject({
      state: "stopped",
      reason: "grant revoked",
    });
    expect(appStatus({ ...base, runners: [] }).state).toBe("waiting");
    expect(appStatus({ ...base, deployedAt: new Date(now - 1000), runners: [] }).state).toBe("starting");
    expect(appStatus({ ...base, runners: [runner("running", "", now - 60_000)] }).state).toBe("waiting");
    expect(appStatus({ ...base, runners: [runner("running"), runner("failing", "boom")] })).toMatchObject({
      state: "failing",
      reason: "boom",
    });
    expect(appStatus({ ...base, runners: [runner("running")], lag: 5000n }).state).toBe("lagging");
    expect(appStatus({ ...base, runners: [runner("running")] }).state).toBe("running");
  });
});
