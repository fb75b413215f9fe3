import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGGREGATION_INTERVALS,
  type AggregationInterval,
  bucketStart,
  bucketsIn,
  NOMINAL_INTERVAL_MS,
  nextBucketStart,
  type TimeBucket,
  TooManyBucketsError,
} from "./calendar-buckets";
import { zoneOffsetMs } from "./zone-offset";

const H = 3_600_000;
const M = 60_000;
const DAY = 24 * H;
const utc = (iso: string) => Date.parse(iso);
const lengths = (buckets: TimeBucket[]) => buckets.map((b) => (b.end - b.start) / H);

/** Zones with whole-hour, half-hour and 45-minute offsets, 30-min DST, DST at midnight, skipped days. */
const ZONES = [
  "UTC",
  "Europe/Vienna",
  "America/New_York",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Pacific/Chatham",
  "America/Havana",
  "America/Santiago",
  "Antarctica/Troll",
  "Pacific/Apia",
  "Africa/Monrovia",
];

/**
 * Every bucket's successor is the next bucket, and its start, middle and last millisecond map back to it; clock
 * buckets are never longer than nominal. Collects problems instead of asserting each (expect per check is slow).
 */
function expectConsistent(buckets: TimeBucket[], interval: AggregationInterval, zone: string): void {
  const problems: string[] = [];
  const at = (t: number) => new Date(t).toISOString();
  buckets.forEach((b, i) => {
    if (!(b.start < b.end)) problems.push(`empty ${at(b.start)}`);
    if (i > 0 && b.start !== (buckets[i - 1] as TimeBucket).end) problems.push(`gap or overlap at ${at(b.start)}`);
    if (nextBucketStart(b.start, interval, zone) !== b.end) problems.push(`next of ${at(b.start)}`);
    for (const t of [b.start, b.end - 1, Math.floor((b.start + b.end) / 2)]) {
      if (bucketStart(t, interval, zone) !== b.start) problems.push(`bucketStart(${at(t)}) ≠ ${at(b.start)}`);
    }
    if (NOMINAL_INTERVAL_MS[interval] <= H && b.end - b.start > NOMINAL_INTERVAL_MS[interval]) {
      problems.push(`too long at ${at(b.start)}`);
    }
  });
  expect(problems, `${zone} ${interval}`).toEqual([]);
}

/** Offset changes of a zone in [from, to), to the minute. */
function transitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let day = from; day < to; day += DAY) {
    if (zoneOffsetMs(zone, day) === zoneOffsetMs(zone, day + DAY)) continue;
    for (let m = day; m < day + DAY; m += M) if (zoneOffsetMs(zone, m) !== zoneOffsetMs(zone, m + M)) out.push(m + M);
  }
  return out;
}

