// Aggregation buckets in the user's IANA time zone, contiguous and non-overlapping in UTC across offset changes.
//
// 1s … 1h ("clock" intervals) are fixed UTC durations aligned to the local wall clock (local multiples of the
// interval since local midnight), within each stretch of constant UTC offset; an offset change starts a new
// bucket. Whole-hour DST (Europe/Vienna, America/New_York) therefore never shortens one: on fall-back night the
// repeated local hour is two 1h buckets, both labelled 02:00, one per offset. Every zone's offset is a multiple
// of 15 min today, so up to 15m the buckets are simply aligned to the epoch; 30m and 1h follow Asia/Kolkata's
// half hour (1h buckets start at xx:30 UTC) and Asia/Kathmandu's +5:45. Only a change off the interval's grid
// shortens a bucket: Australia/Lord_Howe's 30-minute DST splits one 1h bucket into two half hours.
//
// 3h, 6h, 12h, 1d, 1w (from Monday) and 1mo are calendar buckets: each starts at the first instant the local
// wall clock reads its boundary (00:00, 03:00 …; a Monday; the 1st), so they grow or shrink with a change: the
// Vienna day of 2026-03-29 lasts 23 h, 00:00–03:00 on 2026-10-25 lasts 4 h. A boundary inside a spring-forward
// gap starts at the transition; one inside a repeated hour at its first occurrence.
//
// Assumes (as tzdata does) no zone changes its offset twice within 6 hours.
import { AppError } from "@/lib/errors";
import { firstInstantAtWall, firstOffsetChange, zoneOffsetMs } from "./zone-offset";

