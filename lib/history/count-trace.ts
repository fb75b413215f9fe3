import "server-only";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { PartitionReader } from "../kafka/partition-reader";
import type { HistoryQuery } from "./history-query";
import { latenessMarginMs } from "./history-settings";
import { readLevelBuckets } from "./read-level-buckets";
import { type TraceReadStats, WindowTooLargeError } from "./read-trace";

/** Raw messages a count reads at most (what the rollup job has not reached yet); beyond, the count is estimated. */
const MAX_COUNT_RAW_MESSAGES = 200_000;

/**
 * The exact number of records of a query's range from rollups (plus what the rollup job has not reached, read raw
 * within a bound), or undefined when that would read too much, or value filters apply (rollups cannot filter).
 */
export async function countFromRollups(q: HistoryQuery, signal?: AbortSignal): Promise<number | undefined> {
  if (q.filters.size > 0) return undefined;
  try {
    const levels = await readLevelBuckets(q, { signal, maxRawMessages: MAX_COUNT_RAW_MESSAGES });
    let n = 0;
    for (const list of levels.byDatastream.values()) for (const b of list) n += b.records;
    return n;
  } catch (error) {
    if (error instanceof WindowTooLargeError) return undefined;
    throw error;
  }
}

export type TraceCount = { value: number; exact: boolean };

/** The offsets a whole range spans in its datastreams' topics (their other datastreams' messages included). */
async function offsetSpan(q: HistoryQuery): Promise<number> {
  const margin = latenessMarginMs();
  const reader = PartitionReader.open(consoleKafkaConfig({ clientId: "rhei-history" }));
  try {
    const topics = await reader.existing([...new Set(q.datastreams.map((d) => d.topic))]);
    if (topics.length === 0) return 0;
    const [starts, ends] = await Promise.all([
      reader.offsetsFor(topics, Math.max(0, q.range.from - margin)),
      reader.offsetsFor(topics, q.range.to + margin),
    ]);
    let span = 0;
    for (const topic of topics) {
      (ends.get(topic) ?? []).forEach((end, p) => {
        span += Math.max(0, Number(end - (starts.get(topic)?.[p] ?? end)));
      });
    }
    return span;
  } finally {
    await reader.close();
  }
}

/**
 * How many records a range holds, without a slow count before the first page: exact when the page read the whole
 * range or rollups could count it (`exact`); otherwise estimated from the Kafka offsets the range spans and the
 * share of the query's records among the messages the page read, and labelled as an estimate.
 */
export async function countTrace({
  query,
  exact,
  sample,
}: {
  query: HistoryQuery;
  exact?: number;
  sample: readonly TraceReadStats[];
}): Promise<TraceCount> {
  if (exact !== undefined) return { value: exact, exact: true };
  const messages = sample.reduce((n, s) => n + s.messages, 0);
  const counted = sample.reduce((n, s) => n + s.counted, 0);
  if (messages === 0) return { value: 0, exact: false };
  const span = await offsetSpan(query).catch(() => messages);
  return { value: Math.round((span * counted) / messages), exact: false };
}
