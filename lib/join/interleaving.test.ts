import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePairs } from "./compare-pairs";
import {
  arbitraryChoices,
  arbitraryFeed,
  type Feed,
  feedSize,
  interleave,
  newJoin,
  type RunSettings,
  runJoin,
  summarise,
} from "./join-fixtures";

// The property the platform Rhei replaces broke (300 interleavings of one input gave it 48 outputs): whatever order
// the partitions' records arrive in, the join emits the same pairs in the same order, and reports the same late records.

const sequential = (feed: Feed) => feed.queues.flat();

function fixedFeed(inputs: number, seed: number): Feed {
  const shape = { inputs, maxPartitions: 3, maxRecords: 70, allowedLatenessMs: 8, withLate: true };
  const feeds = fc.sample(arbitraryFeed(shape), { seed, numRuns: 40 });
  // The largest of a few samples, so that the fixed input has many records, ties and late ones.
  return feeds.reduce((a, b) => (feedSize(b) > feedSize(a) ? b : a));
}

describe.each([
  { inputs: 2, mode: "neighbours" as const },
  { inputs: 2, mode: "all" as const },
  { inputs: 3, mode: "neighbours" as const },
  { inputs: 3, mode: "all" as const },
])("a fixed input of $inputs inputs ($mode)", ({ inputs, mode }) => {
  const feed = fixedFeed(inputs, 20261203 + inputs);
  const settings: RunSettings = { toleranceMs: 10, allowedLatenessMs: 8, mode };
  const expected = summarise(runJoin(feed, sequential(feed), settings));

  it("has ties, late records and pairs to join", () => {
    expect(feed.partitions.flat().length).toBeGreaterThanOrEqual(inputs + 1);
    expect(expected.pairs.length).toBeGreaterThan(20);
    expect(expected.late.length).toBeGreaterThan(0);
    const times = feed.queues.flat().map((r) => r.time);
    expect(new Set(times).size).toBeLessThan(times.length);
  });

  it("gives one output, pair by pair, for 300 random interleavings", () => {
    fc.assert(
      fc.property(arbitraryChoices(feed), (choices) => {
        const actual = summarise(runJoin(feed, interleave(feed, choices), settings));
        expect(actual.pairs).toEqual(expected.pairs);
        expect(actual.late).toEqual(expected.late);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe("random inputs", () => {
  const shape = { inputs: 3, maxPartitions: 3, maxRecords: 15, allowedLatenessMs: 5, withLate: true };

  it("emit the same output for several interleavings each, in canonical order, batch after batch", () => {
    const cases = arbitraryFeed(shape).chain((feed) =>
      fc.tuple(
        fc.constant(feed),
        fc.array(arbitraryChoices(feed), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom("neighbours" as const, "all" as const),
      ),
    );
    fc.assert(
      fc.property(cases, ([feed, interleavings, toleranceMs, mode]) => {
        const settings: RunSettings = { toleranceMs, allowedLatenessMs: 5, mode };
        const expected = summarise(runJoin(feed, sequential(feed), settings));
        for (const choices of interleavings) {
          const join = newJoin(feed, settings);
          const emitted = [];
          for (const record of interleave(feed, choices)) {
            const { pairs } = join.push(record);
            // Every pair emitted is below the frontier that made it final.
            for (const pair of pairs) expect(pair.time).toBeLessThan(join.stats.watermark ?? Number.NaN);
            emitted.push(...pairs);
          }
          emitted.push(...join.flushAll().pairs);
          for (let i = 1; i < emitted.length; i++) {
            expect(comparePairs(emitted[i - 1] as never, emitted[i] as never)).toBeLessThan(0);
          }
          expect(summarise({ pairs: emitted, late: [] }).pairs).toEqual(expected.pairs);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
