import { describe, expect, it } from "vitest";
import { IntervalJoin } from "./interval-join";
import type { JoinPair } from "./types";

// A silent input must not stall the join forever: the worker passes processing time, and a partition silent for
// idleTimeoutMs (and, when the worker says so, at its end offset) stops holding the watermark back.

type P = string;
const show = (pairs: readonly JoinPair<P>[]) => pairs.map((p) => `${p.left.payload}-${p.right.payload}`);

function cars(idleTimeoutMs?: number, car2Partitions = ["car2#0"]) {
  const join = new IntervalJoin<P>({ inputs: ["car1", "car2"], toleranceMs: 15, idleTimeoutMs });
  join.assignPartitions(0, ["car1#0"]);
  join.assignPartitions(1, car2Partitions);
  const offsets = new Map<string, bigint>();
  const push = (partition: string, time: number, nowMs?: number) => {
    const offset = offsets.get(partition) ?? 0n;
    offsets.set(partition, offset + 1n);
    const input = partition.startsWith("car1") ? 0 : 1;
    return join.push({ input, partition, offset, time, payload: `${input === 0 ? "a" : "b"}${time}` }, nowMs);
  };
  return { join, push };
}

describe("an idle input", () => {
  it("emits nothing while car2 is silent, then the pairs once car2 is declared idle", () => {
    const { join, push } = cars(1_000);
    push("car2#0", 5, 0);
    for (let t = 0; t <= 100; t += 10) expect(push("car1#0", t, t).pairs).toEqual([]);
    expect(join.advanceIdle(999).pairs).toEqual([]);
    const step = join.advanceIdle(1_000);
    expect(show(step.pairs)).toEqual(["a0-b5", "a10-b5", "a20-b5"]);
    expect(join.stats.idlePartitions).toEqual(["car2#0"]);
    expect(join.stats.watermark).toBe(100);
    // Awake again: a record older than the watermark is late, a newer one joins.
    expect(push("car2#0", 60, 2_000).late).toMatchObject([{ partition: "car2#0", time: 60, watermark: 100 }]);
    expect(join.stats.idlePartitions).toEqual([]);
    push("car2#0", 105, 2_001);
    expect(show(join.flushAll().pairs)).toEqual(["a90-b105", "a100-b105"]); // b105 is a90's succeeding record
  });

  it("is declared idle only among the partitions the worker says caught up, or with markIdle", () => {
    const { join, push } = cars(1_000);
    push("car2#0", 5, 0);
    push("car1#0", 50, 0);
    expect(join.advanceIdle(5_000, []).pairs).toEqual([]);
    expect(join.advanceIdle(5_000, ["car1#0"]).pairs).toEqual([]);
    expect(show(join.advanceIdle(5_000, ["car2#0"]).pairs)).toEqual([]); // a50 is 45 ms from b5
    expect(join.stats.watermark).toBe(50);
    const other = cars();
    other.push("car2#0", 5);
    other.push("car1#0", 10);
    other.push("car1#0", 20);
    expect(other.join.advanceIdle(1e12).pairs).toEqual([]); // no idleTimeoutMs: never by timeout
    expect(show(other.join.markIdle("car2#0").pairs)).toEqual(["a10-b5"]);
  });

  it("starts the silence clock of a partition without records at the first advanceIdle", () => {
    const { join, push } = cars(1_000, ["car2#0", "car2#1"]);
    push("car2#0", 5, 0);
    push("car1#0", 10, 0);
    expect(join.advanceIdle(10_000, ["car2#1"]).pairs).toEqual([]); // the clock of car2#1 starts now
    expect(join.advanceIdle(10_999, ["car2#1"]).pairs).toEqual([]);
    expect(join.stats.watermarkPerInput).toEqual([10, null]);
    join.advanceIdle(11_000, ["car2#1"]);
    expect(join.stats.watermarkPerInput).toEqual([10, 5]);
    expect(join.stats.watermark).toBe(5);
  });

  it("restarts the clock at the next advanceIdle when a record comes without processing time", () => {
    const { join, push } = cars(1_000);
    push("car2#0", 5);
    push("car1#0", 30, 0);
    join.advanceIdle(50_000); // car1#0 has been silent since 0; car2#0's clock starts now
    expect(join.stats.idlePartitions).toEqual(["car1#0"]);
    join.advanceIdle(51_000);
    expect(join.stats.idlePartitions).toEqual(["car1#0", "car2#0"]);
  });

  it("when every partition is idle, keeps the greatest partition watermark instead of jumping to +∞", () => {
    const { join, push } = cars(0);
    push("car2#0", 5, 0);
    push("car1#0", 10, 0);
    join.advanceIdle(0);
    expect(join.stats.watermark).toBe(10);
    expect(push("car1#0", 9, 1).late).toHaveLength(1);
    expect(push("car1#0", 11, 1).late).toEqual([]);
  });
});
