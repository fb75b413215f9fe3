import { type Consumer, murmur2, Producer } from "@platformatic/kafka";
import type { KafkaConnectionConfig } from "./connection-config";
import { KafkaError, kafkaErrorKind, toKafkaError } from "./errors";
import { keepConnectionErrors, platformaticConnectionOptions } from "./platformatic-client";

// A transactional producer for consume-transform-produce: each call writes a batch of records and the consumer
// group's next offsets in one Kafka transaction (KIP-98), so either both count or neither does, and readers at
// read_committed never see the records of an aborted one. Opening it with its transactional id fences every earlier
// producer of that id (a crashed or paused worker): their open transaction is aborted and their next request
// refused. @platformatic/kafka 1.35.0 sends InitProducerId with producer id 0 and epoch 0 unless told otherwise,
// which the coordinator takes as "I am producer 0, epoch 0" and answers PRODUCER_FENCED for any transactional id used
// before: a restarted worker could never take over its partitions. Passing -1/-1 (KIP-360's "no producer yet") is
// what makes it work; docs/stream-apps.md has the experiment. It also picks AddPartitionsToTxn v5, but since
// KIP-890 (Kafka 3.6) versions 4 and up are the brokers' own (verify-only, batched) and need CLUSTER_ACTION: any
// principal but a super user is refused. Clients must use v3, so the version is capped below.

export interface OutputRecord {
  topic: string;
  key: string;
  value: Buffer;
  /** The message timestamp: the record's phenomenon time, epoch milliseconds. */
  timestampMs: number;
}

export interface ConsumedPosition {
  topic: string;
  partition: number;
  /** The next offset to read (the last consumed + 1). */
  next: bigint;
}

export interface GroupRef {
  groupId: string;
  /** The node id of the group's coordinator (TxnOffsetCommit goes to it). */
  coordinatorId: number;
}

/** Bytes of records per send within a transaction (well below the broker's default message.max.bytes). */
const SEND_BYTES = 900 * 1024;

const fencedCodes = new Set(["PRODUCER_FENCED", "INVALID_PRODUCER_EPOCH", "INVALID_PRODUCER_ID_MAPPING"]);

function isFenced(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as { apiId?: unknown; errors?: unknown; cause?: unknown };
  if (typeof e.apiId === "string" && fencedCodes.has(e.apiId)) return true;
  const inner = [...(Array.isArray(e.errors) ? e.errors : []), e.cause];
  return inner.some((i) => isFenced(i, depth + 1));
}

/** Why a transaction failed: another producer of the same id took over (fenced), or anything else. */
export class TransactionFailed extends KafkaError {
  constructor(
    readonly fenced: boolean,
    cause: unknown,
    context: string,
  ) {
    const base = toKafkaError(cause, context);
    super(base.kind, fenced ? `${context}: fenced by a newer producer of the same transactional id` : base.message, {
      cause,
    });
    this.name = "TransactionFailed";
  }
}

/** Key bytes and partition hash per key: a stream's records share a handful of keys (datastream names). */
class KeyCache {
  private readonly keys = new Map<string, { bytes: Buffer; hash: number }>();

  get(key: string): { bytes: Buffer; hash: number } {
    let k = this.keys.get(key);
    if (!k) {
      const bytes = Buffer.from(key, "utf8");
      // Java's (and kafkajs') default partitioner: murmur2 & 0x7fffffff, modulo the partition count (the library
      // takes the modulo), so a key lands where any Kafka client would put it.
      k = { bytes, hash: murmur2(bytes) & 0x7fffffff };
      if (this.keys.size >= 10_000) this.keys.clear(); // bounded, whatever names come
      this.keys.set(key, k);
    }
    return k;
  }
}

export class TransactionalProducer {
  private broken = false;
  private readonly keyCache = new KeyCache();

  private constructor(
    private readonly producer: Producer,
    readonly transactionalId: string,
  ) {}

