// M4 downsampling (Jugel, Jerzak, Hackenbroich, Markl: "M4: A Visualization-Oriented Time Series Data
// Aggregation", PVLDB 7(10), 2014): per pixel column keep the first, last, minimum and maximum sample. A line
// chart drawn from these is pixel-identical to one drawn from all samples, with at most 4 points per column.
import type { BucketAggregate } from "./aggregate";
import type { TimePoint } from "./time-point";

/** The chart's time range [from, to) in epoch ms, split into `width` equal pixel columns. */
export type M4Options = { from: number; to: number; width: number };

function checkOptions({ from, to, width }: M4Options): void {
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) {
    throw new RangeError(`m4: need finite from < to, got from=${from} to=${to}`);
  }
  if (!Number.isSafeInteger(width) || width < 1) throw new RangeError(`m4: width must be an integer ≥ 1, got ${width}`);
}

/**
 * The pixel column of time t, or -1 outside [from, to). Monotone in t (floating multiply and divide round
 * monotonically), which is all the single pass needs; the clamp catches rounding up to `width` just below `to`.
 */
export function m4Column(t: number, { from, to, width }: M4Options): number {
  if (!(t >= from && t < to)) return -1;
  const column = Math.floor(((t - from) * width) / (to - from));
  return column < width ? column : width - 1;
}

/**
 * M4 over raw samples. `points` must be sorted by t (checked as it goes: a step back throws a RangeError).
 * Samples outside [from, to) and samples whose v is not finite (NaN, ±Infinity) are skipped. Returns a subset of
 * the input objects themselves, in input (= time) order: per non-empty column its first, minimum, maximum and
 * last sample, each once even when one sample plays several roles (ties: the earliest minimum and maximum).
 * O(n) time, no allocation besides the result.
 */
export function m4<P extends TimePoint>(points: readonly P[], options: M4Options): P[] {
  checkOptions(options);
  const { from, to } = options;
  const out: P[] = [];
  let column = -1;
  let first = 0;
  let last = 0;
  let min = 0;
  let max = 0;
  let minV = 0;
  let maxV = 0;
  let previousT = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as P;
    const t = p.t;
    if (!(t >= previousT)) throw new RangeError(`m4: points must be sorted by t; index ${i} (t=${t}) < ${previousT}`);
    previousT = t;
    if (t < from) continue;
    if (t >= to) break;
    const v = p.v;
    if (!Number.isFinite(v)) continue;
    const c = m4Column(t, options);
    if (c !== column) {
      if (column >= 0) emitColumn(points, out, first, min, max, last);
      column = c;
      first = last = min = max = i;
      minV = maxV = v;
      continue;
    }
    last = i;
    if (v < minV) {
      min = i;
      minV = v;
    } else if (v > maxV) {
      max = i;
      maxV = v;
    }
  }
  if (column >= 0) emitColumn(points, out, first, min, max, last);
  return out;
}

/** Appends the distinct indices first ≤ {min, max} ≤ last in ascending (= time) order. */
function emitColumn<P>(points: readonly P[], out: P[], first: number, min: number, max: number, last: number): void {
  const a = Math.min(min, max);
  const b = Math.max(min, max);
  out.push(points[first] as P);
  if (a !== first) out.push(points[a] as P);
  if (b !== a) out.push(points[b] as P);
  if (last !== b) out.push(points[last] as P);
}

/**
 * M4 over pre-aggregated buckets (rollups), sorted by start and non-overlapping (checked). A bucket belongs to
 * the column of its `start`; buckets with count 0 or a start outside [from, to) are skipped. Per column the result
 * holds the first sample of its first bucket, the last of its last, and the minimum and maximum over its buckets
 * (ties: the earliest), as new `{ t, v }` objects in time order, duplicates (same t and v) once.
 *
 * Error bound: every point is a real sample at its true time, so nothing is drawn in the wrong place and the
 * output stays sorted. What can differ from M4 over the raw samples is only which column a sample counts for: a
 * bucket straddling a column's right edge lends that column extremes from up to one bucket duration B past the
 * edge. With column duration C the horizontal error is below B / C pixels (≤ 1/4 px when there are ≥ 4 buckets
 * per column, see chooseRollupLevel); when every column edge is a bucket edge the result equals M4 over the raw
 * samples (given distinct times).
 */
export function m4Buckets(buckets: readonly BucketAggregate[], options: M4Options): TimePoint[] {
  checkOptions(options);
  const out: TimePoint[] = [];
  let column = -1;
  let firstT = 0;
  let first = 0;
  let lastT = 0;
  let last = 0;
  let minT = 0;
  let min = 0;
  let maxT = 0;
  let max = 0;
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i] as BucketAggregate;
    if (!(b.start >= previousEnd)) throw new RangeError(`m4Buckets: bucket ${i} starts before the previous one ends`);
    previousEnd = b.end;
    if (b.count === 0) continue;
    const c = m4Column(b.start, options);
    if (c < 0) continue;
    if (c !== column) {
      if (column >= 0) emitBucketColumn(out, firstT, first, minT, min, maxT, max, lastT, last);
      column = c;
      firstT = b.firstT;
      first = b.first;
      minT = b.minT;
      min = b.min;
      maxT = b.maxT;
      max = b.max;
    } else {
      if (b.min < min) {
        minT = b.minT;
        min = b.min;
      }
      if (b.max > max) {
        maxT = b.maxT;
        max = b.max;
      }
    }
    lastT = b.lastT;
    last = b.last;
  }
  if (column >= 0) emitBucketColumn(out, firstT, first, minT, min, maxT, max, lastT, last);
  return out;
}

function emitBucketColumn(
  out: TimePoint[],
  firstT: number,
  first: number,
  minT: number,
  min: number,
  maxT: number,
  max: number,
  lastT: number,
  last: number,
): void {
  const start = out.length;
  out.push({ t: firstT, v: first });
  // min and max in time order (the earlier one first when equal), then last; first ≤ both ≤ last in time.
  const minFirst = minT <= maxT;
  pushDistinct(out, start, minFirst ? minT : maxT, minFirst ? min : max);
  pushDistinct(out, start, minFirst ? maxT : minT, minFirst ? max : min);
  pushDistinct(out, start, lastT, last);
}

function pushDistinct(out: TimePoint[], from: number, t: number, v: number): void {
  for (let i = from; i < out.length; i++) {
    const p = out[i] as TimePoint;
    if (p.t === t && p.v === v) return;
  }
  out.push({ t, v });
}
