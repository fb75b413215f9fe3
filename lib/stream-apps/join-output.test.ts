import { describe, expect, it } from "vitest";
import type { JoinPair } from "../join/types";
import { createJoinOutput, createJoinOutputStats } from "./join-output";
import type { JoinPayload } from "./runner/join-payload";

// A join's declared output, pure: the WHERE, the value, and the record it becomes (as the SDK encodes observations).

const info = {
  name: "Distance to Car1",
  fullName: "cz.icecars.w.Car2.Main.Distance to Car1",
  observationType: "Measurement" as const,
  unit: { name: "Kilometer", symbol: "km", definition: "" },
};

function pair(left: Partial<JoinPayload>, right: Partial<JoinPayload>): JoinPair<JoinPayload> {
  const l: JoinPayload = { name: "s.a.b.c.Main.Latitude", time: 1000, result: 47.8062, ...left };
  const r: JoinPayload = { name: "s.a.b.d.Main.Latitude", time: 2500, result: 47.8001, ...right };
  return {
    left: { input: 0, partition: "car1:x.int#0", offset: "4", time: l.time, payload: l },
    right: { input: 1, partition: "car2:y.int#1", offset: "9", time: r.time, payload: r },
    leftInput: 0,
    rightInput: 1,
    time: Math.max(l.time, r.time),
    key: "car1:x.int#0@4+car2:y.int#1@9",
  };
}

const distance = "haversine(left.result, left.attributes.longitude, right.result, right.attributes.longitude)";
const output = {
  value: `round(${distance}, 2)`,
  where: `${distance} < 1.23`,
  thing: "Main",
  datastream: "Distance to Car1",
  observationType: "Measurement" as const,
  unit: info.unit,
};

describe("a join's output", () => {
  it("writes the value at the pair's time, with the later result time and the pair's records named", () => {
    const out = createJoinOutput(output, info);
    const stats = createJoinOutputStats();
    const message = out(
      pair({ attributes: { longitude: 13.0401 }, resultTime: 1200 }, { attributes: { longitude: 13.0382 } }),
      stats,
    );
    expect(message?.key).toBe(info.fullName);
    expect(message?.timestampMs).toBe(2500);
    const body = JSON.parse(message?.value ?? "{}");
    expect(body).toEqual({
      phenomenonTime: "1970-01-01T00:00:02.500000Z",
      resultTime: "1970-01-01T00:00:02.500000Z",
      datastream: { name: info.fullName },
      result: 0.69,
      attributes: {
        pair: "car1:x.int#0@4+car2:y.int#1@9",
        left: "s.a.b.c.Main.Latitude",
        right: "s.a.b.d.Main.Latitude",
      },
    });
    // Computed again: the same record, byte for byte (a restarted worker writes what the first would have).
    expect(
      out(pair({ attributes: { longitude: 13.0401 }, resultTime: 1200 }, { attributes: { longitude: 13.0382 } }), stats)
        ?.value,
    ).toBe(message?.value);
  });

  it("counts what the WHERE leaves out and pairs without a value, and writes neither", () => {
    const out = createJoinOutput(output, info);
    const stats = createJoinOutputStats();
    // 5 km apart: the WHERE says no.
    expect(
      out(pair({ attributes: { longitude: 13.1 } }, { attributes: { longitude: 13.0382 } }), stats),
    ).toBeUndefined();
    expect(stats.notSelected).toBe(1);
    // No longitude on the left: the WHERE's path is missing, so it is false, and counted as a missing path.
    expect(out(pair({}, { attributes: { longitude: 13.0382 } }), stats)).toBeUndefined();
    expect(stats.notSelected).toBe(2);
    expect(stats.missingPath).toBeGreaterThan(0);
    // A value the output type does not take (a string into a Measurement): no record, counted.
    const text = createJoinOutput({ ...output, value: "left.name", where: "" }, info);
    expect(text(pair({}, {}), stats)).toBeUndefined();
    expect(stats.noValue).toBe(1);
    expect(stats.typeMismatch).toBeGreaterThan(0);
  });
});