  /**
   * Opens the producer and takes over its transactional id: when this resolves, every earlier producer of the id is
   * fenced and its unfinished transaction is aborted (or completed, if it was already committing), so the group's
   * committed offsets are final for the partitions this id covers.
   */
  static async open(config: KafkaConnectionConfig, transactionalId: string): Promise<TransactionalProducer> {
    const producer = keepConnectionErrors(
      new Producer({
        clientId: config.clientId,
        bootstrapBrokers: config.brokers,
        transactionalId,
        idempotent: true,
        producerId: -1n,
        producerEpoch: -1,
        timeout: config.requestTimeoutMs ?? 30_000,
        // CONCURRENT_TRANSACTIONS (the coordinator still finishing the previous commit) is retried.
        retries: Math.max(config.retries ?? 5, 5),
        retryDelay: 100,
        ...platformaticConnectionOptions(config),
      }),
    );
    try {
      await capClientApiVersions(producer);
      // beginTransaction runs InitProducerId (the fencing); the empty transaction is then dropped on this side
      // only (cancel: nothing was sent, so the coordinator holds nothing to abort).
      const t = await producer.beginTransaction();
      await t.cancel();
    } catch (error) {
      await producer.close().catch(() => undefined);
      throw new TransactionFailed(isFenced(error), error, `taking over transactional id ${transactionalId}`);
    }
    return new TransactionalProducer(producer, transactionalId);
  }

  /**
   * Writes the records and commits the group's positions in one transaction. On any failure the transaction is
   * aborted (if the coordinator still listens) and this producer must be closed: the caller opens a new one, which
   * fences whatever this one left behind, and reads the committed positions again.
   */
  async commit(records: readonly OutputRecord[], group: GroupRef, positions: readonly ConsumedPosition[]) {
    if (this.broken) throw new KafkaError("other", `producer ${this.transactionalId} failed before: open a new one`);
    const transaction = await this.producer.beginTransaction().catch((error: unknown) => {
      this.broken = true;
      throw new TransactionFailed(isFenced(error), error, `beginning a transaction of ${this.transactionalId}`);
    });
    try {
      // In sends of at most SEND_BYTES each (a record alone may be larger, up to its topic's limit): one send is one
      // batch per partition, and a batch over the broker's message.max.bytes (1 MiB) is refused whole. A join can
      // emit more than it read in one round.
      for (let from = 0; from < records.length; ) {
        let to = from;
        let bytes = 0;
        while (to < records.length && (to === from || bytes + (records[to]?.value.length ?? 0) <= SEND_BYTES)) {
          bytes += (records[to]?.value.length ?? 0) + (records[to]?.key.length ?? 0) + 32;
          to++;
        }
        await transaction.send({
          messages: records.slice(from, to).map((r) => {
            const key = this.keyCache.get(r.key);
            return {
              topic: r.topic,
              key: key.bytes,
              partition: key.hash,
              value: r.value,
              timestamp: BigInt(r.timestampMs),
            };
          }),
        });
        from = to;
      }
      if (positions.length > 0) {
        // The library wants a consumer and consumed messages; the group id and coordinator are all it reads of them.
        await transaction.addConsumer({ groupId: group.groupId } as unknown as Consumer);
        for (const p of positions) {
          await transaction.addOffset({
            topic: p.topic,
            partition: p.partition,
            offset: p.next - 1n,
            // generation -1 and no member: the commit is fenced by the transactional id, not by the group's
            // generation (a partition's transactional id is taken over before its new owner reads any offset).
            metadata: {
              consumer: { groupId: group.groupId, generationId: -1, memberId: "", coordinatorId: group.coordinatorId },
            },
          } as never);
        }
      }
      await transaction.commit();
    } catch (error) {
      this.broken = true;
      const fenced = isFenced(error);
      if (!fenced && kafkaErrorKind(error) !== "unavailable") await transaction.abort().catch(() => undefined);
      throw new TransactionFailed(fenced, error, `committing a transaction of ${this.transactionalId}`);
    }
  }

  async close(): Promise<void> {
    await this.producer.close().catch(() => undefined);
  }
}

/** The highest version of each API a client may use, where the broker offers more than clients may send. */
const CLIENT_API_CAPS: Record<string, number> = { AddPartitionsToTxn: 3 };

/**
 * Lists the broker's APIs once and caps those in CLIENT_API_CAPS before the producer uses them. The library keeps
 * the list under a private symbol (found by its description), which it fills only when empty: filled here, it stays.
 */
async function capClientApiVersions(producer: Producer): Promise<void> {
  const apis = await producer.listApis();
  const slot = Object.getOwnPropertySymbols(producer).find((s) => s.description === "plt.kafka.base.apis");
  if (!slot)
    throw new Error("@platformatic/kafka changed: cannot cap AddPartitionsToTxn to v3 (see transactional-producer.ts)");
  (producer as unknown as Record<symbol, unknown>)[slot] = apis.map((api) => {
    const cap = CLIENT_API_CAPS[api.name];
    return cap === undefined || api.maxVersion <= cap ? api : { ...api, maxVersion: cap };
  });
}
