import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryChoices, arbitraryFeed, type Feed, interleave, runJoin } from "./join-fixtures";
import type { JoinMode, JoinRecord } from "./types";

// The join against a brute-force definition over the whole input at once, written from the definition in
// docs/time-series-join.md without the engine's code: for inputs i < j, each record of one input pairs with every
// record of the other at its preceding time (greatest ≤ t) and at its succeeding time (least > t) when
// |Δt| ≤ tolerance; "all" pairs every two records with |Δt| ≤ tolerance. Pairs are sorted by
// (max time, left input, right input, left time, right time, left partition, left offset, right partition, right offset).

type R = JoinRecord<unknown>;
const offsetOf = (r: R) => BigInt(r.offset);
const byIdentity = (a: R, b: R) =>
  a.partition < b.partition ? -1 : a.partition > b.partition ? 1 : Number(offsetOf(a) - offsetOf(b));

function referencePairs(records: readonly R[], inputCount: number, toleranceMs: number, mode: JoinMode): string[] {
  const found = new Map<string, [R, R]>();
  const add = (a: R, b: R) => {
    const [l, r] = a.input < b.input ? [a, b] : [b, a];
    found.set(`${l.partition}@${offsetOf(l)}+${r.partition}@${offsetOf(r)}`, [l, r]);
  };
  const near = (a: R, b: R) => Math.abs(a.time - b.time) <= toleranceMs;
  for (let i = 0; i < inputCount; i++) {
    for (let j = i + 1; j < inputCount; j++) {
      const I = records.filter((r) => r.input === i);
      const J = records.filter((r) => r.input === j);
      if (mode === "all") {
        for (const a of I) for (const b of J) if (near(a, b)) add(a, b);
        continue;
      }
      for (const [mine, theirs] of [
        [I, J],
        [J, I],
      ] as const) {
        for (const a of mine) {
          const before = theirs.filter((b) => b.time <= a.time).map((b) => b.time);
          const after = theirs.filter((b) => b.time > a.time).map((b) => b.time);
          const preceding = before.length > 0 ? Math.max(...before) : undefined;
          const succeeding = after.length > 0 ? Math.min(...after) : undefined;
          for (const b of theirs) {
            if ((b.time === preceding || b.time === succeeding) && near(a, b)) add(a, b);
          }
        }
      }
    }
  }
  return [...found.entries()]
    .sort(([, [l1, r1]], [, [l2, r2]]) => {
      const key = (l: R, r: R) => [Math.max(l.time, r.time), l.input, r.input, l.time, r.time];
      const k1 = key(l1, r1);
      const k2 = key(l2, r2);
      for (let k = 0; k < k1.length; k++) if (k1[k] !== k2[k]) return (k1[k] as number) - (k2[k] as number);
      return byIdentity(l1, l2) || byIdentity(r1, r2);
    })
    .map(([key]) => key);
}

/** Late records by the definition: below the partition's greatest earlier non-late time − allowed lateness. */
function withoutLate(feed: Feed, allowedLatenessMs: number): R[] {
  return feed.queues.flatMap((queue) => {
    let max = Number.NEGATIVE_INFINITY;
    return queue.filter((r) => {
      if (r.time < max - allowedLatenessMs) return false;
      max = Math.max(max, r.time);
      return true;
    });
  });
}

const cases = (withLate: boolean) =>
  fc
    .record({
      inputs: fc.integer({ min: 2, max: 4 }),
      toleranceMs: fc.integer({ min: 0, max: 25 }),
      allowedLatenessMs: fc.integer({ min: 0, max: 10 }),
      mode: fc.constantFrom<JoinMode>("neighbours", "all"),
    })
    .chain((c) =>
      arbitraryFeed({
        inputs: c.inputs,
        maxPartitions: 3,
        maxRecords: 12,
        allowedLatenessMs: c.allowedLatenessMs,
        withLate,
      }).chain((feed) => fc.tuple(fc.constant(c), fc.constant(feed), arbitraryChoices(feed))),
    );

describe("the join against the offline definition", () => {
  it("emits exactly the reference pairs, in the reference order, for random inputs without late records", () => {
    fc.assert(
      fc.property(cases(false), ([c, feed, choices]) => {
        const settings = { toleranceMs: c.toleranceMs, allowedLatenessMs: c.allowedLatenessMs, mode: c.mode };
        const output = runJoin(feed, interleave(feed, choices), settings);
        expect(output.late).toEqual([]);
        expect(output.pairs.map((p) => p.key)).toEqual(
          referencePairs(feed.queues.flat(), c.inputs, c.toleranceMs, c.mode),
        );
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("with late records, emits the reference pairs of the records that were not late", () => {
    fc.assert(
      fc.property(cases(true), ([c, feed, choices]) => {
        const settings = { toleranceMs: c.toleranceMs, allowedLatenessMs: c.allowedLatenessMs, mode: c.mode };
        const output = runJoin(feed, interleave(feed, choices), settings);
        const kept = withoutLate(feed, c.allowedLatenessMs);
        expect(output.late.length).toBe(feed.queues.flat().length - kept.length);
        expect(output.pairs.map((p) => p.key)).toEqual(referencePairs(kept, c.inputs, c.toleranceMs, c.mode));
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
