import { type Broker, Consumer, FetchIsolationLevels } from "@platformatic/kafka";
import { createLogger } from "../log";
import type { KafkaConnectionConfig } from "./connection-config";
import { KafkaError, kafkaErrorKind, toKafkaError } from "./errors";
import { keepConnectionErrors, platformaticConnectionOptions } from "./platformatic-client";
import { RawFetcher, type RawRecord } from "./raw-fetch";

// Reading partitions without a consumer group: the one fetch loop behind every group-less read (a time range, a tail,
// the console's live hub, history). A client's ACLs allow only its own group, and joining it for a replay would take
// partitions away from the client's live consumer. kafkajs can only fetch as a group member, so this module uses
// @platformatic/kafka, whose Consumer exposes the plain ListOffsets and Fetch requests: neither touches a group
// coordinator, so they need only READ (which implies DESCRIBE) on the topics. The Consumer wants a group id at
// construction; it is never sent, because nothing here calls consume(), commit() or joinGroup(). Records are
// fetched by RawFetcher, read_committed with Kafka's own rules (never the Consumer's fetch, which filters aborted
// transactions wrongly): stream apps write `.ext` topics in transactions, and their markers and aborted records
// must never reach a reader.

/** A record as fetched: where it is, its key and value, and its broker timestamp (epoch ms). */
export type FetchedRecord = RawRecord;

/** Where a partition's reading starts: the first offset whose timestamp is at or after a time, an offset, or an end. */
export type StartAt = { timeMs: number } | { offset: bigint } | "earliest" | "latest";

export interface PartitionPosition {
  topic: string;
  partition: number;
  /** The next offset to read. */
  position: bigint;
  /** Offset to stop before (undefined: keep following). */
  end: bigint | undefined;
  /** The partition's log start when last seen (retention moves it). */
  logStart: bigint;
  /** The partition's high watermark when last seen. */
  highWatermark: bigint;
}

interface Cursor extends PartitionPosition {
  topicId: string;
  leader: number;
}

const log = createLogger("kafka");
const OFFSET_OUT_OF_RANGE = 1;
const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Group-less reading of some partitions from chosen positions, either up to chosen end offsets or following new
 * records. Partitions can be added and removed between fetches (the live hub adds a topic when a socket first needs
 * it). Each fetch returns records in offset order per partition; partitions are interleaved.
 */
export class PartitionReader {
  private readonly cursors = new Map<string, Cursor>();
  private readonly brokers = new Map<number, Broker>();
  private fetches = 0;

  private constructor(
    private readonly consumer: Consumer,
    private readonly fetcher: RawFetcher,
    private readonly config: KafkaConnectionConfig,
  ) {}

  static open(config: KafkaConnectionConfig): PartitionReader {
    return new PartitionReader(consumerFor(config, config.retries ?? 3), new RawFetcher(config), config);
  }

  /**
   * The topics among these that exist and this principal may read (a system the reconciler has not provisioned yet
   * has none). Asked on a connection of its own without retries: the client retries an unknown topic for seconds,
   * taking it for one being created.
   */
  async existing(topics: string[]): Promise<string[]> {
    if (topics.length === 0) return [];
    const probe = consumerFor(this.config, 0);
    try {
      const out: string[] = [];
      for (const topic of topics) {
        try {
          await probe.metadata({ topics: [topic] });
          out.push(topic);
        } catch (error) {
          const kind = kafkaErrorKind(error);
          if (kind !== "not-found" && kind !== "authorization") {
            throw toKafkaError(error, `reading the metadata of ${topic}`);
          }
        }
      }
      return out;
    } finally {
      await probe.close().catch(() => undefined);
    }
  }

  /** Offsets per partition of each topic for a time (-1 = end, -2 = start); a time past the end gives the end. */
  async offsetsFor(topics: string[], at: number | "latest" | "earliest"): Promise<Map<string, bigint[]>> {
    try {
      const timestamp = at === "latest" ? -1n : at === "earliest" ? -2n : BigInt(Math.floor(at));
      const found = await this.consumer.listOffsets({ topics, timestamp });
      if (at === "latest" || at === "earliest") return found;
      const ends = await this.consumer.listOffsets({ topics });
      const out = new Map<string, bigint[]>();
      for (const topic of topics) {
        const end = ends.get(topic) ?? [];
        out.set(
          topic,
          (found.get(topic) ?? []).map((o, p) => (o < 0n ? (end[p] ?? 0n) : o)),
        );
      }
      return out;
    } catch (error) {
      throw toKafkaError(error, `finding offsets in ${topics.join(", ")}`);
    }
  }

