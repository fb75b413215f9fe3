import { AppError } from "../errors";
import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { type FetchedRecord, PartitionReader } from "../kafka/partition-reader";
import { partitionRuns } from "../kafka/partition-runs";
import type { DatastreamCatalog } from "../sdk/datastream-catalog";
import { RecordPipeline } from "../sdk/record-pipeline";
import type { RejectedRecord } from "../sdk/rejected-record";
import { compareTraceKeys, type TraceKey } from "./merge-by-time";
import type { TraceDatastream, TraceRecord } from "./trace-datastream";
import { arrivalOf, WatermarkMerge } from "./watermark-merge";

// The one reader of raw records for history: a phenomenon-time window of some datastreams, read without a consumer
// group from the partitions of their systems' topics, decoded through the SDK's record pipeline, and handed out in
// trace order (WatermarkMerge). Offsets come from the broker's time index (the SDK stamps each message with its
// phenomenon time), widened by the lateness margin at both ends; docs/history.md says what a range then returns.

/** A bound on trace keys: records after (or before) `key`, the key itself only when inclusive. */
export interface KeyBound {
  key: TraceKey;
  inclusive: boolean;
}

/** Where a read of one partition may start at the earliest, and the broker time known to precede that offset. */
export interface PartitionFloor {
  offset: bigint;
  maxBrokerTs: number;
}

export interface ReadTraceOptions {
  kafka: KafkaConnectionConfig;
  datastreams: readonly TraceDatastream[];
  /** The phenomenon-time window [from, to), epoch ms. */
  from: number;
  to: number;
  after?: KeyBound;
  before?: KeyBound;
  /** A further test (a value filter): records it refuses are counted as filtered. */
  accept?: (record: TraceRecord, datastream: TraceDatastream) => boolean;
  marginMs: number;
  /** Types and units for the record pipeline. */
  catalog: DatastreamCatalog;
  /** Messages the pipeline refused (the console stores them as rejected records). */
  onRejected?: (rejection: RejectedRecord) => void;
  /** Per partition (`topic#partition`): read nothing below this offset (what rollups already hold). */
  floors?: ReadonlyMap<string, PartitionFloor>;
  signal?: AbortSignal;
  onProgress?: (progress: { read: number; total: number }) => void;
  maxBytesPerPartition?: number;
  /** Refuse (before reading) a window whose offsets span more messages than this. */
  maxPlanned?: number;
}

/** A window too large for what asked for it (a chart drawn from raw records): refused before anything is read. */
export class WindowTooLargeError extends AppError {
  constructor(readonly planned: number) {
    super(
      "validation",
      `This would read ${planned.toLocaleString("en-US")} records from Kafka, more than a chart reads raw: choose a shorter range (or wait for the rollup job)`,
    );
    this.name = "WindowTooLargeError";
  }
}

export interface TraceReadStats {
  /** Messages read from Kafka (any datastream's). */
  messages: number;
  /** Messages the window's offsets span, for progress and estimates. */
  planned: number;
  /** Records of the query found among the messages read (in time, passing the filter). */
  counted: number;
  /** Records of the window left out by the lateness rule. */
  late: number;
  earlyStamped: number;
  /** Records of the window a value filter refused. */
  filtered: number;
  /** Messages the record pipeline refused (reported as rejected records). */
  rejected: number;
  /** Topics that do not exist yet (their systems are not provisioned): they hold nothing. */
  missingTopics: string[];
  /** Per partition: log start, and whether reading began at it (anything older was deleted by retention). */
  partitions: { topic: string; partition: number; start: bigint; end: bigint; logStart: bigint }[];
}

const sourceId = (topic: string, partition: number) => `${topic}#${partition}`;

function withinBounds(key: TraceKey, after: KeyBound | undefined, before: KeyBound | undefined): boolean {
  if (after) {
    const c = compareTraceKeys(key, after.key);
    if (c < 0 || (c === 0 && !after.inclusive)) return false;
  }
  if (before) {
    const c = compareTraceKeys(key, before.key);
    if (c > 0 || (c === 0 && !before.inclusive)) return false;
  }
  return true;
}

/**
 * Reads a window of a trace: the records of `datastreams` whose phenomenon time lies in [from, to) (and between the
 * key bounds), in trace order, lazily (stopping early reads no further). `stats` fills in as it goes.
 */
