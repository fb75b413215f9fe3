import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addSample,
  aggregateByBuckets,
  aggregateOf,
  createBucketAggregator,
  emptyAggregate,
  meanOf,
  mergeAggregates,
} from "./aggregate";

// Integer values keep sums exact, so split-and-merge must equal the whole exactly; times repeat on purpose.
const samples = fc.array(fc.record({ t: fc.integer({ min: 0, max: 40 }), v: fc.integer({ min: -1e6, max: 1e6 }) }), {
  maxLength: 60,
});

describe("aggregates", () => {
  it("accumulates count, sum, min/max with their times, first/last and mean", () => {
    const a = aggregateOf([
      { t: 10, v: 3 },
      { t: 11, v: -2 },
      { t: 12, v: 8 },
      { t: 13, v: 8 },
      { t: 14, v: -2 },
    ]);
    expect(a).toEqual({
      count: 5,
      sum: 15,
      min: -2,
      minT: 11,
      max: 8,
      maxT: 12,
      first: 3,
      firstT: 10,
      last: -2,
      lastT: 14,
    });
    expect(meanOf(a)).toBe(3);
    expect(meanOf(emptyAggregate())).toBeNaN();
  });

  it("ignores non-finite values and times", () => {
    const a = emptyAggregate();
    addSample(a, 1, Number.NaN);
    addSample(a, 2, Number.POSITIVE_INFINITY);
    addSample(a, Number.NaN, 1);
    expect(a).toEqual(emptyAggregate());
    addSample(a, 3, 4);
    expect(a.count).toBe(1);
  });

  it("merging the aggregates of any split equals the aggregate of the whole, in any order and grouping", () => {
    fc.assert(
      fc.property(samples, fc.array(fc.nat({ max: 2 }), { maxLength: 60 }), (all, parts) => {
        const groups: (typeof all)[] = [[], [], []];
        for (const [i, p] of all.entries()) groups[parts[i] ?? 0]?.push(p);
        const [a, b, c] = groups.map(aggregateOf) as [
          ReturnType<typeof aggregateOf>,
          ReturnType<typeof aggregateOf>,
          ReturnType<typeof aggregateOf>,
        ];
        const whole = aggregateOf(all);
        expect(mergeAggregates(mergeAggregates(a, b), c)).toEqual(whole);
        expect(mergeAggregates(a, mergeAggregates(b, c))).toEqual(whole);
        expect(mergeAggregates(c, mergeAggregates(b, a))).toEqual(whole);
        expect(aggregateOf([...all].reverse())).toEqual(whole);
      }),
    );
  });

  it("merges floating-point sums within rounding", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 50 }), fc.nat(), (vs, cut) => {
        const points = vs.map((v, t) => ({ t, v }));
        const k = vs.length === 0 ? 0 : cut % vs.length;
        const merged = mergeAggregates(aggregateOf(points.slice(0, k)), aggregateOf(points.slice(k)));
        const whole = aggregateOf(points);
        expect(merged.sum).toBeCloseTo(whole.sum, 3);
        expect({ ...merged, sum: 0 }).toEqual({ ...whole, sum: 0 });
      }),
    );
  });

  it("aggregates per bucket in one pass, empty buckets included, samples outside all buckets ignored", () => {
    const rows = aggregateByBuckets(
      [
        { t: -1, v: 100 },
        { t: 0, v: 1 },
        { t: 9, v: 3 },
        { t: 25, v: 5 },
        { t: 30, v: 100 },
      ],
      [
        { start: 0, end: 10 },
        { start: 10, end: 20 },
        { start: 20, end: 30 },
      ],
    );
    expect(rows.map((r) => [r.start, r.count, r.sum])).toEqual([
      [0, 2, 4],
      [10, 0, 0],
      [20, 1, 5],
    ]);
    expect(() =>
      aggregateByBuckets(
        [
          { t: 2, v: 0 },
          { t: 1, v: 0 },
        ],
        [{ start: 0, end: 5 }],
      ),
    ).toThrow(/sorted/);
    expect(() =>
      createBucketAggregator([
        { start: 0, end: 5 },
        { start: 4, end: 6 },
      ]),
    ).toThrow(/before the previous/);
  });

  it("per-second rollups merged into minutes equal aggregating the raw samples per minute", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 179_999 }), v: fc.integer({ min: -99, max: 99 }) })),
        (raw) => {
          const points = raw.sort((a, b) => a.t - b.t);
          const seconds = Array.from({ length: 180 }, (_, i) => ({ start: i * 1000, end: (i + 1) * 1000 }));
          const minutes = Array.from({ length: 3 }, (_, i) => ({ start: i * 60_000, end: (i + 1) * 60_000 }));
          const rollups = aggregateByBuckets(points, seconds);
          const fromRollups = minutes.map((m) =>
            rollups.filter((r) => r.start >= m.start && r.end <= m.end).reduce(mergeAggregates, emptyAggregate()),
          );
          const direct = aggregateByBuckets(points, minutes).map(({ start: _s, end: _e, ...a }) => a);
          expect(fromRollups.map(({ start: _s, end: _e, ...a }: Record<string, number>) => a)).toEqual(direct);
        },
      ),
    );
  });
});
