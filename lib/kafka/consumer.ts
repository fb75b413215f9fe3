import type { Consumer, EachBatchPayload } from "kafkajs";
import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";
import { createKafkajs, kafkajsRetry } from "./kafkajs-client";

export interface FetchedMessage {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Broker timestamp, epoch milliseconds as text. */
  timestamp: string;
  /** The record's headers, as kafkajs read them. */
  headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

export interface FetchedBatch {
  topic: string;
  partition: number;
  messages: FetchedMessage[];
}

export interface BatchContext {
  /** Tells the group this member is alive; call it while a batch waits (it throws when a rebalance began). */
  heartbeat(): Promise<void>;
  /** False once the consumer stops or the batch went stale (its partition was revoked or sought). */
  isActive(): boolean;
  /** Moves the fetch position past `offset` (in memory; committing is separate). */
  markFetched(offset: string): void;
}

export interface GroupConsumerOptions {
  groupId: string;
  topics: string[];
  /** Where a group without a committed position starts: the earliest retained record (default) or the latest. */
  fromBeginning?: boolean;
  /** Topics among `topics` that start at their earliest record when the group has no position on them, whatever
   * `fromBeginning` says (e.g. a system's topics created after the group first started: all their records are new). */
  fromBeginningTopics?: readonly string[];
  /** Start every partition at the first record at or after this time (epoch ms) instead of the committed position. */
  fromTimeMs?: number;
  /**
   * Whether kafkajs restarts the member itself after a retriable crash (default). Callers that restart it themselves
   * on onCrash say false: a self-restart pending when they disconnect would join the group again as a zombie.
   */
  selfRestart?: boolean;
  sessionTimeoutMs?: number;
}

export interface GroupConsumerEvents {
  /** The consumer stopped for good (kafkajs will not restart it), e.g. an ACL refused the group. */
  onCrash(error: Error): void;
  /** This member's partitions after each (re)balance. */
  onAssignment?(assignment: Record<string, number[]>): void;
}

/**
 * A member of a consumer group, in Rhei's types: fetched batches go to one handler, offsets are committed only
 * when the caller says so (the SDK commits what it delivered, not what it fetched).
 */
export class GroupConsumer {
  /** Set by disconnect(): from then on this member must not hold partitions, whatever kafkajs does. */
  private retired = false;
  /** kafkajs' run(), which resolves once the member has joined (or crashed trying). */
  private started: Promise<void> | undefined;

  private constructor(
    private readonly consumer: Consumer,
    private readonly config: KafkaConnectionConfig,
    private readonly options: GroupConsumerOptions,
  ) {}

  static async connect(config: KafkaConnectionConfig, options: GroupConsumerOptions): Promise<GroupConsumer> {
    const consumer = createKafkajs(config).consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      // A fetch waits this long for new records; stopping waits for the fetch in flight, so keep it short.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
      ...(options.selfRestart === false
        ? { retry: { ...kafkajsRetry(config), restartOnFailure: async () => false } }
        : {}),
    });
    try {
      await consumer.connect();
      const early = new Set(options.fromBeginningTopics ?? []);
      const rest = options.topics.filter((t) => !early.has(t));
      const fromStart = options.topics.filter((t) => early.has(t));
      if (rest.length > 0) await consumer.subscribe({ topics: rest, fromBeginning: options.fromBeginning ?? true });
      if (fromStart.length > 0) await consumer.subscribe({ topics: fromStart, fromBeginning: true });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw toKafkaError(error, `joining group ${options.groupId}`);
    }
    return new GroupConsumer(consumer, config, options);
  }

  /** Starts fetching; resolves once the member joined the group. */
  async run(handler: (batch: FetchedBatch, context: BatchContext) => Promise<void>, events: GroupConsumerEvents) {
    const c = this.consumer;
    const seeks =
      this.options.fromTimeMs === undefined ? undefined : await this.offsetsForTime(this.options.fromTimeMs);
    c.on(c.events.CRASH, (event) => {
      if (!event.payload.restart && !this.retired) events.onCrash(event.payload.error);
    });
    c.on(c.events.GROUP_JOIN, (event) => {
      // kafkajs can still join after disconnect(): a disconnect during a join (kafkajs #1074), or its own restart
      // after a crash that was pending when we disconnected. Such a zombie would hold partitions nobody reads (seen:
      // six members of one console process in the evaluator's group, alarms never raised): leave again, now.
      if (this.retired) {
        // After the join returns: kafkajs' stop() does nothing until the member counts as running.
        setTimeout(() => void c.disconnect().catch(() => undefined), 100);
        return;
      }
      const assignment = event.payload.memberAssignment;
      // Applied inside the join, before the first fetch, so no record from the committed position slips out first.
      if (seeks) {
        for (const [topic, partitions] of Object.entries(assignment)) {
          for (const partition of partitions) {
            const offset = seeks.get(`${topic}:${partition}`);
            if (offset !== undefined) c.seek({ topic, partition, offset });
          }
        }
      }
      events.onAssignment?.(assignment);
    });
    try {
      this.started = c.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async (payload: EachBatchPayload) => {
          const { batch } = payload;
          // kafkajs' own message objects already have FetchedMessage's shape: no copy per record.
          await handler(
            { topic: batch.topic, partition: batch.partition, messages: batch.messages },
            {
              heartbeat: () => payload.heartbeat(),
              isActive: () => !this.retired && payload.isRunning() && !payload.isStale(),
              markFetched: (offset) => payload.resolveOffset(offset),
            },
          );
        },
      });
      await this.started;
    } catch (error) {
      throw toKafkaError(error, `consuming ${this.options.topics.join(", ")}`);
    }
  }

  /**
   * Moves one of this member's partitions to `offset`: the next batch of it starts there (a batch in hand goes stale).
   * For readers that keep their positions elsewhere (the rollup job keeps them in PostgreSQL).
   */
  seek(topic: string, partition: number, offset: string): void {
    this.consumer.seek({ topic, partition, offset });
  }

  /** Commits the positions (offset = the next message to read) of this member's group. */
  async commit(positions: readonly { topic: string; partition: number; offset: string }[]): Promise<void> {
    if (positions.length === 0) return;
    try {
      await this.consumer.commitOffsets(positions.map((p) => ({ ...p })));
    } catch (error) {
      throw toKafkaError(error, `committing offsets of group ${this.options.groupId}`);
    }
  }

  /**
   * Leaves the group and closes. A member still joining is let finish first (bounded): kafkajs' stop() does nothing
   * before the join completes, and the member would then join and keep its partitions, unread (kafkajs #1074).
   */
  async disconnect(): Promise<void> {
    this.retired = true;
    if (this.started) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.started.catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 20_000);
        }),
      ]);
      clearTimeout(timer);
    }
    await this.consumer.disconnect();
  }

  private async offsetsForTime(timeMs: number): Promise<Map<string, string>> {
    const admin = createKafkajs(this.config).admin();
    const seeks = new Map<string, string>();
    try {
      await admin.connect();
      for (const topic of this.options.topics) {
        for (const row of await admin.fetchTopicOffsetsByTimestamp(topic, timeMs)) {
          seeks.set(`${topic}:${row.partition}`, row.offset);
        }
      }
    } catch (error) {
      throw toKafkaError(error, `finding offsets for ${new Date(timeMs).toISOString()}`);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    return seeks;
  }
}