export function readTrace(options: ReadTraceOptions): {
  records: AsyncGenerator<TraceRecord, void>;
  stats: TraceReadStats;
} {
  const stats: TraceReadStats = {
    messages: 0,
    planned: 0,
    counted: 0,
    late: 0,
    earlyStamped: 0,
    filtered: 0,
    rejected: 0,
    missingTopics: [],
    partitions: [],
  };
  return { records: run(options, stats), stats };
}

async function* run(options: ReadTraceOptions, stats: TraceReadStats): AsyncGenerator<TraceRecord, void> {
  const margin = options.marginMs;
  const lower = Math.max(options.from, options.after?.key.time ?? options.from);
  const upper = Math.min(options.to, options.before ? options.before.key.time + 1 : options.to);
  if (!(lower < upper) || options.datastreams.length === 0) return;
  const byName = new Map(options.datastreams.map((d) => [d.fullName, d]));
  const isOurs = keyMatcher([...byName.keys()]);
  // No subscription filter: keys are matched before decoding, names after (the pipeline would do both again).
  const pipeline = new RecordPipeline({
    catalog: options.catalog,
    filter: () => undefined,
    onRejected: (rejection) => {
      stats.rejected++;
      options.onRejected?.(rejection);
    },
  });
  const reader = PartitionReader.open(options.kafka);
  try {
    const wanted = [...new Set(options.datastreams.map((d) => d.topic))];
    const topics = await reader.existing(wanted);
    stats.missingTopics = wanted.filter((t) => !topics.includes(t));
    if (topics.length === 0) return;
    // Negative times mean "latest"/"earliest" to ListOffsets: the margin must not push the start below 1970.
    const [starts, ends, latest, earliest] = await Promise.all([
      reader.offsetsFor(topics, Math.max(0, lower - margin)),
      reader.offsetsFor(topics, upper + margin),
      reader.offsetsFor(topics, "latest"),
      reader.offsetsFor(topics, "earliest"),
    ]);
    const plan = new Map<string, { start: bigint; end: bigint }>();
    for (const topic of topics) {
      (latest.get(topic) ?? []).forEach((highWatermark, partition) => {
        const floor = options.floors?.get(sourceId(topic, partition))?.offset ?? 0n;
        const timeStart = starts.get(topic)?.[partition] ?? highWatermark;
        const start = timeStart > floor ? timeStart : floor;
        // The first message stamped past the window's end (plus the margin) is read too: the lateness rule looks at
        // messages after it, and it may be a record of the window stamped late.
        const found = ends.get(topic)?.[partition] ?? highWatermark;
        const end = found < highWatermark ? found + 1n : highWatermark;
        plan.set(sourceId(topic, partition), { start, end: end > start ? end : start });
        stats.partitions.push({
          topic,
          partition,
          start,
          end: end > start ? end : start,
          logStart: earliest.get(topic)?.[partition] ?? 0n,
        });
      });
    }
    stats.planned = [...plan.values()].reduce((n, p) => n + Number(p.end - p.start), 0);
    if (options.maxPlanned !== undefined && stats.planned > options.maxPlanned) {
      throw new WindowTooLargeError(stats.planned);
    }
    await reader.add(
      topics,
      (topic, partition) => ({ offset: plan.get(sourceId(topic, partition))?.start ?? 0n }),
      (topic, partition) => plan.get(sourceId(topic, partition))?.end ?? 0n,
    );
    const merge = new WatermarkMerge<TraceRecord>(margin);
    for (const [id, p] of plan) {
      merge.add(id, options.floors?.get(id)?.maxBrokerTs);
      if (p.start >= p.end) merge.finish(id);
    }
    const finished = new Set<string>();
    // One fetch ahead: the next is on its way while this one is decoded (positions move when a fetch returns).
    let next: Promise<FetchedRecord[]> | undefined;
    const fetchWaiting = () => {
      const waiting = new Set(merge.waitingOn());
      return reader.fetch({
        maxWaitMs: 0,
        // About 8 MiB a fetch, shared by the partitions it asks (up to 4 MiB each reads faster; the sum bounds memory).
        maxBytesPerPartition:
          options.maxBytesPerPartition ??
          Math.max(256 << 10, Math.min(4 << 20, Math.floor((8 << 20) / Math.max(1, waiting.size)))),
        only: (topic, partition) => waiting.has(sourceId(topic, partition)),
      });
    };
    try {
      while (!options.signal?.aborted) {
        for (const record of merge.drain()) {
          yield record;
          if (options.signal?.aborted) return;
        }
        if (merge.done) return;
        const fetched = await (next ?? fetchWaiting());
        next = undefined;
        let read = 0;
        const ended: string[] = [];
        for (const p of reader.positions()) {
          const id = sourceId(p.topic, p.partition);
          const planned = plan.get(id);
          if (planned) read += Math.min(Number(p.position - planned.start), Number(planned.end - planned.start));
          if (!finished.has(id) && p.end !== undefined && p.position >= p.end) {
            finished.add(id);
            ended.push(id);
          }
        }
        if (!reader.done) next = fetchWaiting();
        await take(fetched, { ...options, pipeline }, stats, merge, byName, isOurs, lower, upper);
        // A partition is finished once its last records are in the merge.
        for (const id of ended) merge.finish(id);
        options.onProgress?.({ read, total: stats.planned });
      }
    } finally {
      await next?.catch(() => undefined);
    }
  } finally {
    await reader.close();
  }
}

