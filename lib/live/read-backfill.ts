import "server-only";
import { m4 } from "../history/m4";
import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { PartitionReader, type StartAt } from "../kafka/partition-reader";
import type { RecordPipeline } from "../sdk/record-pipeline";
import type { LiveRecord } from "./live-protocol";
import { toLiveRecord } from "./live-record";

/** Messages read at most to fill one gap or window: the rest is history's job (and the browser is told). */
export const MAX_BACKFILL_MESSAGES = 200_000;
/** Records sent at most for a window; above this a numeric stream is downsampled to the chart's width (M4). */
export const MAX_BACKFILL_RECORDS = 20_000;

export interface BackfillRequest {
  topic: string;
  /** Only this datastream's records (by message key and name); undefined for everything (an incoming stream). */
  fullName?: string;
  /** Per partition, the first offset the browser lacks; or a time to start from. */
  from: { resume: Map<number, bigint> } | { sinceMs: number };
  /** Per partition, where the live frames the browser will get begin. */
  until: Map<number, bigint>;
  width?: number;
  signal?: AbortSignal;
}

export interface BackfillResult {
  records: LiveRecord[];
  downsampled: boolean;
  /** Records the gap held beyond the bound, not sent. */
  skipped: number;
}

/**
 * The records of one stream between what a browser holds and where its live frames begin, read from Kafka without a
 * group: the gap after a reconnect, or the older part of a chart's window. Bounded: a gap longer than
 * MAX_BACKFILL_MESSAGES is filled with its newest part, and the rest counted as skipped.
 */
export async function readBackfill(
  kafka: KafkaConnectionConfig,
  pipeline: RecordPipeline,
  request: BackfillRequest,
): Promise<BackfillResult> {
  const reader = PartitionReader.open(kafka);
  let skipped = 0;
  try {
    const startOf = (partition: number): StartAt => {
      if ("sinceMs" in request.from) return { timeMs: request.from.sinceMs };
      return { offset: request.from.resume.get(partition) ?? request.until.get(partition) ?? 0n };
    };
    const planned = await reader.add(
      [request.topic],
      (_t, p) => startOf(p),
      (_t, p) => request.until.get(p) ?? 0n,
    );
    const total = planned.reduce((n, c) => n + Number((c.end ?? c.position) - c.position), 0);
    if (total > MAX_BACKFILL_MESSAGES) {
      // Keep each partition's newest share of the bound.
      reader.remove(request.topic);
      skipped = total - MAX_BACKFILL_MESSAGES;
      const share = (c: (typeof planned)[number]) =>
        BigInt(Math.floor((Number((c.end ?? c.position) - c.position) / total) * MAX_BACKFILL_MESSAGES));
      const starts = new Map(planned.map((c) => [c.partition, (c.end ?? c.position) - share(c)]));
      await reader.add(
        [request.topic],
        (_t, p) => ({ offset: starts.get(p) ?? 0n }),
        (_t, p) => request.until.get(p) ?? 0n,
      );
    }
    const out: LiveRecord[] = [];
    const since = "sinceMs" in request.from ? request.from.sinceMs : undefined;
    while (!reader.done && !request.signal?.aborted) {
      const fetched = await reader.fetch({ maxWaitMs: 0 });
      const runs = new Map<number, typeof fetched>();
      for (const m of fetched) {
        if (request.fullName !== undefined && m.key !== null && m.key.toString("utf8") !== request.fullName) continue;
        runs.set(m.partition, [...(runs.get(m.partition) ?? []), m]);
      }
      for (const [partition, run] of runs) {
        for (const r of await pipeline.process(request.topic, partition, run)) {
          if (request.fullName !== undefined && r.datastream.fullName !== request.fullName) continue;
          const live = toLiveRecord(r, request.fullName === undefined);
          if (since === undefined || live.t >= since) out.push(live);
        }
      }
    }
    if (out.length <= MAX_BACKFILL_RECORDS) return { records: out, downsampled: false, skipped };
    return { records: downsample(out, since ?? out[0]?.t ?? 0, request.width ?? 1000), downsampled: true, skipped };
  } finally {
    await reader.close();
  }
}

/** A window too long to send whole: M4 over numeric results for the chart's width; otherwise the newest records. */
function downsample(records: LiveRecord[], from: number, width: number): LiveRecord[] {
  const points = records
    .filter((r) => typeof r.v === "number")
    .map((r) => ({ t: r.t, v: r.v as number, r }))
    .sort((a, b) => a.t - b.t);
  if (points.length < records.length / 2) return records.slice(-MAX_BACKFILL_RECORDS);
  const to = Math.max(Date.now(), (points.at(-1)?.t ?? from) + 1);
  return m4(points, { from, to, width }).map((p) => p.r);
}