  /**
   * Adds every partition of the topics, starting where `start` says (`startFor` may choose per partition) and
   * stopping before `end` (per partition; undefined to follow). Returns the positions it starts from.
   */
  async add(
    topics: string[],
    start: StartAt | ((topic: string, partition: number) => StartAt),
    end?: (topic: string, partition: number) => bigint | undefined,
  ): Promise<PartitionPosition[]> {
    if (topics.length === 0) return [];
    let metadata: Awaited<ReturnType<Consumer["metadata"]>>;
    try {
      metadata = await this.consumer.metadata({ topics });
    } catch (error) {
      throw toKafkaError(error, `reading the metadata of ${topics.join(", ")}`);
    }
    for (const [id, b] of metadata.brokers) this.brokers.set(id, { host: b.host, port: b.port });
    const choose = typeof start === "function" ? start : () => start;
    const needTimes = new Map<number, string[]>();
    const needEnds = new Set<string>();
    const needStarts = new Set<string>();
    for (const topic of topics) {
      const meta = metadata.topics.get(topic);
      if (!meta) throw new KafkaError("not-found", `topic ${topic} does not exist`);
      for (let p = 0; p < meta.partitionsCount; p++) {
        const s = choose(topic, p);
        if (s === "latest") needEnds.add(topic);
        else if (s === "earliest") needStarts.add(topic);
        else if ("timeMs" in s) needTimes.set(s.timeMs, [...new Set([...(needTimes.get(s.timeMs) ?? []), topic])]);
      }
    }
    const [ends, starts] = await Promise.all([
      this.offsetsFor(topics, "latest"),
      needStarts.size > 0 ? this.offsetsFor([...needStarts], "earliest") : Promise.resolve(new Map<string, bigint[]>()),
    ]);
    const byTime = new Map<number, Map<string, bigint[]>>();
    for (const [t, ts] of needTimes) byTime.set(t, await this.offsetsFor(ts, t));
    const added: PartitionPosition[] = [];
    for (const topic of topics) {
      const meta = metadata.topics.get(topic);
      if (!meta) continue;
      for (let partition = 0; partition < meta.partitionsCount; partition++) {
        const s = choose(topic, partition);
        const highWatermark = ends.get(topic)?.[partition] ?? 0n;
        const position =
          s === "latest"
            ? highWatermark
            : s === "earliest"
              ? (starts.get(topic)?.[partition] ?? 0n)
              : "timeMs" in s
                ? (byTime.get(s.timeMs)?.get(topic)?.[partition] ?? highWatermark)
                : s.offset;
        const cursor: Cursor = {
          topic,
          partition,
          topicId: meta.id,
          leader: meta.partitions[partition]?.leader ?? -1,
          position,
          end: end?.(topic, partition),
          logStart: 0n,
          highWatermark,
        };
        this.cursors.set(key(topic, partition), cursor);
        added.push(snapshot(cursor));
      }
    }
    return added;
  }

  /**
   * Moves a partition to `offset`. Its cursor is replaced, not changed, so a fetch in flight (which started from the
   * old position) drops its records for it instead of moving it on.
   */
  seek(topic: string, partition: number, offset: bigint): void {
    const c = this.cursors.get(key(topic, partition));
    if (c) this.cursors.set(key(topic, partition), { ...c, position: offset });
  }

  remove(topic: string): void {
    for (const [k, c] of this.cursors) if (c.topic === topic) this.cursors.delete(k);
  }

  /** Where every partition stands. */
  positions(): PartitionPosition[] {
    return [...this.cursors.values()].map(snapshot);
  }

  /** True when every partition with an end has reached it (and none follows). */
  get done(): boolean {
    for (const c of this.cursors.values()) if (c.end === undefined || c.position < c.end) return false;
    return true;
  }