// biome-ignore format: one line reads better
export const AGGREGATION_INTERVALS = [
  "1s", "5s", "10s", "30s", "1m", "5m", "15m", "30m", "1h", "3h", "6h", "12h", "1d", "1w", "1mo",
] as const;
export type AggregationInterval = (typeof AGGREGATION_INTERVALS)[number];
export type TimeBucket = { start: number; end: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Nominal lengths; clock intervals are never longer, calendar ones at most about twice as long. */
// biome-ignore format: a table
export const NOMINAL_INTERVAL_MS: Readonly<Record<AggregationInterval, number>> = {
  "1s": SECOND, "5s": 5 * SECOND, "10s": 10 * SECOND, "30s": 30 * SECOND,
  "1m": MINUTE, "5m": 5 * MINUTE, "15m": 15 * MINUTE, "30m": 30 * MINUTE, "1h": HOUR,
  "3h": 3 * HOUR, "6h": 6 * HOUR, "12h": 12 * HOUR, "1d": DAY, "1w": 7 * DAY, "1mo": 30 * DAY,
};

export function isAggregationInterval(text: string): text is AggregationInterval {
  return (AGGREGATION_INTERVALS as readonly string[]).includes(text);
}

const isClock = (interval: AggregationInterval) => NOMINAL_INTERVAL_MS[interval] <= HOUR;

/** More buckets than the caller allows: a validation error for the API, naming a way out. */
export class TooManyBucketsError extends AppError {
  constructor(interval: AggregationInterval, from: number, to: number, maxBuckets: number) {
    super(
      "validation",
      `${interval} buckets from ${new Date(from).toISOString()} to ${new Date(to).toISOString()} would be more than ${maxBuckets}; choose a coarser interval or a shorter range`,
    );
    this.name = "TooManyBucketsError";
  }
}

const floorTo = (x: number, step: number) => x - (((x % step) + step) % step);

/** The calendar boundary at or before a wall-clock time, and the one after a boundary. */
function wallFloor(interval: AggregationInterval, wall: number): number {
  if (interval === "1mo") {
    const d = new Date(wall);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  if (interval === "1w") return floorTo(wall - 4 * DAY, 7 * DAY) + 4 * DAY; // 1970-01-05 was a Monday
  return floorTo(wall, NOMINAL_INTERVAL_MS[interval]); // 3h, 6h, 12h and 1d all divide a day
}

function wallNext(interval: AggregationInterval, boundary: number): number {
  if (interval !== "1mo") return boundary + NOMINAL_INTERVAL_MS[interval];
  const d = new Date(boundary);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function check(t: number, interval: AggregationInterval, timeZone: string): void {
  if (!Number.isFinite(t)) throw new RangeError(`Not a time: ${t}`);
  if (!isAggregationInterval(interval)) throw new RangeError(`Unknown interval "${interval}"`);
  zoneOffsetMs(timeZone, t); // throws for an unknown zone
}

/** The start (epoch ms) of the bucket holding instant t. */
export function bucketStart(t: number, interval: AggregationInterval, timeZone: string): number {
  check(t, interval, timeZone);
  const offset = zoneOffsetMs(timeZone, t);
  if (isClock(interval)) {
    const aligned = floorTo(t + offset, NOMINAL_INTERVAL_MS[interval]) - offset;
    const alignedOffset = zoneOffsetMs(timeZone, aligned);
    return alignedOffset === offset ? aligned : firstOffsetChange(timeZone, aligned, t, alignedOffset);
  }
  let boundary = wallFloor(interval, t + offset);
  let start = firstInstantAtWall(timeZone, boundary);
  // Where the wall clock jumped a whole boundary the next bucket may already have begun.
  for (let next = firstInstantAtWall(timeZone, wallNext(interval, boundary)); next <= t; ) {
    boundary = wallNext(interval, boundary);
    start = next;
    next = firstInstantAtWall(timeZone, wallNext(interval, boundary));
  }
  return start;
}

/** The start of the bucket after the one starting at `start` (a value bucketStart returned). */
export function nextBucketStart(start: number, interval: AggregationInterval, timeZone: string): number {
  check(start, interval, timeZone);
  const offset = zoneOffsetMs(timeZone, start);
  if (isClock(interval)) {
    const next = floorTo(start + offset, NOMINAL_INTERVAL_MS[interval]) - offset + NOMINAL_INTERVAL_MS[interval];
    return zoneOffsetMs(timeZone, next) === offset ? next : firstOffsetChange(timeZone, start, next, offset);
  }
  let boundary = wallNext(interval, wallFloor(interval, start + offset));
  let next = firstInstantAtWall(timeZone, boundary);
  while (next <= start) {
    boundary = wallNext(interval, boundary);
    next = firstInstantAtWall(timeZone, boundary);
  }
  return next;
}

const PROBE = 6 * HOUR;

/**
 * The buckets covering [from, to): the first starts at or before `from`, the last ends at or after `to`; empty
 * when from ≥ to. Throws TooManyBucketsError when there would be more than maxBuckets, before doing the work
 * where the count is evidently too high.
 */
export function bucketsIn(
  from: number,
  to: number,
  interval: AggregationInterval,
  timeZone: string,
  maxBuckets: number,
): TimeBucket[] {
  check(from, interval, timeZone);
  check(to, interval, timeZone);
  if (!Number.isSafeInteger(maxBuckets) || maxBuckets < 0) throw new RangeError(`maxBuckets must be an integer ≥ 0`);
  const out: TimeBucket[] = [];
  if (!(from < to)) return out;
  const tooMany = () => new TooManyBucketsError(interval, from, to, maxBuckets);
  if ((to - from) / (2 * NOMINAL_INTERVAL_MS[interval]) > maxBuckets + 1) throw tooMany();
  const push = (start: number, end: number) => {
    if (out.length === maxBuckets) throw tooMany();
    out.push({ start, end });
  };
  let start = bucketStart(from, interval, timeZone);
  if (!isClock(interval)) {
    while (start < to) {
      const end = nextBucketStart(start, interval, timeZone);
      push(start, end);
      start = end;
    }
    return out;
  }
  // Clock intervals, without asking Intl per bucket: step arithmetically up to the next offset change.
  const step = NOMINAL_INTERVAL_MS[interval];
  while (start < to) {
    const offset = zoneOffsetMs(timeZone, start);
    const probe = Math.min(start + PROBE, to + step);
    const changed = zoneOffsetMs(timeZone, probe) !== offset;
    const change = changed ? firstOffsetChange(timeZone, start, probe, offset) : probe;
    // end < probe on entry (an interval ≤ 1 h, probe > start + 1 h or ≥ to + step), so each round makes progress.
    for (let end = floorTo(start + offset, step) - offset + step; end < change && start < to; end += step) {
      push(start, end);
      start = end;
    }
    if (changed && start < to) {
      push(start, change); // the bucket the offset change ends, possibly cut short
      start = change;
    }
  }
  return out;
}