/** Tells whether a message's key names one of the read's datastreams, without a string per message when few. */
function keyMatcher(names: readonly string[]): (key: Buffer) => boolean {
  if (names.length <= 4) {
    const keys = names.map((n) => Buffer.from(n, "utf8"));
    return (key) => {
      for (const k of keys) if (k.equals(key)) return true;
      return false;
    };
  }
  const set = new Set(names);
  return (key) => set.has(key.toString("utf8"));
}

/**
 * One fetch's messages into the merge: per partition in offset order, judged by the lateness rule. The hot path of
 * every history read: only our datastreams' messages are decoded, and each message's broker times are kept in
 * arrays beside them, not in an object apiece.
 */
async function take(
  fetched: FetchedRecord[],
  options: ReadTraceOptions & { pipeline: RecordPipeline },
  stats: TraceReadStats,
  merge: WatermarkMerge<TraceRecord>,
  byName: Map<string, TraceDatastream>,
  isOurs: (key: Buffer) => boolean,
  lower: number,
  upper: number,
): Promise<void> {
  stats.messages += fetched.length;
  for (const run of partitionRuns(fetched)) {
    const first = run[0] as FetchedRecord;
    const source = merge.source(sourceId(first.topic, first.partition));
    const ours: FetchedRecord[] = [];
    const ts: number[] = [];
    const before: number[] = [];
    for (const m of run) {
      if (m.key === null || isOurs(m.key)) {
        ours.push(m);
        ts.push(m.timestamp);
        before.push(source.maxBrokerTs);
      }
      if (m.timestamp > source.maxBrokerTs) source.maxBrokerTs = m.timestamp;
    }
    if (ours.length === 0) continue;
    const decoded = await options.pipeline.process(first.topic, first.partition, ours);
    // The pipeline keeps the messages' order (and leaves out what it refuses): find each record's message by offset.
    let at = 0;
    for (const r of decoded) {
      while (at < ours.length && (ours[at] as FetchedRecord).offset !== r.offset) at++;
      const ds = byName.get(r.datastream.fullName);
      if (!ds) continue;
      const time = Date.parse(r.phenomenonTime);
      if (!(time >= lower && time < upper)) continue;
      const record: TraceRecord = {
        time,
        name: ds.fullName,
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        datastreamId: ds.id,
        phenomenonTime: r.phenomenonTime,
        resultTime: r.resultTime,
        result: r.result,
      };
      if (r.attributes !== undefined) record.attributes = r.attributes;
      if ((options.after || options.before) && !withinBounds(record, options.after, options.before)) continue;
      if (options.accept && !options.accept(record, ds)) {
        stats.filtered++;
        continue;
      }
      const arrival =
        at < ours.length ? arrivalOf(time, ts[at] as number, before[at] as number, options.marginMs) : "in-time";
      if (arrival === "late") stats.late++;
      else if (arrival === "early-stamped") stats.earlyStamped++;
      else {
        stats.counted++;
        merge.push(record);
      }
    }
  }
}
