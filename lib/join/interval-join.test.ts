import { describe, expect, it } from "vitest";
import { IntervalJoin } from "./interval-join";
import type { JoinMode, JoinPair, JoinStep } from "./types";

// Examples of docs/time-series-join.md: tolerance edges, ties, preceding and succeeding, lateness, emission, errors.

type P = string;

function twoCars(toleranceMs: number, mode: JoinMode = "neighbours", allowedLatenessMs = 0) {
  const join = new IntervalJoin<P>({ inputs: ["car1", "car2"], toleranceMs, allowedLatenessMs, mode });
  join.assignPartitions(0, ["car1#0"]);
  join.assignPartitions(1, ["car2#0"]);
  const offsets = new Map<string, bigint>();
  const push = (input: number, time: number, partition = input === 0 ? "car1#0" : "car2#0") => {
    const offset = offsets.get(partition) ?? 0n;
    offsets.set(partition, offset + 1n);
    return join.push({ input, partition, offset, time, payload: `${input === 0 ? "a" : "b"}${time}` });
  };
  return { join, push };
}

const show = (pairs: readonly JoinPair<P>[]) => pairs.map((p) => `${p.left.payload}-${p.right.payload}`);

/** Joins the two series completely and returns the pairs as "a<t>-b<t>". */
function joinSeries(toleranceMs: number, car1: number[], car2: number[], mode: JoinMode = "neighbours") {
  const { join, push } = twoCars(toleranceMs, mode);
  const pairs: JoinPair<P>[] = [];
  for (const t of car1) pairs.push(...push(0, t).pairs);
  for (const t of car2) pairs.push(...push(1, t).pairs);
  pairs.push(...join.flushAll().pairs);
  return show(pairs);
}

describe("tolerance edges", () => {
  it.each(["neighbours", "all"] as const)(
    "joins a gap of exactly the tolerance and of tolerance − 1, not + 1 (%s)",
    (mode) => {
      expect(joinSeries(10, [100], [110], mode)).toEqual(["a100-b110"]);
      expect(joinSeries(10, [100], [90], mode)).toEqual(["a100-b90"]);
      expect(joinSeries(10, [100], [109], mode)).toEqual(["a100-b109"]);
      expect(joinSeries(10, [100], [111], mode)).toEqual([]);
      expect(joinSeries(10, [100], [89], mode)).toEqual([]);
    },
  );

  it("with tolerance 0 joins equal times only", () => {
    expect(joinSeries(0, [100, 101], [100, 102])).toEqual(["a100-b100"]);
  });

  it("joins equal times once, with every record at that time", () => {
    const { join, push } = twoCars(5);
    push(0, 100);
    push(1, 100, "car2#0");
    const pairs = [...push(1, 100).pairs, ...join.flushAll().pairs];
    expect(show(pairs)).toEqual(["a100-b100", "a100-b100"]);
    expect(new Set(pairs.map((p) => p.key)).size).toBe(2);
  });
});

describe("preceding and succeeding records", () => {
  it("pairs each record with the other input's preceding (≤ t) and succeeding (> t) record within tolerance", () => {
    // car1 0 10 20, car2 5 12, tolerance 6: 0→5 (succeeding), 10→5 and 10→12, 20→12 is 8 ms away.
    expect(joinSeries(6, [0, 10, 20], [5, 12])).toEqual(["a0-b5", "a10-b5", "a10-b12"]);
  });

  it("takes the union of both directions: a record may be the succeeding record of several", () => {
    expect(joinSeries(10, [0, 1, 2], [3])).toEqual(["a0-b3", "a1-b3", "a2-b3"]);
    expect(joinSeries(10, [0, 1, 2], [3, 4])).toEqual(["a0-b3", "a1-b3", "a2-b3", "a2-b4"]);
  });

  it('"all" mode joins every record within the tolerance', () => {
    expect(joinSeries(10, [0, 1, 2], [3, 4], "all")).toEqual(["a0-b3", "a1-b3", "a2-b3", "a0-b4", "a1-b4", "a2-b4"]);
  });

  it("an equal-time record is the preceding one; the succeeding one is strictly later", () => {
    // car1 at 10; car2 at 10, 10 (ties) and 12: 10 pairs with both at 10; 12 is the succeeding of nothing in car1
    // but its preceding car1 record is 10.
    expect(joinSeries(5, [10], [10, 10, 12])).toEqual(["a10-b10", "a10-b10", "a10-b12"]);
    expect(joinSeries(5, [10, 10], [8])).toEqual(["a10-b8", "a10-b8"]);
  });
});

