import "server-only";
import { parseInput } from "../validation";
import { chooseRollupLevel, ROLLUP_LEVELS } from "./choose-rollup-level";
import { type HistoryRequest, resolveHistoryQuery } from "./history-query";
import { m4, m4Buckets } from "./m4";
import { readLevelBuckets } from "./read-level-buckets";
import { readQuery } from "./read-query";
import { type ChartSeries, seriesQuerySchema } from "./schemas";
import type { TimePoint } from "./time-point";
import { numericValue, type TraceDatastream } from "./trace-datastream";

/** Datastreams on one chart at most. */
export const MAX_CHART_DATASTREAMS = 20;
/** Raw messages a chart reads at most (a zoomed-in window, or a range the rollup job has not reached). */
export const MAX_CHART_RAW_MESSAGES = 2_000_000;

/** Numbers are lines; Truth, Category and JSON results are states, as on live dashboards. */
const isLine = (d: TraceDatastream) => d.observationType === "Measurement" || d.observationType === "Count";

/** Changes of a state (Truth, Category, JSON) series: a point where the value differs from the one before. */
function changesOf(points: readonly { t: number; v: unknown }[], cap: number) {
  const out: { t: number; v: unknown }[] = [];
  let last: string | undefined;
  for (const p of points) {
    const key = JSON.stringify(p.v);
    if (key === last) continue;
    last = key;
    if (out.length === cap) return { points: out, truncated: true };
    out.push(p);
  }
  return { points: out, truncated: false };
}

/**
 * A long-range chart's data (`data.read`): per datastream, at most four points per pixel column (M4), drawn from the
 * coarsest rollup level that still gives four buckets per column (the part the rollup job has not reached read raw,
 * and said so), or from raw records for a zoomed window; states (Truth, Category, JSON) as their changes.
 */
export async function chartSeries({
  actor,
  companyId,
  query,
  now = Date.now(),
  signal,
}: HistoryRequest): Promise<ChartSeries> {
  const input = parseInput(seriesQuerySchema, query ?? {});
  const q = await resolveHistoryQuery({ actor, companyId, input, now, maxDatastreams: MAX_CHART_DATASTREAMS });
  const { from, to } = q.range;
  const width = input.width;
  const level = chooseRollupLevel(ROLLUP_LEVELS, to - from, width);
  const options = { from, to, width };
  const lines = q.datastreams.filter(isLine);
  const states = q.datastreams.filter((d) => !isLine(d));
  const series = new Map<string, ChartSeries["series"][number]>();
  let rawSince: number | null = null;
  let late = 0;

  // Raw records for a zoomed window, and for every state series (whose changes rollups do not keep).
  const rawFor = level === "raw" ? q.datastreams : states;
  if (rawFor.length > 0) {
    const samples = new Map<string, { t: number; v: unknown }[]>(rawFor.map((d) => [d.id, []]));
    const read = readQuery(q, { datastreams: rawFor, unfiltered: true, signal, maxPlanned: MAX_CHART_RAW_MESSAGES });
    for await (const r of read.records) samples.get(r.datastreamId)?.push({ t: r.time, v: r.result });
    late += read.stats.late;
    for (const d of rawFor) {
      const points = samples.get(d.id) ?? [];
      if (isLine(d)) {
        const numbers: TimePoint[] = [];
        for (const p of points) {
          const v = numericValue(p.v);
          if (v !== undefined) numbers.push({ t: p.t, v });
        }
        series.set(d.id, { datastreamId: d.id, kind: "line", points: m4(numbers, options), truncated: false });
      } else {
        series.set(d.id, { datastreamId: d.id, kind: "state", ...changesOf(points, 4 * width) });
      }
    }
  }
  if (level !== "raw") {
    if (lines.length > 0) {
      const levels = await readLevelBuckets(q, {
        maxLevelMs: level.durationMs,
        datastreams: lines,
        signal,
        maxRawMessages: MAX_CHART_RAW_MESSAGES,
      });
      rawSince = levels.tail.since;
      late += levels.late;
      for (const d of lines) {
        // A bucket that starts before the chart's left edge counts for its first column; points outside are cut.
        const buckets = (levels.byDatastream.get(d.id) ?? []).map((b) => (b.start < from ? { ...b, start: from } : b));
        const points = m4Buckets(buckets, options).filter((p) => p.t >= from && p.t < to);
        series.set(d.id, { datastreamId: d.id, kind: "line", points, truncated: false });
      }
    }
  }
  return {
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    source: level === "raw" ? "raw" : level.name,
    series: q.datastreams.map(
      (d) => series.get(d.id) ?? { datastreamId: d.id, kind: "line", points: [], truncated: false },
    ),
    rawSince: rawSince === null ? null : new Date(rawSince).toISOString(),
    late,
  };
}
