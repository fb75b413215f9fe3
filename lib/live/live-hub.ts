import "server-only";
import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { KafkaError } from "../kafka/errors";
import { type PartitionPosition, PartitionReader } from "../kafka/partition-reader";
import { createLogger } from "../log";
import type { DatastreamCatalog } from "../sdk/datastream-catalog";
import { RecordPipeline } from "../sdk/record-pipeline";
import type { RejectedRecord } from "../sdk/rejected-record";
import { systemTopics } from "../topology/system-topics";
import { LIVE_PROTOCOL_VERSION } from "./events";
import type { LiveRecord, LiveState, LiveStatus, LiveStreamInfo, StreamKey } from "./live-protocol";
import { toLiveRecord } from "./live-record";
import { type BackfillResult, readBackfill } from "./read-backfill";
import { encodeFrame, type SocketSender } from "./socket-sender";

const log = createLogger("live");

/** Someone following streams: a socket's outbox and where its status lines go. */
export interface LiveSubscriber {
  id: string;
  sender: SocketSender;
  status(status: LiveStatus): void;
  missed(stream: StreamKey, records: number, reason: "slow-connection" | "gap-too-long"): void;
}

export type StartFrom = { resume: Map<number, bigint> } | { sinceMs: number } | undefined;

interface Stream {
  info: LiveStreamInfo;
  topic: string;
  /** The datastream's full name; undefined for an incoming stream (every record of the topic). */
  fullName: string | undefined;
  subscribers: Set<LiveSubscriber>;
  lastRecordAt: number | undefined;
}

interface Topic {
  streams: Set<StreamKey>;
  ready: Promise<void>;
}

export interface LiveHubOptions {
  kafka: KafkaConnectionConfig;
  catalog: DatastreamCatalog;
  /** Rejected records the hub noticed, per system name, for the console's rejection store. */
  reportRejections(systemName: string, rejections: RejectedRecord[]): void;
  /** How long a fetch waits for new records. */
  maxWaitMs?: number;
}

/**
 * The console process's one live hub: group-less readers on exactly the topics its sockets' streams need (a topic
 * is added with the first stream on it and removed with the last), starting at the end of the log. Each record is
 * decoded once through the SDK's record pipeline and each stream's records of a fetch become one frame, encoded once
 * and queued to every subscriber's bounded outbox. No consumer group: any number of console processes can run, and
 * no client's group is touched. While Kafka is away every stream says so; the reader keeps its positions and, back,
 * reads on from them, so nothing produced meanwhile is missed.
 */
export class LiveHub {
  private readonly streams = new Map<StreamKey, Stream>();
  private readonly topics = new Map<string, Topic>();
  private reader: PartitionReader | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private kafkaState: LiveState = "live";
  private readonly pipeline: RecordPipeline;
  private wake: (() => void) | undefined;
  readonly stats = { fetched: 0, delivered: 0, rejected: 0, errors: 0 };

  constructor(private readonly options: LiveHubOptions) {
    this.pipeline = new RecordPipeline({
      catalog: options.catalog,
      filter: () => undefined,
      onRejected: (rejection) => {
        this.stats.rejected++;
        const system = rejection.topic.replace(/\.(int|ext|log)$/, "");
        options.reportRejections(system, [rejection]);
      },
    });
  }

  /** Streams a subscriber follows. */
  streamsOf(subscriber: LiveSubscriber): LiveStreamInfo[] {
    return [...this.streams.values()].filter((s) => s.subscribers.has(subscriber)).map((s) => s.info);
  }

