import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntervalJoin } from "./interval-join";
import {
  arbitraryChoices,
  arbitraryFeed,
  feedSize,
  interleave,
  newJoin,
  type Payload,
  type RunSettings,
  runJoin,
  summarise,
} from "./join-fixtures";
import type { JoinState } from "./join-state";
import type { JoinPair, JoinRecord } from "./types";

// The worker checkpoints snapshot() in the transaction that writes the pairs; killed and restarted, it restores the
// last snapshot and reads on from the offsets committed with it. The output must be that of an uninterrupted run.

const roundTrip = <T>(state: JoinState<T>) => JSON.parse(JSON.stringify(state)) as JoinState<T>;

describe("snapshot and restore", () => {
  const shape = { inputs: 3, maxPartitions: 2, maxRecords: 30, allowedLatenessMs: 6, withLate: true };
  const feed = fc
    .sample(arbitraryFeed(shape), { seed: 99, numRuns: 20 })
    .reduce((a, b) => (feedSize(b) > feedSize(a) ? b : a));
  const records = interleave(feed, fc.sample(arbitraryChoices(feed), { seed: 5, numRuns: 1 })[0] as number[]);

  it.each(["neighbours", "all"] as const)("at every k gives the uninterrupted output (%s)", (mode) => {
    const settings: RunSettings = { toleranceMs: 12, allowedLatenessMs: 6, mode };
    const expected = summarise(runJoin(feed, records, settings));
    expect(expected.pairs.length).toBeGreaterThan(20);
    for (let k = 0; k <= records.length; k++) {
      expect(summarise(runJoin(feed, records, settings, new Set([k])))).toEqual(expected);
    }
  });

  it("after several restarts at random points gives the uninterrupted output, for random inputs", () => {
    const cases = arbitraryFeed({ ...shape, maxRecords: 15, allowedLatenessMs: 4 }).chain((f) =>
      fc.tuple(
        fc.constant(f),
        arbitraryChoices(f),
        fc.uniqueArray(fc.nat({ max: feedSize(f) }), { maxLength: 5 }),
        fc.constantFrom("neighbours" as const, "all" as const),
        fc.integer({ min: 0, max: 20 }),
      ),
    );
    fc.assert(
      fc.property(cases, ([f, choices, restarts, mode, toleranceMs]) => {
        const settings: RunSettings = { toleranceMs, allowedLatenessMs: 4, mode };
        const order = interleave(f, choices);
        expect(summarise(runJoin(f, order, settings, new Set(restarts)))).toEqual(
          summarise(runJoin(f, order, settings)),
        );
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("keeps idleness, its clocks and the counters across a restart", () => {
    type Op = { kind: "push"; record: JoinRecord<Payload>; now: number } | { kind: "idle"; now: number };
    const ops: Op[] = [];
    let now = 0;
    records.forEach((record, i) => {
      now += 100;
      // car3 falls silent for the middle third of the records (its records then are lost, as if never produced), is
      // declared idle, and wakes up behind the watermark; the worker advances idleness every fifth record.
      const silent = record.input === 2 && i >= records.length / 3 && i < (2 * records.length) / 3;
      if (!silent) ops.push({ kind: "push", record, now });
      if (i % 5 === 0) ops.push({ kind: "idle", now });
    });
    const settings: RunSettings = { toleranceMs: 12, allowedLatenessMs: 6, idleTimeoutMs: 1_000 };
    const run = (restartAt: number) => {
      let join = newJoin(feed, settings);
      const pairs: JoinPair<Payload>[] = [];
      const late: string[] = [];
      ops.forEach((op, i) => {
        if (i === restartAt) {
          const before = join.stats;
          join = IntervalJoin.restore(roundTrip(join.snapshot()), { inputs: feed.inputs, ...settings });
          expect(join.stats).toEqual(before);
        }
        const step = op.kind === "push" ? join.push(op.record, op.now) : join.advanceIdle(op.now);
        pairs.push(...step.pairs);
        late.push(...step.late.map((l) => l.payload.label));
      });
      pairs.push(...join.flushAll().pairs);
      return { pairs: pairs.map((p) => p.key), late, stats: join.stats };
    };
    const expected = run(-1);
    expect(expected.stats.latePerInput[2]).toBeGreaterThan(2);
    for (let k = 0; k < ops.length; k++) expect(run(k)).toEqual(expected);
  });

  it("is plain JSON, with bigint offsets as decimal text and −∞ as null", () => {
    const join = newJoin(feed, { toleranceMs: 5 });
    const first = records[0] as JoinRecord<Payload>;
    join.push({ ...first, offset: 12345678901234567890n });
    const state = join.snapshot();
    expect(roundTrip(state)).toEqual(state);
    expect(state.buffers[first.input]?.[0]?.offset).toBe("12345678901234567890");
    expect(state.frontier).toBeNull();
    expect(state.partitions.find((p) => p.name !== first.partition)?.maxTime).toBeNull();
  });

  it("refuses a snapshot of a join with other semantics; the idle timeout may change", () => {
    const join = newJoin(feed, { toleranceMs: 5, allowedLatenessMs: 6 });
    const state = roundTrip(join.snapshot());
    const inputs = feed.inputs;
    expect(() => IntervalJoin.restore(state, { inputs, toleranceMs: 6, allowedLatenessMs: 6 })).toThrow(/toleranceMs/);
    expect(() => IntervalJoin.restore(state, { inputs, toleranceMs: 5 })).toThrow(/allowedLatenessMs/);
    expect(() => IntervalJoin.restore(state, { inputs, toleranceMs: 5, allowedLatenessMs: 6, mode: "all" })).toThrow(
      /mode/,
    );
    expect(() =>
      IntervalJoin.restore(state, { inputs: [...inputs].reverse(), toleranceMs: 5, allowedLatenessMs: 6 }),
    ).toThrow(/joins/);
    expect(() => IntervalJoin.restore({ ...state, version: 2 as never }, { inputs, toleranceMs: 5 })).toThrow(
      /version/,
    );
    const restored = IntervalJoin.restore(state, { inputs, toleranceMs: 5, allowedLatenessMs: 6, idleTimeoutMs: 10 });
    expect(restored.stats).toEqual(join.stats);
  });

  it("of a flushed join restores a flushed join", () => {
    const join = newJoin(feed, { toleranceMs: 5 });
    join.flushAll();
    const restored = IntervalJoin.restore(roundTrip(join.snapshot()), { inputs: feed.inputs, toleranceMs: 5 });
    expect(() => restored.push(records[0] as JoinRecord<Payload>)).toThrow(/flushed/);
    expect(restored.flushAll().pairs).toEqual([]);
  });
});
