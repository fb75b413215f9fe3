import "server-only";
import { parseInput } from "../validation";
import { chooseRollupLevel, ROLLUP_LEVELS } from "./choose-rollup-level";
import { type HistoryRequest, resolveHistoryQuery } from "./history-query";
import { readLevelBuckets } from "./read-level-buckets";
import { readQuery } from "./read-query";
import { type VolumeTimeline, volumeQuerySchema } from "./schemas";

/** Raw messages the volume timeline of a short range reads at most. */
const MAX_VOLUME_RAW_MESSAGES = 1_000_000;

/**
 * Records per bucket over a range (the trace browser's volume timeline, which seeks where it is clicked): counted
 * from rollups at the coarsest level that gives at least four of its buckets per timeline bucket (so a bucket's
 * count is off by at most a quarter of it at the edges, and the total is exact), or from raw records for a short
 * range. Value filters do not apply: it shows how much the datastreams recorded.
 */
export async function volumeTimeline({
  actor,
  companyId,
  query,
  now = Date.now(),
  signal,
}: HistoryRequest): Promise<VolumeTimeline> {
  const input = parseInput(volumeQuerySchema, query ?? {});
  const q = await resolveHistoryQuery({ actor, companyId, input, now });
  const { from, to } = q.range;
  const n = Math.min(input.buckets, Math.max(1, to - from));
  const counts = new Array<number>(n).fill(0);
  const indexOf = (t: number) => Math.min(n - 1, Math.max(0, Math.floor(((t - from) * n) / (to - from))));
  const level = chooseRollupLevel(ROLLUP_LEVELS, to - from, n);
  let late = 0;
  if (level === "raw") {
    const read = readQuery(q, { unfiltered: true, signal, maxPlanned: MAX_VOLUME_RAW_MESSAGES });
    for await (const r of read.records) counts[indexOf(r.time)] = (counts[indexOf(r.time)] ?? 0) + 1;
    late = read.stats.late;
  } else {
    const levels = await readLevelBuckets(q, { maxLevelMs: level.durationMs, signal });
    for (const buckets of levels.byDatastream.values()) {
      for (const b of buckets) counts[indexOf(b.start)] = (counts[indexOf(b.start)] ?? 0) + b.records;
    }
    late = levels.late;
  }
  const edge = (i: number) => new Date(from + Math.round(((to - from) * i) / n)).toISOString();
  return {
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    buckets: counts.map((records, i) => ({ start: edge(i), end: edge(i + 1), records })),
    total: counts.reduce((a, b) => a + b, 0),
    late,
  };
}
