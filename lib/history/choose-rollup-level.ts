// Which stored resolution to read for a chart: rollups (per-bucket aggregates, aligned to the epoch) or raw.

/** A rollup resolution: buckets of durationMs, aligned to the epoch (multiples of durationMs since 1970). */
export type RollupLevel = { name: string; durationMs: number };

// Each level a multiple of the next finer one (decomposeRange needs it), and at most 10× apart: a chart reads the
// coarsest level with ≥ 4 buckets per pixel column, so it reads fewer than 4 × 10 per column whatever the range. With
// only 1s, 1m and 1h, a day on 1,200 px fell just short of minutes and read 86,400 seconds: the chart's cost grew
// with the range (bench/README.md, 10M records).
export const ROLLUP_LEVEL_NAMES = ["1s", "10s", "1m", "10m", "1h"] as const;
export type RollupLevelName = (typeof ROLLUP_LEVEL_NAMES)[number];
/** What a chart or an aggregate was read from: raw records, or the rollups of one level. */
export const DATA_SOURCES = ["raw", ...ROLLUP_LEVEL_NAMES] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const ROLLUP_LEVELS: readonly (RollupLevel & { name: RollupLevelName })[] = [
  { name: "1s", durationMs: 1000 },
  { name: "10s", durationMs: 10_000 },
  { name: "1m", durationMs: 60_000 },
  { name: "10m", durationMs: 600_000 },
  { name: "1h", durationMs: 3_600_000 },
];

/** Buckets per pixel column that keep M4 over rollups within 1/4 px of M4 over raw samples (see m4Buckets). */
export const MIN_BUCKETS_PER_COLUMN = 4;

/**
 * The coarsest level that still gives at least `minBucketsPerColumn` buckets per pixel column over a range of
 * `rangeMs` drawn `widthPx` wide, i.e. durationMs × minBucketsPerColumn × widthPx ≤ rangeMs (compared by
 * multiplying, exact for integers, so the edge is sharp); "raw" when even the finest level is too coarse. Levels
 * may come in any order.
 */
export function chooseRollupLevel<L extends RollupLevel>(
  levels: readonly L[],
  rangeMs: number,
  widthPx: number,
  minBucketsPerColumn: number = MIN_BUCKETS_PER_COLUMN,
): L | "raw" {
  if (!Number.isSafeInteger(widthPx) || widthPx < 1)
    throw new RangeError(`widthPx must be an integer ≥ 1, got ${widthPx}`);
  if (!(minBucketsPerColumn > 0)) throw new RangeError(`minBucketsPerColumn must be > 0, got ${minBucketsPerColumn}`);
  let best: L | "raw" = "raw";
  for (const level of levels) {
    if (!(level.durationMs > 0)) continue;
    if (level.durationMs * minBucketsPerColumn * widthPx > rangeMs) continue;
    if (best === "raw" || level.durationMs > best.durationMs) best = level;
  }
  return best;
}

/**
 * The coarsest level whose buckets tile the given aggregation buckets exactly (every start and end a multiple of
 * its duration), so merging its rollups gives the same aggregates as the raw samples; "raw" when none does.
 * Asia/Kolkata's 1h buckets start at xx:30 UTC, so they need 10m rollups; a 1h rollup fits only whole-hour zones.
 */
export function chooseAggregationLevel<L extends RollupLevel>(
  levels: readonly L[],
  buckets: readonly { start: number; end: number }[],
): L | "raw" {
  let best: L | "raw" = "raw";
  for (const level of levels) {
    const d = level.durationMs;
    if (!(d > 0) || (best !== "raw" && d <= best.durationMs)) continue;
    if (buckets.every((b) => b.start % d === 0 && b.end % d === 0)) best = level;
  }
  return best;
}
