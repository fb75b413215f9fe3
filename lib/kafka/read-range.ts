import { Consumer, FetchIsolationLevels } from "@platformatic/kafka";
import type { KafkaConnectionConfig } from "./connection-config";
import { KafkaError, toKafkaError } from "./errors";
import { platformaticConnectionOptions } from "./platformatic-client";

// Reading a time range of a topic without joining any consumer group. A client's ACLs allow only its own group,
// and joining it for a replay would take partitions away from the client's live consumer. kafkajs can only fetch
// as a group member, so this module alone uses @platformatic/kafka (already behind lib/kafka for SCRAM users),
// whose Consumer exposes the plain ListOffsets and Fetch requests: neither touches a group coordinator, so they
// need only READ (which implies DESCRIBE) on the topics. The Consumer wants a group id at construction; it is
// never sent, because this module never calls consume(), commit() or joinGroup().

export interface ReadRangeOptions {
  topics: string[];
  /** Start at the first record whose broker timestamp is at or after this time (epoch ms). */
  fromMs: number;
  /**
   * Stop before the first record at or after this time (epoch ms); without it, stop at the end offsets as they
   * were when reading began, unless `follow` is set.
   */
  toMs?: number;
  /** Keep reading new records as they arrive (a tail); ignores toMs. */
  follow?: boolean;
  /** Bytes per fetch (the broker returns at least one batch even when it is larger). */
  maxBytes?: number;
  /** How long a fetch waits for new records in follow mode (ms). */
  maxWaitMs?: number;
  signal?: AbortSignal;
  /** Told the offsets the read will cover, once they are known (for a progress line). */
  onPlan?: (ranges: PartitionRange[]) => void;
}

export interface RangeMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Broker timestamp, epoch milliseconds. */
  timestamp: number;
}

export interface PartitionRange {
  topic: string;
  partition: number;
  /** First offset to read. */
  start: bigint;
  /** Offset to stop before (undefined when following). */
  end: bigint | undefined;
}

type FetchRequestTopic = Parameters<Consumer["fetch"]>[0]["topics"][number];

interface Cursor extends PartitionRange {
  topicId: string;
  leader: number;
  position: bigint;
}

function consumerFor(config: KafkaConnectionConfig): Consumer {
  return new Consumer({
    clientId: config.clientId,
    bootstrapBrokers: config.brokers,
    groupId: `${config.clientId}.unused-no-group`,
    timeout: config.requestTimeoutMs ?? 30_000,
    retries: config.retries ?? 3,
    isolationLevel: FetchIsolationLevels.READ_COMMITTED,
    ...platformaticConnectionOptions(config),
  });
}

/** Offsets per partition of each topic for a time: the first record at/after it, or the end when none is. */
async function offsetsAt(consumer: Consumer, topics: string[], timeMs: number | "end") {
  const timestamp = timeMs === "end" ? -1n : BigInt(Math.floor(timeMs));
  const found = await consumer.listOffsets({ topics, timestamp });
  const ends = timeMs === "end" ? found : await consumer.listOffsets({ topics });
  const out = new Map<string, bigint[]>();
  for (const topic of topics) {
    const at = found.get(topic) ?? [];
    const end = ends.get(topic) ?? [];
    out.set(
      topic,
      at.map((o, p) => (o < 0n ? (end[p] ?? 0n) : o)),
    );
  }
  return out;
}

async function plan(consumer: Consumer, options: ReadRangeOptions): Promise<Cursor[]> {
  const metadata = await consumer.metadata({ topics: options.topics });
  const starts = await offsetsAt(consumer, options.topics, options.fromMs);
  const ends = options.follow
    ? undefined
    : await offsetsAt(consumer, options.topics, options.toMs === undefined ? "end" : options.toMs);
  const cursors: Cursor[] = [];
  for (const topic of options.topics) {
    const meta = metadata.topics.get(topic);
    if (!meta) throw new KafkaError("not-found", `topic ${topic} does not exist`);
    for (let partition = 0; partition < meta.partitionsCount; partition++) {
      const start = starts.get(topic)?.[partition] ?? 0n;
      const end = ends?.get(topic)?.[partition];
      const leader = meta.partitions[partition]?.leader ?? -1;
      cursors.push({ topic, partition, topicId: meta.id, leader, start, end, position: start });
    }
  }
  return cursors;
}

