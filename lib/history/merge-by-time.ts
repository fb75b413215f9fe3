// k-way merge of sources that are each sorted already (per datastream, per partition) into one sequence in
// phenomenon-time order, through a binary heap holding one head per source: O(n log k), memory O(k).
import { compareCodeUnits } from "@/lib/canonical-json";
import { MinHeap } from "./min-heap";

/** Where a trace record sits in the total order of a merged trace. `offset` is a Kafka offset in decimal. */
export type TraceKey = { time: number; name: string; topic: string; partition: number; offset: string };

/**
 * The total order of trace records: phenomenon time (epoch ms), datastream fullName, topic (both in code-unit
 * order, the same on every machine), partition, then offset compared as a 64-bit integer ("10" after "9").
 */
export function compareTraceKeys(a: TraceKey, b: TraceKey): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.name !== b.name) return compareCodeUnits(a.name, b.name);
  if (a.topic !== b.topic) return compareCodeUnits(a.topic, b.topic);
  if (a.partition !== b.partition) return a.partition < b.partition ? -1 : 1;
  return compareOffsets(a.offset, b.offset);
}

/** Decimal offsets as integers: shorter canonical numbers are smaller; BigInt only for unusual spellings. */
function compareOffsets(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length && a[0] !== "0" && b[0] !== "0" && a[0] !== "-" && b[0] !== "-") {
    return a.length < b.length ? -1 : 1;
  }
  if (a.length === b.length && a[0] !== "-" && b[0] !== "-") return compareCodeUnits(a, b);
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

type Head<T> = { value: T; source: number };

function headOrder<T>(compare: (a: T, b: T) => number): (a: Head<T>, b: Head<T>) => number {
  // Ties go to the lower source index, so equal keys come out in source order, then in each source's own order.
  return (a, b) => compare(a.value, b.value) || a.source - b.source;
}

function outOfOrder(source: number): RangeError {
  return new RangeError(`mergeSorted: source ${source} is not sorted by the merge order`);
}

/**
 * Merges sources each sorted by `compare` into one sorted sequence, lazily. Stable and deterministic: equal
 * items keep source order, then their order within the source. A source that steps back throws a RangeError
 * (silently unsorted output would break keyset paging). Stopping early closes every source's iterator.
 */
export function* mergeSorted<T>(sources: readonly Iterable<T>[], compare: (a: T, b: T) => number): Generator<T, void> {
  const iterators = sources.map((s) => s[Symbol.iterator]());
  const open = iterators.map(() => true);
  const heap = new MinHeap<Head<T>>(headOrder(compare));
  try {
    iterators.forEach((it, source) => {
      const r = it.next();
      if (r.done) open[source] = false;
      else heap.push({ value: r.value, source });
    });
    for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
      const value = top.value;
      yield value;
      const r = (iterators[top.source] as Iterator<T>).next();
      if (r.done) {
        open[top.source] = false;
        heap.pop();
      } else {
        if (compare(value, r.value) > 0) throw outOfOrder(top.source);
        top.value = r.value;
        heap.replaceTop(top);
      }
    }
  } finally {
    iterators.forEach((it, source) => {
      if (open[source]) it.return?.();
    });
  }
}

/**
 * mergeSorted over async sources (sync iterables are accepted too). Pulls lazily: it asks a source for its next
 * item only after emitting its current one, so memory stays at one head per source however long the sources
 * are; the first heads are requested from all sources at once. Stopping early or a failing source closes the
 * other sources.
 */
export async function* mergeAsync<T>(
  sources: readonly (AsyncIterable<T> | Iterable<T>)[],
  compare: (a: T, b: T) => number,
): AsyncGenerator<T, void> {
  const iterators = sources.map((s): AsyncIterator<T> | Iterator<T> =>
    Symbol.asyncIterator in s ? s[Symbol.asyncIterator]() : s[Symbol.iterator](),
  );
  const open = iterators.map(() => true);
  const heap = new MinHeap<Head<T>>(headOrder(compare));
  try {
    const firsts = await Promise.all(iterators.map((it) => it.next()));
    firsts.forEach((r, source) => {
      if (r.done) open[source] = false;
      else heap.push({ value: r.value, source });
    });
    for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
      const value = top.value;
      yield value;
      const r = await (iterators[top.source] as AsyncIterator<T>).next();
      if (r.done) {
        open[top.source] = false;
        heap.pop();
      } else {
        if (compare(value, r.value) > 0) throw outOfOrder(top.source);
        top.value = r.value;
        heap.replaceTop(top);
      }
    }
  } finally {
    await Promise.allSettled(iterators.map((it, source) => (open[source] ? it.return?.() : undefined)));
  }
}
