// Mergeable aggregates of (t, v) samples: raw samples fold into per-bucket aggregates, and aggregates fold into
// coarser ones (per-second rollups into minutes, or stored rollups plus a raw tail not rolled up yet).
import type { TimePoint } from "./time-point";

/**
 * count and sum of the values; the minimum and maximum with the time they occurred; the first and last sample.
 * Ties are broken so that the result doesn't depend on the order samples or aggregates are combined in: min and
 * max keep the earliest time, first is the smallest (t, v) and last the largest (t, v). An empty aggregate has
 * count 0, sum 0, min +Infinity, max -Infinity and NaN for the rest (JSON would turn these into null: check
 * count before storing or sending one).
 */
export type Aggregate = {
  count: number;
  sum: number;
  min: number;
  minT: number;
  max: number;
  maxT: number;
  first: number;
  firstT: number;
  last: number;
  lastT: number;
};

/** The aggregate of the samples with start ≤ t < end: a rollup row, or one output row of aggregateByBuckets. */
export type BucketAggregate = Aggregate & { start: number; end: number };

export function emptyAggregate(): Aggregate {
  return {
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    minT: Number.NaN,
    max: Number.NEGATIVE_INFINITY,
    maxT: Number.NaN,
    first: Number.NaN,
    firstT: Number.NaN,
    last: Number.NaN,
    lastT: Number.NaN,
  };
}

/**
 * Adds one sample to `into` in place (allocation-free, for streaming). Values must be numbers: a caller that
 * charts booleans passes 0/1 itself. Samples whose t or v is not finite are ignored (not counted), so one bad
 * record can't turn a sum into NaN; a caller that must report them counts them separately.
 */
export function addSample(into: Aggregate, t: number, v: number): void {
  if (!Number.isFinite(v) || !Number.isFinite(t)) return;
  if (into.count === 0) {
    into.count = 1;
    into.sum = v;
    into.min = into.max = into.first = into.last = v;
    into.minT = into.maxT = into.firstT = into.lastT = t;
    return;
  }
  into.count++;
  into.sum += v;
  if (v < into.min || (v === into.min && t < into.minT)) {
    into.min = v;
    into.minT = t;
  }
  if (v > into.max || (v === into.max && t < into.maxT)) {
    into.max = v;
    into.maxT = t;
  }
  if (t < into.firstT || (t === into.firstT && v < into.first)) {
    into.first = v;
    into.firstT = t;
  }
  if (t > into.lastT || (t === into.lastT && v > into.last)) {
    into.last = v;
    into.lastT = t;
  }
}

/** The aggregate of the samples in [points]. */
export function aggregateOf(points: Iterable<TimePoint>): Aggregate {
  const a = emptyAggregate();
  for (const p of points) addSample(a, p.t, p.v);
  return a;
}

/**
 * The aggregate of the union of the samples behind a and b (a new object). Associative and commutative: every
 * field is a minimum or maximum under a total order, except sum, which is a floating-point sum (exact for
 * integers below 2^53; otherwise combining in a different order can differ by rounding, n·ε·Σ|v| at worst).
 */
export function mergeAggregates(a: Aggregate, b: Aggregate): Aggregate {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const minFromA = a.min < b.min || (a.min === b.min && a.minT <= b.minT);
  const maxFromA = a.max > b.max || (a.max === b.max && a.maxT <= b.maxT);
  const firstFromA = a.firstT < b.firstT || (a.firstT === b.firstT && a.first <= b.first);
  const lastFromA = a.lastT > b.lastT || (a.lastT === b.lastT && a.last >= b.last);
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    min: minFromA ? a.min : b.min,
    minT: minFromA ? a.minT : b.minT,
    max: maxFromA ? a.max : b.max,
    maxT: maxFromA ? a.maxT : b.maxT,
    first: firstFromA ? a.first : b.first,
    firstT: firstFromA ? a.firstT : b.firstT,
    last: lastFromA ? a.last : b.last,
    lastT: lastFromA ? a.lastT : b.lastT,
  };
}

/** The arithmetic mean, NaN when empty. */
export function meanOf(a: Aggregate): number {
  return a.count === 0 ? Number.NaN : a.sum / a.count;
}

/**
 * A streaming aggregator over buckets sorted by start and non-overlapping (gaps allowed), e.g. from bucketsIn.
 * Feed samples sorted by t (a step back throws); samples outside every bucket are ignored. O(samples + buckets).
 * `result()` returns one row per bucket, empty ones included (count 0), so charts can show gaps.
 */
export function createBucketAggregator(buckets: readonly { start: number; end: number }[]): {
  add(t: number, v: number): void;
  result(): BucketAggregate[];
} {
  for (let i = 1; i < buckets.length; i++) {
    if ((buckets[i] as { start: number }).start < (buckets[i - 1] as { end: number }).end) {
      throw new RangeError(`aggregateByBuckets: bucket ${i} starts before the previous one ends`);
    }
  }
  const rows: BucketAggregate[] = buckets.map(({ start, end }) => ({ ...emptyAggregate(), start, end }));
  let index = 0;
  let previousT = Number.NEGATIVE_INFINITY;
  return {
    add(t, v) {
      if (t < previousT) throw new RangeError(`aggregateByBuckets: samples must be sorted by t (${t} < ${previousT})`);
      previousT = t;
      while (index < rows.length && (rows[index] as BucketAggregate).end <= t) index++;
      const row = rows[index];
      if (row !== undefined && t >= row.start) addSample(row, t, v);
    },
    result: () => rows,
  };
}

/** Aggregates samples sorted by t into the given buckets in one pass; see createBucketAggregator. */
export function aggregateByBuckets(
  points: Iterable<TimePoint>,
  buckets: readonly { start: number; end: number }[],
): BucketAggregate[] {
  const aggregator = createBucketAggregator(buckets);
  for (const p of points) aggregator.add(p.t, p.v);
  return aggregator.result();
}