describe("emission", () => {
  it("emits a pair only once the joined watermark has passed its time, in canonical order", () => {
    const { join, push } = twoCars(10);
    expect(push(0, 0).pairs).toEqual([]);
    expect(push(1, 0).pairs).toEqual([]); // watermark 0: a pair at 0 could still lose to a record at 0
    expect(push(0, 4).pairs).toEqual([]); // car2 still at 0
    const step = push(1, 5); // watermark 4: pairs with time < 4
    expect(show(step.pairs)).toEqual(["a0-b0"]);
    expect(join.stats.watermark).toBe(4);
    // a0's succeeding car2 record is b5 (5 ms away), a4's preceding b0 and succeeding b5.
    expect(show(join.flushAll().pairs)).toEqual(["a4-b0", "a0-b5", "a4-b5"]);
  });

  it("reports pairs with both records, their inputs, time and a stable key", () => {
    const { join, push } = twoCars(10);
    push(1, 3);
    push(0, 7);
    const [pair] = join.flushAll().pairs;
    expect(pair).toMatchObject({
      leftInput: 0,
      rightInput: 1,
      time: 7,
      key: "car1#0@0+car2#0@0",
      left: { input: 0, partition: "car1#0", offset: "0", time: 7, payload: "a7" },
      right: { input: 1, partition: "car2#0", offset: "0", time: 3, payload: "b3" },
    });
  });

  it("refuses records after flushAll", () => {
    const { join, push } = twoCars(10);
    join.flushAll();
    expect(() => push(0, 1)).toThrow(/flushed/);
  });
});

describe("late records", () => {
  it("joins records behind but within the allowed lateness, and reports older ones without joining them", () => {
    const { join, push } = twoCars(10, "neighbours", 20);
    push(0, 100);
    expect(push(0, 80).late).toEqual([]); // exactly maxTime − lateness: on time
    const step: JoinStep<P> = push(0, 79);
    expect(step.late).toEqual([
      { input: 0, inputName: "car1", partition: "car1#0", offset: "2", time: 79, watermark: 80, payload: "a79" },
    ]);
    push(1, 85);
    expect(join.stats.latePerInput).toEqual([1, 0]);
    // a100 is 15 ms from b85, beyond the tolerance; a79 would have been b85's preceding record had it been on time.
    expect(show(join.flushAll().pairs)).toEqual(["a80-b85"]);
  });

  it("a late record does not move its partition's watermark", () => {
    const { join, push } = twoCars(10, "neighbours", 0);
    push(0, 100);
    push(0, 50);
    push(1, 100);
    expect(join.stats.watermarkPerInput).toEqual([100, 100]);
  });

  it("ignores a replayed offset and reports it as a duplicate", () => {
    const join = new IntervalJoin<P>({ inputs: ["car1", "car2"], toleranceMs: 10 });
    join.assignPartitions(0, ["car1#0"]);
    join.assignPartitions(1, ["car2#0"]);
    join.push({ input: 0, partition: "car1#0", offset: 7n, time: 1, payload: "a" });
    const step = join.push({ input: 0, partition: "car1#0", offset: "0007", time: 1, payload: "a" });
    expect(step.duplicates).toEqual([{ input: 0, inputName: "car1", partition: "car1#0", offset: "7", time: 1 }]);
    join.push({ input: 1, partition: "car2#0", offset: 0n, time: 2, payload: "b" });
    expect(join.flushAll().pairs).toHaveLength(1);
    expect(join.stats.duplicatesPerInput).toEqual([1, 0]);
  });
});

