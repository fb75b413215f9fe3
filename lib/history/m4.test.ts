import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateByBuckets } from "./aggregate";
import { type M4Options, m4, m4Buckets, m4Column } from "./m4";
import type { TimePoint } from "./time-point";

const sortedPoints = (maxT: number, options: { unique?: boolean } = {}) =>
  fc
    .array(fc.record({ t: fc.integer({ min: -50, max: maxT + 50 }), v: fc.integer({ min: -1000, max: 1000 }) }), {
      maxLength: 300,
    })
    .map((ps) => {
      const sorted = ps.sort((a, b) => a.t - b.t);
      return options.unique ? sorted.filter((p, i) => i === 0 || p.t !== (sorted[i - 1] as TimePoint).t) : sorted;
    });

const optionsArb = fc
  .record({
    from: fc.integer({ min: 0, max: 500 }),
    span: fc.integer({ min: 1, max: 2000 }),
    width: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ from, span, width }): M4Options => ({ from, to: from + span, width }));

/** The input split into columns the way a reference implementation would, by index. */
function columnsOf(points: readonly TimePoint[], options: M4Options): Map<number, TimePoint[]> {
  const columns = new Map<number, TimePoint[]>();
  for (const p of points) {
    const c = m4Column(p.t, options);
    if (c >= 0) columns.set(c, [...(columns.get(c) ?? []), p]);
  }
  return columns;
}

describe("m4", () => {
  it("keeps first, last, min and max of every column, at most 4 per column, a sorted subset of the input", () => {
    fc.assert(
      fc.property(sortedPoints(2500), optionsArb, (points, options) => {
        const out = m4(points, options);
        const expected = columnsOf(points, options);
        const got = columnsOf(out, options);
        expect([...got.keys()]).toEqual([...expected.keys()]);
        for (const [c, all] of expected) {
          const kept = got.get(c) ?? [];
          expect(kept.length).toBeLessThanOrEqual(4);
          expect(kept).toContain(all[0]);
          expect(kept).toContain(all.at(-1));
          expect(kept.map((p) => p.v)).toContain(Math.min(...all.map((p) => p.v)));
          expect(kept.map((p) => p.v)).toContain(Math.max(...all.map((p) => p.v)));
        }
        let previous = -1;
        for (const p of out) {
          const index = points.indexOf(p);
          expect(index).toBeGreaterThan(previous); // a subset, same objects, in input order, each once
          previous = index;
        }
        expect(out.length).toBeLessThanOrEqual(4 * options.width);
      }),
    );
  });

  it("emits a sample that is both first and min once, and columns without samples emit nothing", () => {
    const points = [
      { t: 0, v: 1 },
      { t: 1, v: 5 },
      { t: 2, v: 3 },
      { t: 30, v: 7 },
    ];
    expect(m4(points, { from: 0, to: 40, width: 4 })).toEqual([points[0], points[1], points[2], points[3]]);
    expect(m4(points, { from: 0, to: 40, width: 4 }).filter((p) => p === points[0])).toHaveLength(1);
  });

  it("handles width 1, huge widths, empty input and samples outside the range", () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ t: i, v: Math.sin(i) }));
    const one = m4(points, { from: 0, to: 1000, width: 1 });
    expect(one.length).toBe(4);
    expect(one[0]).toBe(points[0]);
    expect(one.at(-1)).toBe(points[999]);
    expect(m4(points, { from: 0, to: 1000, width: 1_000_000_000 })).toEqual(points);
    expect(m4([], { from: 0, to: 10, width: 3 })).toEqual([]);
    expect(m4(points, { from: 2000, to: 3000, width: 3 })).toEqual([]);
    expect(m4(points, { from: 10, to: 20, width: 100 })).toEqual(points.slice(10, 20));
  });

  it("skips non-finite values and refuses unsorted input and bad options", () => {
    const points = [
      { t: 0, v: Number.NaN },
      { t: 1, v: 2 },
    ];
    expect(m4(points, { from: 0, to: 2, width: 1 })).toEqual([points[1]]);
    expect(() =>
      m4(
        [
          { t: 2, v: 0 },
          { t: 1, v: 0 },
        ],
        { from: 0, to: 3, width: 1 },
      ),
    ).toThrow(/sorted/);
    expect(() => m4([{ t: Number.NaN, v: 0 }], { from: 0, to: 3, width: 1 })).toThrow(/sorted/);
    expect(() => m4([], { from: 3, to: 3, width: 1 })).toThrow(RangeError);
    expect(() => m4([], { from: 0, to: 3, width: 0 })).toThrow(RangeError);
    expect(() => m4([], { from: 0, to: 3, width: 1.5 })).toThrow(RangeError);
  });

  it("downsamples a million samples in one linear pass", () => {
    const n = 1_000_000;
    const points = Array.from({ length: n }, (_, i) => ({ t: i * 10, v: Math.sin(i / 1000) + (i % 7) / 10 }));
    const started = performance.now();
    const out = m4(points, { from: 0, to: n * 10, width: 1500 });
    expect(performance.now() - started).toBeLessThan(2000); // ~20 ms warm; generous for a shared machine
    expect(out.length).toBeLessThanOrEqual(6000);
    expect(out.length).toBeGreaterThan(4000);
  });
});

