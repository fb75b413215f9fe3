import type { KafkaConnectionConfig } from "../kafka/connection-config";
import type { FetchedMessage } from "../kafka/consumer";
import { GroupConsumer } from "../kafka/consumer";
import { createLogger } from "../log";
import { type CommitPosition, DeliveryBuffer } from "./delivery-buffer";
import { sdkErrorFromKafka } from "./kafka-failure";
import type { RecordPipeline } from "./record-pipeline";
import type { RheiRecord } from "./rhei-record";

const log = createLogger("sdk");

export interface GroupSubscriptionOptions {
  groupId: string;
  topics: string[];
  pipeline: RecordPipeline;
  /** Records held between Kafka and the reader; fetching pauses while it is full. */
  maxBufferedRecords: number;
  /** How often delivered positions are committed (and always on return/close). */
  commitIntervalMs: number;
  fromBeginning: boolean;
  fromTimeMs?: number;
  onDelivered: () => void;
  onClosed: () => void;
}

const MAX_CHUNK = 500;

/**
 * consume()'s iterator: a group member whose fetched batches go through the record pipeline into a bounded
 * DeliveryBuffer, from which the reader pulls. Only delivered positions are committed (at-least-once): a record
 * counts as delivered when the reader asks for the next one or ends its loop.
 */
export class GroupSubscription implements AsyncIterableIterator<RheiRecord, undefined> {
  private readonly buffer: DeliveryBuffer<FetchedMessage, RheiRecord>;
  private running = false;
  private consumer: GroupConsumer | undefined;
  private starting: Promise<void> | undefined;
  private commitTimer: NodeJS.Timeout | undefined;
  private committing: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly kafka: KafkaConnectionConfig,
    private readonly options: GroupSubscriptionOptions,
  ) {
    const { pipeline } = options;
    this.buffer = new DeliveryBuffer(options.maxBufferedRecords, {
      process: (run) => pipeline.process(run.topic, run.partition, run.messages),
      offsetOf: (record) => record.offset,
    });
  }

  /** Records fetched and waiting for the reader. */
  get waiting(): number {
    return this.buffer.size;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RheiRecord, undefined>> {
    // The common case, once per record: a decoded record is ready, so no async function, lookup or wait.
    if (this.running) {
      const record = this.buffer.nextReady();
      if (record !== undefined) {
        this.options.onDelivered();
        return Promise.resolve({ done: false, value: record });
      }
    }
    return this.nextAfterWait();
  }

  private async nextAfterWait(): Promise<IteratorResult<RheiRecord, undefined>> {
    this.starting ??= this.start();
    await this.starting;
    const result = await this.buffer.next();
    if (!result.done) this.options.onDelivered();
    return result;
  }

  /** Ends the loop: the last record handed out counts as delivered, positions are committed, the member leaves. */
  async return(): Promise<IteratorResult<RheiRecord, undefined>> {
    this.buffer.markDelivered();
    await this.close();
    return { done: true, value: undefined };
  }

  /** Commits what was delivered and leaves the group; every caller waits for the same, single closing. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.commitTimer);
      this.buffer.end();
      await this.starting?.catch(() => undefined);
      await this.commit();
      await this.consumer?.disconnect().catch(() => undefined);
      this.options.onClosed();
    })();
    return this.closing;
  }

  private async start(): Promise<void> {
    const { groupId, topics } = this.options;
    try {
      this.consumer = await GroupConsumer.connect(this.kafka, {
        groupId,
        topics,
        fromBeginning: this.options.fromBeginning,
        fromTimeMs: this.options.fromTimeMs,
      });
      await this.consumer.run(
        async (batch, context) => {
          // Runs of at most `chunk` messages: the buffer then holds under twice its capacity, however large
          // kafkajs' batches are. They are decoded when the reader gets to them, not here.
          const chunk = Math.max(1, Math.min(MAX_CHUNK, this.options.maxBufferedRecords));
          for (let i = 0; i < batch.messages.length; i += chunk) {
            const part = batch.messages.length <= chunk ? batch.messages : batch.messages.slice(i, i + chunk);
            const lastOffset = (part[part.length - 1] as FetchedMessage).offset;
            const run = { topic: batch.topic, partition: batch.partition, messages: part, lastOffset };
            const queued = await this.buffer.push(run, {
              onWait: () => context.heartbeat(),
              cancelled: () => !context.isActive(),
            });
            if (!queued) return;
            context.markFetched(lastOffset);
            // A slow reader keeps this batch open for long; kafkajs sends a heartbeat only when its interval has
            // passed, and this is how the member hears of a rebalance (a second member joining) in time.
            await context.heartbeat();
          }
        },
        {
          onCrash: (error) => this.buffer.end(sdkErrorFromKafka(error, `consuming as ${groupId}`)),
          onAssignment: (assignment) =>
            this.buffer.dropPartitions((topic, partition) => assignment[topic]?.includes(partition) ?? false),
        },
      );
    } catch (error) {
      await this.consumer?.disconnect().catch(() => undefined);
      throw sdkErrorFromKafka(error, `consuming as ${groupId}`);
    }
    this.commitTimer = setInterval(() => void this.commit(), this.options.commitIntervalMs);
    this.commitTimer.unref();
    this.running = true;
  }

  // One commit at a time, in order; a failed commit (e.g. during a rebalance) is logged and its positions are tried
  // again with the next one unless newer positions replaced them.
  private commit(): Promise<void> {
    this.committing = this.committing.then(async () => {
      const positions: CommitPosition[] = this.buffer.takeCommits();
      if (positions.length === 0 || !this.consumer) return;
      try {
        await this.consumer.commit(positions);
      } catch (error) {
        this.buffer.retryCommits(positions);
        log.warn("could not commit delivered positions; will retry", { error: (error as Error).message });
      }
    });
    return this.committing;
  }
}