describe("more than two inputs", () => {
  it("joins every two inputs, left being the lower index", () => {
    const join = new IntervalJoin<P>({ inputs: ["car1", "car2", "weather"], toleranceMs: 5 });
    ["c1", "c2", "w"].forEach((p, i) => {
      join.assignPartitions(i, [p]);
    });
    join.push({ input: 2, partition: "w", offset: 0n, time: 10, payload: "w10" });
    join.push({ input: 1, partition: "c2", offset: 0n, time: 12, payload: "c2@12" });
    join.push({ input: 0, partition: "c1", offset: 0n, time: 11, payload: "c1@11" });
    join.push({ input: 0, partition: "c1", offset: 1n, time: 30, payload: "c1@30" });
    const pairs = join
      .flushAll()
      .pairs.map((p) => `${p.leftInput}${p.rightInput} ${p.left.payload}-${p.right.payload}`);
    expect(pairs).toEqual(["02 c1@11-w10", "01 c1@11-c2@12", "12 c2@12-w10"]);
  });
});

describe("partitions", () => {
  it("holds the join while a declared partition has no record", () => {
    const join = new IntervalJoin<P>({ inputs: ["car1", "car2"], toleranceMs: 5 });
    join.assignPartitions(0, ["car1#0", "car1#1"]);
    join.assignPartitions(1, ["car2#0"]);
    join.push({ input: 0, partition: "car1#0", offset: 0n, time: 1, payload: "a" });
    expect(join.push({ input: 1, partition: "car2#0", offset: 0n, time: 50, payload: "b" }).pairs).toEqual([]);
    expect(join.stats.watermarkPerInput).toEqual([null, 50]);
    join.push({ input: 0, partition: "car1#1", offset: 0n, time: 60, payload: "a" });
    expect(join.stats.watermark).toBe(1);
  });

  it("starts a partition assigned later at the current watermark", () => {
    const { join, push } = twoCars(5);
    push(0, 100);
    push(1, 100);
    join.assignPartitions(1, ["car2#1"]);
    expect(join.stats.watermark).toBe(100);
    expect(push(1, 99, "car2#1").late).toHaveLength(1);
  });

  it("refuses unassigned partitions, a partition of another input, bad times and offsets", () => {
    const { join } = twoCars(5);
    expect(() => join.push({ input: 0, partition: "x", offset: 0n, time: 1, payload: "" })).toThrow(/not assigned/);
    expect(() => join.push({ input: 1, partition: "car1#0", offset: 0n, time: 1, payload: "" })).toThrow(/belongs/);
    expect(() => join.push({ input: 0, partition: "car1#0", offset: 0n, time: Number.NaN, payload: "" })).toThrow(
      /finite time/,
    );
    expect(() => join.push({ input: 0, partition: "car1#0", offset: "-1", time: 1, payload: "" })).toThrow(/offset/);
    expect(() => join.assignPartitions(1, ["car1#0"])).toThrow(/already assigned/);
    expect(() => join.assignPartitions(2, ["z"])).toThrow(/No input 2/);
  });
});

describe("options", () => {
  it("are checked", () => {
    expect(() => new IntervalJoin({ inputs: ["a"], toleranceMs: 1 })).toThrow(/two or more/);
    expect(() => new IntervalJoin({ inputs: ["a", "a"], toleranceMs: 1 })).toThrow(/twice/);
    expect(() => new IntervalJoin({ inputs: ["a", "b"], toleranceMs: -1 })).toThrow(/toleranceMs/);
    expect(() => new IntervalJoin({ inputs: ["a", "b"], toleranceMs: 1, allowedLatenessMs: Number.NaN })).toThrow(
      /allowedLatenessMs/,
    );
    expect(() => new IntervalJoin({ inputs: ["a", "b"], toleranceMs: 1, mode: "x" as never })).toThrow(/mode/);
  });
});
