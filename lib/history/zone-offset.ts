// UTC offsets of IANA time zones, and the two searches the calendar buckets need over them.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const offsetFormats = new Map<string, (t: number) => string>();
const parsedOffsets = new Map<string, number>();

/**
 * The zone's UTC offset at instant t in ms (east positive), seconds included (historical local mean times).
 * Read from Intl directly: @date-fns/tz 1.5's tzOffset loses the sign of offsets like -00:44:30. Throws a
 * RangeError for an unknown zone or an invalid time.
 */
export function zoneOffsetMs(timeZone: string, t: number): number {
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).format;
    offsetFormats.set(timeZone, format);
  }
  const text = format(t);
  const suffix = text.slice(text.lastIndexOf("GMT") + 3); // "" for UTC itself, else "+05:30" or "-00:44:30"
  let offset = parsedOffsets.get(suffix);
  if (offset === undefined) {
    const m = /^([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(suffix);
    if (suffix !== "" && m === null) throw new RangeError(`Unexpected UTC offset "${suffix}" for ${timeZone}`);
    offset =
      m === null ? 0 : (m[1] === "-" ? -1 : 1) * (+(m[2] ?? 0) * HOUR + +(m[3] ?? 0) * MINUTE + +(m[4] ?? 0) * SECOND);
    parsedOffsets.set(suffix, offset);
  }
  return offset;
}

/** The smallest x in (lo, hi] whose offset differs from offLo, given that hi's does (binary search to the ms). */
export function firstOffsetChange(timeZone: string, lo: number, hi: number, offLo: number): number {
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = a + Math.floor((b - a) / 2);
    if (zoneOffsetMs(timeZone, mid) === offLo) a = mid;
    else b = mid;
  }
  return b;
}

/** The first instant whose local wall clock (as ms, local time read as UTC) reads at least `wall`. */
export function firstInstantAtWall(timeZone: string, wall: number): number {
  const before = zoneOffsetMs(timeZone, wall - DAY);
  const after = zoneOffsetMs(timeZone, wall + DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const x = wall - offset;
    if (zoneOffsetMs(timeZone, x) === offset && x < best) best = x; // both fit in a repeated hour: the first
  }
  if (best < Number.POSITIVE_INFINITY) return best;
  // In a spring-forward gap: the transition, found as the first instant whose wall clock reaches `wall`.
  let lo = wall - Math.max(before, after);
  let hi = wall - Math.min(before, after);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid + zoneOffsetMs(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}
