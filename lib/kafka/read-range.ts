import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";
import { type FetchedRecord, PartitionReader } from "./partition-reader";

// A time range (or a tail) of topics, read without any consumer group through PartitionReader.

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

export type RangeMessage = FetchedRecord;

export interface PartitionRange {
  topic: string;
  partition: number;
  /** First offset to read. */
  start: bigint;
  /** Offset to stop before (undefined when following). */
  end: bigint | undefined;
}

async function plan(reader: PartitionReader, options: ReadRangeOptions): Promise<PartitionRange[]> {
  const ends = options.follow
    ? undefined
    : await reader.offsetsFor(options.topics, options.toMs === undefined ? "latest" : options.toMs);
  const added = await reader.add(
    options.topics,
    { timeMs: options.fromMs },
    (topic, partition) => ends?.get(topic)?.[partition],
  );
  return added.map(({ topic, partition, position, end }) => ({ topic, partition, start: position, end }));
}

/** The offsets a read of `options` would cover per partition, without reading: for progress and previews. */
export async function planRange(config: KafkaConnectionConfig, options: ReadRangeOptions): Promise<PartitionRange[]> {
  const reader = PartitionReader.open(config);
  try {
    return await plan(reader, options);
  } catch (error) {
    throw toKafkaError(error, `planning a read of ${options.topics.join(", ")}`);
  } finally {
    await reader.close();
  }
}

/**
 * Reads [fromMs, toMs) of the topics without a consumer group, yielding batches of messages (each partition in
 * offset order; partitions interleaved). Records between the two offsets whose broker timestamps lie outside the
 * range (clients may set their own) are skipped, so the range is exact by broker time.
 */
export async function* readRange(
  config: KafkaConnectionConfig,
  options: ReadRangeOptions,
): AsyncGenerator<RangeMessage[], void, undefined> {
  const reader = PartitionReader.open(config);
  const upper = options.follow ? undefined : options.toMs;
  try {
    const ranges = await plan(reader, options);
    options.onPlan?.(ranges);
    while (!options.signal?.aborted && (options.follow || !reader.done)) {
      const fetched = await reader.fetch({
        maxWaitMs: options.follow ? (options.maxWaitMs ?? 500) : 0,
        maxBytesPerPartition: options.maxBytes,
      });
      const out = fetched.filter((m) => m.timestamp >= options.fromMs && (upper === undefined || m.timestamp < upper));
      if (out.length > 0) yield out;
    }
  } finally {
    await reader.close();
  }
}