  /**
   * Adds a subscriber to a stream. With `from`, the gap between what it holds (or a window's start) and the live
   * frames is filled from Kafka first: live frames of the stream wait in its outbox meanwhile, so it gets everything
   * once and in order.
   */
  async subscribe(subscriber: LiveSubscriber, info: LiveStreamInfo, from: StartFrom, width?: number): Promise<void> {
    const systemName = info.key.startsWith("ext:") ? info.name : info.name.split(".").slice(0, 4).join(".");
    const topics = systemTopics(systemName);
    const topic = info.key.startsWith("ext:") ? topics.ext : topics.int;
    let stream = this.streams.get(info.key);
    if (!stream) {
      stream = {
        info,
        topic,
        fullName: info.key.startsWith("ds:") ? info.name : undefined,
        subscribers: new Set(),
        lastRecordAt: undefined,
      };
      this.streams.set(info.key, stream);
    }
    if (from) subscriber.sender.hold(info.key);
    stream.subscribers.add(subscriber);
    try {
      await this.ensureTopic(topic, info.key);
    } catch (error) {
      subscriber.sender.release(info.key);
      this.unsubscribe(subscriber, info.key);
      throw error;
    }
    // Where this subscriber's live frames begin: the reader's positions now (frames of any fetch processed from
    // here on carry offsets at or after them).
    const until = new Map(this.positionsOf(topic).map((p) => [p.partition, p.position]));
    subscriber.status(this.statusOf(stream, from ? "catching-up" : this.kafkaState));
    if (!from) return;
    let filled: BackfillResult | undefined;
    try {
      filled = await readBackfill(this.options.kafka, this.pipeline, {
        topic,
        fullName: stream.fullName,
        from,
        until,
        width,
      });
    } catch (error) {
      log.warn("could not fill a stream's gap from Kafka", { stream: info.key, error });
      subscriber.missed(info.key, 0, "gap-too-long");
    }
    if (!stream.subscribers.has(subscriber)) return; // left while the gap was read
    if (filled) {
      if (filled.skipped > 0) subscriber.missed(info.key, filled.skipped, "gap-too-long");
      subscriber.sender.pushBackfill(info.key, filled.records, filled.downsampled);
      const newest = filled.records.reduce((t, r) => Math.max(t, r.t), stream.lastRecordAt ?? 0);
      if (newest > 0 && (stream.lastRecordAt ?? 0) < newest) stream.lastRecordAt = newest;
    }
    subscriber.sender.release(info.key);
    subscriber.status(this.statusOf(stream, this.kafkaState));
  }

  unsubscribe(subscriber: LiveSubscriber, key: StreamKey): void {
    const stream = this.streams.get(key);
    if (!stream) return;
    stream.subscribers.delete(subscriber);
    subscriber.sender.forget(key);
    if (stream.subscribers.size > 0) return;
    this.streams.delete(key);
    const topic = this.topics.get(stream.topic);
    topic?.streams.delete(key);
    if (topic && topic.streams.size === 0) {
      this.topics.delete(stream.topic);
      this.reader?.remove(stream.topic);
    }
  }

  /** Removes the subscriber from every stream (its socket went away). */
  leave(subscriber: LiveSubscriber): void {
    for (const [key, stream] of [...this.streams])
      if (stream.subscribers.has(subscriber)) this.unsubscribe(subscriber, key);
  }

  async close(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.reader?.close();
    this.reader = undefined;
  }

  private statusOf(stream: Stream, state: LiveState): LiveStatus {
    return {
      v: LIVE_PROTOCOL_VERSION,
      stream: stream.info.key,
      state,
      ...(stream.lastRecordAt === undefined ? {} : { lastRecordAt: stream.lastRecordAt }),
    };
  }

  private positionsOf(topic: string): PartitionPosition[] {
    return (this.reader?.positions() ?? []).filter((p) => p.topic === topic);
  }

  private async ensureTopic(topic: string, key: StreamKey): Promise<void> {
    let t = this.topics.get(topic);
    if (!t) {
      this.reader ??= PartitionReader.open(this.options.kafka);
      const reader = this.reader;
      t = { streams: new Set(), ready: reader.add([topic], "latest").then(() => undefined) };
      this.topics.set(topic, t);
      t.ready.catch(() => {
        if (this.topics.get(topic) === t) this.topics.delete(topic);
      });
    }
    t.streams.add(key);
    await t.ready;
    this.start();
  }