  /**
   * One round of fetches (one request per leader): records at and after each partition's position, up to its end.
   * `maxWaitMs` is how long the broker may hold a fetch for new records (0 when reading a range); `only` limits the
   * round to some partitions (a reader that merges partitions in time order fetches the ones it waits for).
   */
  async fetch(options: {
    maxWaitMs: number;
    maxBytesPerPartition?: number;
    only?: (topic: string, partition: number) => boolean;
  }): Promise<FetchedRecord[]> {
    const only = options.only;
    const active = [...this.cursors.values()].filter(
      (c) => (c.end === undefined || c.position < c.end) && (only === undefined || only(c.topic, c.partition)),
    );
    if (active.length === 0) {
      // Nothing to ask a broker for: wait as a fetch would have, so a caller's fetch loop (the live hub's, a tail)
      // never spins on settled promises and starves the event loop.
      if (options.maxWaitMs > 0) await new Promise((resolve) => setTimeout(resolve, options.maxWaitMs));
      return [];
    }
    // A fetch's bytes are shared out in the order partitions are asked (MAX_FETCH_BYTES in all): a different one
    // goes first each time, so none waits behind busy ones for long.
    const shift = this.fetches++ % active.length;
    active.push(...active.splice(0, shift));
    const perPartition = options.maxBytesPerPartition ?? 1_048_576;
    const byLeader = new Map<number, Cursor[]>();
    for (const c of active) byLeader.set(c.leader, [...(byLeader.get(c.leader) ?? []), c]);
    const out: FetchedRecord[] = [];
    const outOfRange: Cursor[] = [];
    await Promise.all(
      [...byLeader].map(async ([leader, group]) => {
        const broker = this.brokers.get(leader);
        if (!broker) throw new KafkaError("unavailable", `no broker ${leader} leads ${group[0]?.topic ?? "a topic"}`);
        const fetched = await this.fetcher.fetch(
          broker,
          group.map((c) => ({
            topic: c.topic,
            topicId: c.topicId,
            partition: c.partition,
            offset: c.position,
            maxBytes: perPartition,
          })),
          options.maxWaitMs,
        );
        for (const p of fetched) {
          const c = group.find((g) => g.topicId === p.topicId && g.partition === p.partition);
          // A partition removed while its fetch was in flight: its records are no one's now.
          if (!c || this.cursors.get(key(c.topic, c.partition)) !== c) continue;
          c.highWatermark = p.highWatermark;
          c.logStart = p.logStartOffset;
          if (p.errorCode === OFFSET_OUT_OF_RANGE) {
            outOfRange.push(c); // the response says nothing of where the log is (-1s): asked below
            continue;
          }
          if (p.errorCode !== 0) {
            throw new KafkaError("other", `reading ${c.topic}/${c.partition}: error ${p.errorCode}`);
          }
          // Records past the end (a range's) are cut off: the last one under it is found without a bigint each.
          let upTo = p.records.length;
          if (c.end !== undefined && upTo > 0 && BigInt((p.records[upTo - 1] as RawRecord).offset) >= c.end) {
            upTo = p.records.findIndex((r) => BigInt(r.offset) >= (c.end as bigint));
          }
          for (let i = 0; i < upTo; i++) out.push(p.records[i] as RawRecord);
          // Past everything the response covered: control records and aborted transactions included.
          if (p.next > c.position) c.position = c.end !== undefined && p.next > c.end ? c.end : p.next;
          // Nothing committed left below the stable end (e.g. only markers): the range is done.
          if (c.end !== undefined && c.position >= p.lastStableOffset) c.position = c.end;
        }
      }),
    );
    if (outOfRange.length > 0) await this.bringIntoRange(outOfRange);
    return out;
  }

  /**
   * Positions outside their partition's log: below its start, retention removed what they wanted (go on from what is
   * left); past its end, the topic was deleted and made again, or the broker lost records (go on from the end).
   */
  private async bringIntoRange(cursors: Cursor[]): Promise<void> {
    const topics = [...new Set(cursors.map((c) => c.topic))];
    const [starts, ends] = await Promise.all([this.offsetsFor(topics, "earliest"), this.offsetsFor(topics, "latest")]);
    for (const c of cursors) {
      if (this.cursors.get(key(c.topic, c.partition)) !== c) continue; // sought or removed meanwhile
      const start = starts.get(c.topic)?.[c.partition] ?? 0n;
      const end = ends.get(c.topic)?.[c.partition] ?? start;
      c.logStart = start;
      c.highWatermark = end;
      if (c.position < start) c.position = start;
      else if (c.position > end) {
        log.warn("a read position is past the end of its partition; reading on from the end", {
          topic: c.topic,
          partition: c.partition,
          position: String(c.position),
          end: String(end),
        });
        c.position = end;
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.consumer.close().catch(() => undefined), this.fetcher.close()]);
  }
}

function snapshot(c: Cursor): PartitionPosition {
  return {
    topic: c.topic,
    partition: c.partition,
    position: c.position,
    end: c.end,
    logStart: c.logStart,
    highWatermark: c.highWatermark,
  };
}

function consumerFor(config: KafkaConnectionConfig, retries: number): Consumer {
  return keepConnectionErrors(
    new Consumer({
      clientId: config.clientId,
      bootstrapBrokers: config.brokers,
      groupId: `${config.clientId}.unused-no-group`,
      timeout: config.requestTimeoutMs ?? 30_000,
      retries,
      isolationLevel: FetchIsolationLevels.READ_COMMITTED,
      ...platformaticConnectionOptions(config),
    }),
  );
}