describe("m4Buckets", () => {
  it("equals M4 over the raw samples when column edges are bucket edges", () => {
    fc.assert(
      fc.property(
        sortedPoints(2000, { unique: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (points, width, bucketsPerColumn, bucketMs) => {
          const columnMs = bucketsPerColumn * bucketMs;
          const options = { from: 0, to: width * columnMs, width };
          const buckets = Array.from({ length: width * bucketsPerColumn }, (_, i) => ({
            start: i * bucketMs,
            end: (i + 1) * bucketMs,
          }));
          const rollups = aggregateByBuckets(points, buckets);
          const fromRaw = m4(points, options).map(({ t, v }) => ({ t, v }));
          expect(m4Buckets(rollups, options)).toEqual(fromRaw);
        },
      ),
    );
  });

  it("with buckets straddling columns: keeps sorted real samples, ≤ 4 per column, every extreme once", () => {
    fc.assert(
      fc.property(sortedPoints(2000), optionsArb, fc.integer({ min: 1, max: 97 }), (points, options, bucketMs) => {
        const buckets = [];
        for (let s = options.from; s < options.to; s += bucketMs) buckets.push({ start: s, end: s + bucketMs });
        const rollups = aggregateByBuckets(points, buckets);
        const out = m4Buckets(rollups, options);
        const samples = new Set(points.map((p) => `${p.t}:${p.v}`));
        for (const p of out) expect(samples.has(`${p.t}:${p.v}`)).toBe(true);
        for (let i = 1; i < out.length; i++)
          expect((out[i] as TimePoint).t).toBeGreaterThanOrEqual((out[i - 1] as TimePoint).t);
        const perColumn = new Map<number, number>();
        for (const b of rollups) {
          if (b.count === 0) continue;
          const c = m4Column(b.start, options);
          perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
        }
        expect(out.length).toBeLessThanOrEqual(4 * perColumn.size);
        const values = out.map((p) => p.v);
        for (const b of rollups) {
          if (b.count > 0 && b.start >= options.from) {
            expect(Math.min(...values)).toBeLessThanOrEqual(b.min);
            expect(Math.max(...values)).toBeGreaterThanOrEqual(b.max);
          }
        }
      }),
    );
  });

  it("skips empty buckets and buckets starting outside the range, and refuses overlapping buckets", () => {
    const rollups = aggregateByBuckets(
      [
        { t: 5, v: 1 },
        { t: 25, v: 2 },
        { t: 26, v: 9 },
      ],
      [
        { start: 0, end: 10 },
        { start: 10, end: 20 },
        { start: 20, end: 30 },
      ],
    );
    expect(m4Buckets(rollups, { from: 0, to: 30, width: 3 })).toEqual([
      { t: 5, v: 1 },
      { t: 25, v: 2 },
      { t: 26, v: 9 },
    ]);
    expect(m4Buckets(rollups, { from: 10, to: 30, width: 1 })).toEqual([
      { t: 25, v: 2 },
      { t: 26, v: 9 },
    ]);
    expect(m4Buckets([], { from: 0, to: 1, width: 1 })).toEqual([]);
    const [a, b] = rollups as [(typeof rollups)[number], (typeof rollups)[number]];
    expect(() => m4Buckets([a, { ...b, start: 5 }], { from: 0, to: 30, width: 3 })).toThrow(/before the previous/);
  });
});