describe("calendar buckets", () => {
  it("gives Europe/Vienna a 23-hour day on 2026-03-29 and a 25-hour day on 2026-10-25", () => {
    const vienna = "Europe/Vienna";
    const spring = bucketsIn(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z"), "1d", vienna, 10);
    expect(lengths(spring)).toEqual([24, 23, 24]);
    expect(spring[1]?.start).toBe(new TZDate(2026, 2, 29, vienna).getTime());
    expect(spring[1]?.start).toBe(utc("2026-03-28T23:00:00Z"));
    const autumn = bucketsIn(utc("2026-10-25T10:00:00Z"), utc("2026-10-25T11:00:00Z"), "1d", vienna, 10);
    expect(autumn).toEqual([{ start: utc("2026-10-24T22:00:00Z"), end: utc("2026-10-25T23:00:00Z") }]);
    expect(autumn[0]?.end).toBe(new TZDate(2026, 9, 26, vienna).getTime());
  });

  it("keeps hours an hour long through DST and gives the repeated hour its own bucket", () => {
    const night = bucketsIn(utc("2026-10-24T23:00:00Z"), utc("2026-10-25T03:00:00Z"), "1h", "Europe/Vienna", 10);
    expect(night.map((b) => new Date(b.start).toISOString())).toEqual([
      "2026-10-24T23:00:00.000Z", // 01:00 CEST
      "2026-10-25T00:00:00.000Z", // 02:00 CEST
      "2026-10-25T01:00:00.000Z", // 02:00 CET, again
      "2026-10-25T02:00:00.000Z", // 03:00 CET
    ]);
    expect(lengths(night)).toEqual([1, 1, 1, 1]);
    const ny = bucketsIn(utc("2026-11-01T04:00:00Z"), utc("2026-11-01T07:00:00Z"), "1h", "America/New_York", 10);
    expect(lengths(ny)).toEqual([1, 1, 1]); // 00:00 EDT, 01:00 EDT, 01:00 EST
    const spring = bucketsIn(utc("2026-03-29T00:00:00Z"), utc("2026-03-29T02:00:00Z"), "15m", "Europe/Vienna", 10);
    expect(spring.every((b) => b.end - b.start === 15 * M)).toBe(true);
  });

  it("lets 3h, 6h and 12h buckets follow the wall clock: 00:00–03:00 lasts 4 h on fall-back night", () => {
    const autumn = bucketsIn(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z"), "3h", "Europe/Vienna", 10);
    expect(lengths(autumn)).toEqual([4, 3, 3, 3, 3, 3, 3, 3]);
    const spring = bucketsIn(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z"), "12h", "Europe/Vienna", 10);
    expect(lengths(spring)).toEqual([11, 12]);
    expect(new TZDate(spring[1]?.start ?? 0, "Europe/Vienna").getHours()).toBe(12);
  });

  it("gives America/New_York 23- and 25-hour days and local midnights", () => {
    const ny = "America/New_York";
    expect(lengths(bucketsIn(utc("2026-03-08T12:00:00Z"), utc("2026-03-08T13:00:00Z"), "1d", ny, 1))).toEqual([23]);
    expect(lengths(bucketsIn(utc("2026-11-01T12:00:00Z"), utc("2026-11-01T13:00:00Z"), "1d", ny, 1))).toEqual([25]);
    expect(bucketStart(utc("2026-07-04T03:59:59Z"), "1d", ny)).toBe(utc("2026-07-03T04:00:00Z"));
  });

  it("aligns Asia/Kolkata's hours and days to its +5:30 wall clock, its quarter hours to the epoch", () => {
    const kolkata = "Asia/Kolkata";
    expect(bucketStart(utc("2026-11-25T10:10:00Z"), "1h", kolkata)).toBe(utc("2026-11-25T09:30:00Z"));
    expect(bucketStart(utc("2026-11-25T10:10:00Z"), "30m", kolkata)).toBe(utc("2026-11-25T10:00:00Z"));
    expect(bucketStart(utc("2026-11-25T10:10:00Z"), "15m", kolkata)).toBe(utc("2026-11-25T10:00:00Z"));
    expect(bucketStart(utc("2026-11-25T10:10:00Z"), "1d", kolkata)).toBe(utc("2026-11-24T18:30:00Z"));
    expect(bucketStart(utc("2026-11-25T10:10:00Z"), "6h", kolkata)).toBe(utc("2026-11-25T06:30:00Z"));
    expect(bucketStart(utc("2026-11-25T10:10:00Z"), "1h", "Asia/Kathmandu")).toBe(utc("2026-11-25T09:15:00Z"));
  });

  it("cuts a Lord Howe hour where its 30-minute DST changes the offset", () => {
    const lh = "Australia/Lord_Howe";
    const spring = bucketsIn(utc("2026-10-03T14:30:00Z"), utc("2026-10-03T17:00:00Z"), "1h", lh, 10);
    expect(spring.map((b) => [new Date(b.start).toISOString().slice(11, 16), (b.end - b.start) / M])).toEqual([
      ["14:30", 60], // 01:00 +10:30
      ["15:30", 30], // 02:30 +11 (02:00 – 02:30 doesn't exist)
      ["16:00", 60], // 03:00 +11
    ]);
    const autumn = bucketsIn(utc("2026-04-04T14:00:00Z"), utc("2026-04-04T16:30:00Z"), "1h", lh, 10);
    expect(autumn.map((b) => [new Date(b.start).toISOString().slice(11, 16), (b.end - b.start) / M])).toEqual([
      ["14:00", 60], // 01:00 +11
      ["15:00", 30], // 01:30 +10:30, the repeated half hour
      ["15:30", 60], // 02:00 +10:30
    ]);
    expect(lengths(bucketsIn(utc("2026-04-05T00:00:00Z"), utc("2026-04-05T01:00:00Z"), "1d", lh, 1))).toEqual([24.5]);
  });

  it("starts a day in a gap at the transition and a repeated midnight at its first occurrence (Havana)", () => {
    expect(bucketStart(utc("2026-03-08T12:00:00Z"), "1d", "America/Havana")).toBe(utc("2026-03-08T05:00:00Z"));
    expect(bucketStart(utc("2026-11-01T05:30:00Z"), "1d", "America/Havana")).toBe(utc("2026-11-01T04:00:00Z"));
  });

  it("has months of 28 to 31 days, weeks from Monday, and UTC without surprises", () => {
    const months = bucketsIn(utc("2028-01-15T00:00:00Z"), utc("2028-12-15T00:00:00Z"), "1mo", "UTC", 12);
    expect(months.map((b) => (b.end - b.start) / DAY)).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    const feb = bucketsIn(utc("2026-02-10T00:00:00Z"), utc("2026-03-10T00:00:00Z"), "1mo", "Europe/Vienna", 2);
    expect(lengths(feb)).toEqual([28 * 24, 31 * 24 - 1]);
    // 2026-11-25 is a Wednesday; its week starts Monday 2026-11-23 at local midnight.
    expect(bucketStart(utc("2026-11-25T10:00:00Z"), "1w", "Europe/Vienna")).toBe(utc("2026-11-22T23:00:00Z"));
    expect(bucketStart(utc("2026-11-22T22:59:59Z"), "1w", "Europe/Vienna")).toBe(utc("2026-11-15T23:00:00Z"));
    expect(bucketStart(utc("2026-11-25T10:00:00Z"), "1w", "UTC")).toBe(utc("2026-11-23T00:00:00Z"));
    expect(new Date(bucketStart(utc("1970-01-01T00:00:00Z"), "1w", "UTC")).toISOString()).toBe(
      "1969-12-29T00:00:00.000Z",
    );
    expect(bucketStart(utc("2026-11-25T10:17:42.123Z"), "5s", "UTC")).toBe(utc("2026-11-25T10:17:40Z"));
    expect(nextBucketStart(utc("2026-12-01T00:00:00Z"), "1mo", "UTC")).toBe(utc("2027-01-01T00:00:00Z"));
  });

  it("refuses more than maxBuckets, unknown zones and intervals", () => {
    const from = utc("2026-01-01T00:00:00Z");
    expect(bucketsIn(from, from + DAY, "1h", "UTC", 24)).toHaveLength(24);
    expect(() => bucketsIn(from, from + DAY, "1h", "UTC", 23)).toThrow(TooManyBucketsError);
    const started = performance.now();
    expect(() => bucketsIn(from, from + 3650 * DAY, "1s", "Europe/Vienna", 10_000)).toThrow(/more than 10000/);
    expect(performance.now() - started).toBeLessThan(100);
    expect(bucketsIn(from, from, "1d", "UTC", 0)).toEqual([]);
    expect(() => bucketStart(from, "1d", "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => bucketStart(from, "2d" as AggregationInterval, "UTC")).toThrow(/Unknown interval/);
  });

  it("is contiguous and consistent around every 2026 offset change of zones with odd rules", () => {
    for (const zone of ZONES) {
      const changes = transitions(zone, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
      if (zone === "Pacific/Apia") changes.push(utc("2011-12-30T10:00:00Z")); // the day Samoa skipped
      if (zone === "Africa/Monrovia") changes.push(utc("1972-01-07T00:44:30Z")); // -0:44:30 → 0:00
      for (const change of changes) {
        for (const interval of AGGREGATION_INTERVALS) {
          const step = NOMINAL_INTERVAL_MS[interval];
          const span = step < H ? 3 * H : Math.min(40 * step, 400 * DAY);
          const buckets = bucketsIn(change - span, change + span, interval, zone, 100_000);
          expectConsistent(
            step < M ? buckets.filter((b) => Math.abs(b.start - change) < 10 * M) : buckets,
            interval,
            zone,
          );
          // Days are whole numbers of every sub-day bucket.
          if (step < DAY) {
            const starts = new Set(buckets.map((b) => b.start));
            for (const day of bucketsIn(change - span, change + span, "1d", zone, 1000).slice(1)) {
              if (day.start < (buckets.at(-1)?.start ?? 0))
                expect(starts.has(day.start), `${zone} ${interval}`).toBe(true);
            }
          }
        }
      }
    }
  }, 30_000);

  it("covers any range with contiguous buckets, each t in exactly the bucket bucketStart names", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...AGGREGATION_INTERVALS),
        fc.integer({ min: utc("1970-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { maxLength: 10 }),
        (zone, interval, from, buckets, fractions) => {
          const to = from + Math.ceil(buckets * NOMINAL_INTERVAL_MS[interval]);
          const all = bucketsIn(from, to, interval, zone, 1000);
          if (from === to) {
            expect(all).toEqual([]);
            return;
          }
          expect(all[0]?.start).toBeLessThanOrEqual(from);
          expect(all[0]?.end).toBeGreaterThan(from);
          expect(all.at(-1)?.end).toBeGreaterThanOrEqual(to);
          expectConsistent(all, interval, zone);
          for (const f of fractions) {
            const t = from + Math.floor(f * (to - from));
            const inside = all.filter((b) => b.start <= t && t < b.end);
            expect(inside).toHaveLength(1);
            expect(bucketStart(t, interval, zone)).toBe(inside[0]?.start);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
