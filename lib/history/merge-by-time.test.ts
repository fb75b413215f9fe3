import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareTraceKeys, mergeAsync, mergeSorted, type TraceKey } from "./merge-by-time";
import { MinHeap } from "./min-heap";

type Rec = TraceKey & { id: number };

// Few distinct values per field, so ties in time (and deeper) are common.
const keyArb: fc.Arbitrary<TraceKey> = fc.record({
  time: fc.integer({ min: 0, max: 5 }),
  name: fc.constantFrom("cz.icecars.fleet.Car1.Speed", "cz.icecars.fleet.Car1.Temp", "cz.icecars.fleet.Car2.Speed"),
  topic: fc.constantFrom("cz.icecars.fleet.data", "cz.icecars.fleet.ext"),
  partition: fc.integer({ min: 0, max: 2 }),
  offset: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
});

/** Records dealt to k sources at random, each source then sorted (stably) by the trace order. */
const partitioned = fc
  .tuple(fc.array(fc.tuple(keyArb, fc.nat({ max: 4 })), { maxLength: 80 }), fc.integer({ min: 1, max: 5 }))
  .map(([entries, k]) => {
    const sources: Rec[][] = Array.from({ length: k }, () => []);
    entries.forEach(([key, s], id) => {
      sources[s % k]?.push({ ...key, id });
    });
    for (const s of sources) s.sort(compareTraceKeys);
    return sources;
  });

/** The expected result: the concatenation in source order, stably sorted. */
const sortedWhole = (sources: Rec[][]) => sources.flat().sort(compareTraceKeys);

async function* slowly<T>(items: T[], pulled: { count: number }): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    pulled.count++;
    yield item;
  }
}

describe("compareTraceKeys", () => {
  it("orders by time, name, topic, partition, then offset as a 64-bit integer", () => {
    const k = { time: 1, name: "a", topic: "t", partition: 0, offset: "9" };
    expect(compareTraceKeys(k, { ...k, offset: "10" })).toBeLessThan(0);
    expect(compareTraceKeys(k, { ...k, partition: 1, offset: "0" })).toBeLessThan(0);
    expect(compareTraceKeys({ ...k, topic: "u" }, { ...k, partition: 9 })).toBeGreaterThan(0);
    expect(compareTraceKeys({ ...k, name: "B" }, { ...k, name: "a" })).toBeLessThan(0); // code units, not locale
    expect(compareTraceKeys({ ...k, time: 0 }, { ...k, name: "0" })).toBeLessThan(0);
    expect(compareTraceKeys(k, { ...k, offset: "09" })).toBe(0);
    expect(compareTraceKeys(k, { ...k })).toBe(0);
  });

  it("compares offsets exactly like BigInt, including above 2^53", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.bigInt({ min: 0n, max: 2n ** 64n }), (a, b) => {
        const k = { time: 0, name: "n", topic: "t", partition: 0 };
        const c = compareTraceKeys({ ...k, offset: String(a) }, { ...k, offset: String(b) });
        expect(Math.sign(c)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe("MinHeap", () => {
  it("pops in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (xs) => {
        const heap = new MinHeap<number>((a, b) => a - b);
        for (const x of xs) heap.push(x);
        const out: number[] = [];
        while (heap.size > 0) out.push(heap.pop() as number);
        expect(out).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });
});

describe("mergeSorted", () => {
  it("equals the sorted whole for any partitioning into sorted sources, ties in source order", () => {
    fc.assert(
      fc.property(partitioned, (sources) => {
        expect([...mergeSorted(sources, compareTraceKeys)]).toEqual(sortedWhole(sources));
      }),
    );
  });

  it("handles no sources, empty sources and one source", () => {
    expect([...mergeSorted([], (a: number, b: number) => a - b)]).toEqual([]);
    expect([...mergeSorted([[], [1, 3], []], (a, b) => a - b)]).toEqual([1, 3]);
  });

  it("refuses an unsorted source and closes the others when the consumer stops", () => {
    expect(() => [...mergeSorted([[1, 0], [2]], (a, b) => a - b)]).toThrow(/source 0 is not sorted/);
    let closed = 0;
    function* counting() {
      try {
        yield* [1, 2, 3];
      } finally {
        closed++;
      }
    }
    for (const x of mergeSorted([counting(), counting()], (a, b) => a - b)) if (x === 1) break;
    expect(closed).toBe(2);
  });
});

describe("mergeAsync", () => {
  it("equals the sorted whole for any partitioning into sorted async sources", async () => {
    await fc.assert(
      fc.asyncProperty(partitioned, async (sources) => {
        const pulled = { count: 0 };
        const out: Rec[] = [];
        for await (const r of mergeAsync(
          sources.map((s) => slowly(s, pulled)),
          compareTraceKeys,
        ))
          out.push(r);
        expect(out).toEqual(sortedWhole(sources));
      }),
    );
  });

  it("pulls lazily: at most one item ahead per source", async () => {
    const pulled = { count: 0 };
    const sources = [0, 1, 2].map((s) =>
      slowly(
        Array.from({ length: 1000 }, (_, i) => i * 3 + s),
        pulled,
      ),
    );
    const merged = mergeAsync(sources, (a, b) => a - b);
    for (let i = 0; i < 10; i++) expect((await merged.next()).value).toBe(i);
    expect(pulled.count).toBeLessThanOrEqual(10 + 3);
    await merged.return(undefined);
  });

  it("accepts sync iterables, refuses an unsorted source and closes the others on failure", async () => {
    let closed = false;
    async function* other() {
      try {
        yield 0;
        yield 10;
      } finally {
        closed = true;
      }
    }
    const run = async () => {
      for await (const _ of mergeAsync<number>([[1, 0], other()], (a, b) => a - b)) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow(/source 0 is not sorted/);
    expect(closed).toBe(true);
  });
});