/** The offsets a read of `options` would cover per partition, without reading: for progress and previews. */
export async function planRange(config: KafkaConnectionConfig, options: ReadRangeOptions): Promise<PartitionRange[]> {
  const consumer = consumerFor(config);
  try {
    return (await plan(consumer, options)).map(({ topic, partition, start, end }) => ({
      topic,
      partition,
      start,
      end,
    }));
  } catch (error) {
    throw toKafkaError(error, `planning a read of ${options.topics.join(", ")}`);
  } finally {
    await consumer.close().catch(() => undefined);
  }
}

const OFFSET_OUT_OF_RANGE = 1;

/**
 * Reads [fromMs, toMs) of the topics without a consumer group, yielding batches of messages (each partition in
 * offset order; partitions interleaved). Records between the two offsets whose broker timestamps lie outside the
 * range (clients may set their own) are skipped, so the range is exact by broker time.
 */
export async function* readRange(
  config: KafkaConnectionConfig,
  options: ReadRangeOptions,
): AsyncGenerator<RangeMessage[], void, undefined> {
  const consumer = consumerFor(config);
  const upper = options.follow ? undefined : options.toMs;
  try {
    let cursors = (await plan(consumer, options).catch((error) => {
      throw toKafkaError(error, `finding offsets in ${options.topics.join(", ")}`);
    })) as Cursor[];
    options.onPlan?.(cursors.map(({ topic, partition, start, end }) => ({ topic, partition, start, end })));
    for (;;) {
      if (options.signal?.aborted) return;
      cursors = cursors.filter((c) => c.end === undefined || c.position < c.end);
      if (cursors.length === 0) return;
      const byLeader = new Map<number, Cursor[]>();
      for (const c of cursors) byLeader.set(c.leader, [...(byLeader.get(c.leader) ?? []), c]);
      for (const [leader, group] of byLeader) {
        const topics = new Map<string, FetchRequestTopic>();
        for (const c of group) {
          let t = topics.get(c.topicId);
          if (!t) {
            t = { topicId: c.topicId, partitions: [] };
            topics.set(c.topicId, t);
          }
          t.partitions.push({
            partition: c.partition,
            currentLeaderEpoch: -1,
            fetchOffset: c.position,
            lastFetchedEpoch: -1,
            partitionMaxBytes: options.maxBytes ?? 1_048_576,
          });
        }
        const response = await consumer
          .fetch({
            node: leader,
            topics: [...topics.values()],
            maxWaitTime: options.follow ? (options.maxWaitMs ?? 500) : 0,
            minBytes: 1,
            maxBytes: (options.maxBytes ?? 1_048_576) * group.length,
          })
          .catch((error) => {
            throw toKafkaError(error, `reading ${options.topics.join(", ")}`);
          });
        const out: RangeMessage[] = [];
        for (const t of response.responses) {
          for (const p of t.partitions) {
            const c = group.find((g) => g.topicId === t.topicId && g.partition === p.partitionIndex);
            if (!c) continue;
            if (p.errorCode === OFFSET_OUT_OF_RANGE && c.position < p.logStartOffset) {
              c.position = p.logStartOffset; // retention removed what we wanted: go on from what is left
              continue;
            }
            if (p.errorCode !== 0)
              throw new KafkaError("other", `reading ${c.topic}/${c.partition}: error ${p.errorCode}`);
            for (const batch of p.records ?? []) {
              for (const r of batch.records) {
                const offset = batch.firstOffset + BigInt(r.offsetDelta);
                if (offset < c.position || (c.end !== undefined && offset >= c.end)) continue;
                const timestamp = Number(batch.firstTimestamp + r.timestampDelta);
                if (timestamp >= options.fromMs && (upper === undefined || timestamp < upper)) {
                  out.push({
                    topic: c.topic,
                    partition: c.partition,
                    offset: offset.toString(),
                    key: r.key,
                    value: r.value,
                    timestamp,
                  });
                }
              }
              // Past the whole batch, control records and skipped ones included.
              const next = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n;
              if (next > c.position) c.position = next;
            }
            // Nothing left below the high watermark (e.g. only aborted transactions): the range is done.
            if (c.end !== undefined && c.position >= p.highWatermark) c.position = c.end;
          }
        }
        if (out.length > 0) yield out;
      }
    }
  } finally {
    await consumer.close().catch(() => undefined);
  }
}