  private start(): void {
    if (this.running) {
      this.wake?.();
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      if (this.topics.size === 0 || !this.reader) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, 1000).unref();
        });
        continue;
      }
      try {
        // Topics that could not be re-attached after an outage come first: until they are, Kafka is not back (a
        // fetch over the remaining partitions, maybe none, proves nothing).
        if (this.pendingTopics.size > 0) await this.attachPending();
        const fetched = await this.reader.fetch({ maxWaitMs: this.options.maxWaitMs ?? 100 });
        if (this.kafkaState !== "live") this.setKafkaState("live");
        failures = 0;
        await this.dispatch(fetched);
      } catch (error) {
        this.stats.errors++;
        failures++;
        if (this.kafkaState === "live")
          log.warn("the live hub lost Kafka; retrying", { error: (error as Error).message });
        this.setKafkaState("kafka-unavailable");
        await this.reopen();
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** Math.min(failures, 5))).unref());
      }
    }
  }

  /** Re-attaches the topics an outage left detached, from the positions they had (throws while Kafka is away). */
  private async attachPending(): Promise<void> {
    for (const topic of [...this.pendingTopics]) {
      const position = (partition: number) => this.pending.get(`${topic}#${partition}`);
      if (this.topics.has(topic)) {
        try {
          await this.reader?.add([topic], (_t, partition) => {
            const at = position(partition);
            return at === undefined ? "latest" : { offset: at };
          });
        } catch (error) {
          // Deleted meanwhile (its system is gone): its streams lose their rights and leave; nothing to wait for.
          if (!(error instanceof KafkaError && error.kind === "not-found")) throw error;
        }
      }
      this.pendingTopics.delete(topic);
      for (const k of [...this.pending.keys()]) if (k.startsWith(`${topic}#`)) this.pending.delete(k);
    }
  }

  /** A fresh connection that goes on from the old one's positions (nothing produced meanwhile is missed). */
  private async reopen(): Promise<void> {
    const old = this.reader;
    const positions = old?.positions() ?? [];
    this.reader = PartitionReader.open(this.options.kafka);
    await old?.close();
    const byTopic = new Map<string, Map<number, bigint>>();
    for (const p of positions) byTopic.set(p.topic, (byTopic.get(p.topic) ?? new Map()).set(p.partition, p.position));
    // Topics already detached keep the positions they had (attachPending uses them); after the first failure the
    // rest are detached at once rather than each waiting out its own timeouts.
    let away = false;
    for (const topic of this.topics.keys()) {
      if (this.pendingTopics.has(topic)) continue;
      const known = byTopic.get(topic);
      if (!away) {
        try {
          await this.reader.add([topic], (_t, partition) => {
            const at = known?.get(partition);
            return at === undefined ? "latest" : { offset: at };
          });
          continue;
        } catch (error) {
          // A deleted topic (its system is gone): its streams lose their rights and leave.
          if (error instanceof KafkaError && error.kind === "not-found") continue;
          away = true;
        }
      }
      this.reader.remove(topic);
      if (known) for (const [partition, position] of known) this.pending.set(`${topic}#${partition}`, position);
      this.pendingTopics.add(topic);
    }
  }

  private readonly pending = new Map<string, bigint>();
  private readonly pendingTopics = new Set<string>();

  private setKafkaState(state: LiveState): void {
    if (this.kafkaState === state) return;
    this.kafkaState = state;
    for (const stream of this.streams.values()) {
      for (const s of stream.subscribers) s.status(this.statusOf(stream, state));
    }
  }

  private async dispatch(fetched: Awaited<ReturnType<PartitionReader["fetch"]>>): Promise<void> {
    if (fetched.length === 0) return;
    this.stats.fetched += fetched.length;
    const runs = new Map<string, typeof fetched>();
    for (const m of fetched) {
      const k = `${m.topic}\u0000${m.partition}`;
      let run = runs.get(k);
      if (!run) {
        run = [];
        runs.set(k, run);
      }
      run.push(m);
    }
    const frames = new Map<StreamKey, LiveRecord[]>();
    for (const run of runs.values()) {
      const first = run[0];
      if (!first) continue;
      const topic = this.topics.get(first.topic);
      if (!topic) continue;
      const byName = new Map<string, StreamKey>();
      let incoming: StreamKey | undefined;
      for (const key of topic.streams) {
        const stream = this.streams.get(key);
        if (!stream) continue;
        if (stream.fullName === undefined) incoming = key;
        else byName.set(stream.fullName, key);
      }
      // Only the messages some stream wants are decoded (by key where the key names the datastream).
      const wanted = incoming ? run : run.filter((m) => m.key === null || byName.has(m.key.toString("utf8")));
      if (wanted.length === 0) continue;
      for (const record of await this.pipeline.process(first.topic, first.partition, wanted)) {
        const key = incoming ?? byName.get(record.datastream.fullName);
        if (!key) continue;
        let list = frames.get(key);
        if (!list) {
          list = [];
          frames.set(key, list);
        }
        list.push(toLiveRecord(record, key === incoming));
      }
    }
    for (const [key, records] of frames) {
      const stream = this.streams.get(key);
      if (!stream) continue;
      for (const r of records)
        if (stream.lastRecordAt === undefined || r.t > stream.lastRecordAt) stream.lastRecordAt = r.t;
      for (let i = 0; i < records.length; i += 500) {
        const part = records.slice(i, i + 500);
        const bytes = encodeFrame({ stream: key, records: part });
        for (const s of stream.subscribers) s.sender.push(key, part.length, bytes);
        this.stats.delivered += part.length * stream.subscribers.size;
      }
    }
  }
}
