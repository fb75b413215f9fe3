import "server-only";
import type { Broker } from "@platformatic/kafka";
import type { KafkaConnectionConfig } from "../../kafka/connection-config";
import { RawFetcher } from "../../kafka/raw-fetch";
import { type OutputRecord, TransactionalProducer } from "../../kafka/transactional-producer";
import type { RecordPipeline } from "../../sdk/record-pipeline";
import { transactionalIdFor } from "../../topology/principals";
import { createSelectionStats, type RecordSelector } from "./record-selector";
import type { PartitionDelta } from "./runner-store";

const OFFSET_OUT_OF_RANGE = 1;

export interface PartitionTaskOptions {
  config: KafkaConnectionConfig;
  principal: string;
  group: { groupId: string; coordinatorId: number; coordinator: Broker };
  topic: string;
  topicId: string;
  partition: number;
  leader: Broker;
  targetTopic: string;
  pipeline: RecordPipeline;
  select: RecordSelector;
  /** Bytes fetched per transaction at most (the broker returns at least one batch). */
  maxBytes?: number;
  /** How long a fetch waits for new records. */
  maxWaitMs?: number;
  /** After each committed transaction (and, without new records, where the partition stands). */
  onCommitted(delta: PartitionDelta | null, at: { position: bigint; lag: bigint; lastRecordAt: number | null }): void;
  /** The first position, once the predecessors are fenced and the committed offset is read. */
  onStarted?(position: bigint): void;
  /** Something the app's log should say. */
  onNotice?(message: string): void;
}

/**
 * One input partition of an app, exactly once: take over the partition's transactional id (which fences every
 * earlier holder and settles its open transaction), read the group's committed offset only then (require_stable),
 * and from there: fetch (read_committed), decode through the record pipeline, select, and write the selected
 * records unchanged (keyed by datastream, timestamped with phenomenon time) to the target's `.ext` in one
 * transaction with the next offset. Whatever fails, the transaction is not committed, and the next holder (or this
 * task started again) begins from the last committed offset: no record lost, none written twice.
 */
export class PartitionTask {
  private stopping = false;
  readonly done: Promise<void>;

  constructor(private readonly o: PartitionTaskOptions) {
    this.done = this.run();
  }

  get key(): string {
    return `${this.o.topic}#${this.o.partition}`;
  }

  /** Finishes the transaction in flight (at most one fetch's worth) and stops. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const o = this.o;
    const fetcher = new RawFetcher(o.config);
    let producer: TransactionalProducer | undefined;
    try {
      producer = await TransactionalProducer.open(o.config, transactionalIdFor(o.principal, o.topic, o.partition));
      const committed = (
        await fetcher.stableOffsets(o.group.coordinator, o.group.groupId, [{ topic: o.topic, partition: o.partition }])
      ).get(`${o.topic}#${o.partition}`);
      // No committed offset yet: from the earliest retained record (an out-of-range fetch says where that is).
      let position = committed !== undefined && committed >= 0n ? committed : 0n;
      o.onStarted?.(position);
      const group = { groupId: o.group.groupId, coordinatorId: o.group.coordinatorId };
      while (!this.stopping) {
        const [fetched] = await fetcher.fetch(
          o.leader,
          [
            {
              topic: o.topic,
              topicId: o.topicId,
              partition: o.partition,
              offset: position,
              maxBytes: o.maxBytes ?? 1_048_576,
            },
          ],
          o.maxWaitMs ?? 500,
        );
        if (!fetched) continue;
        if (fetched.errorCode === OFFSET_OUT_OF_RANGE) {
          // Below the start: retention removed what was next (or the app is new): go on from the first record still
          // there. Above the end: the topic was deleted and created again (its system too): read it from its start.
          if (position > fetched.highWatermark) {
            o.onNotice?.(
              `${this.key}: position ${position} is past the end ${fetched.highWatermark} (the topic was created again): reading it from its start`,
            );
          }
          position = fetched.logStartOffset;
          continue;
        }
        if (fetched.errorCode !== 0) throw new Error(`fetching ${this.key}: Kafka error ${fetched.errorCode}`);
        const next = fetched.next;
        const lag = fetched.lastStableOffset > next ? fetched.lastStableOffset - next : 0n;
        if (next === position) {
          o.onCommitted(null, { position, lag, lastRecordAt: null });
          continue;
        }
        const messages = fetched.records;
        const decoded = await o.pipeline.process(o.topic, o.partition, messages);
        const stats = createSelectionStats();
        const out: OutputRecord[] = [];
        // Decoded records keep the messages' order: walk both together to find each one's bytes (no map per batch).
        let m = 0;
        for (const record of decoded) {
          while (m < messages.length && messages[m]?.offset !== record.offset) m++;
          const view = o.select(record, stats);
          const raw = messages[m]?.value;
          if (!view || !raw) continue;
          out.push({ topic: o.targetTopic, key: record.datastream.fullName, value: raw, timestampMs: view.time });
        }
        const newest = decoded.at(-1);
        const lastRecordAt = newest ? Date.parse(newest.phenomenonTime) : null;
        await producer.commit(out, group, [{ topic: o.topic, partition: o.partition, next }]);
        position = next;
        o.onCommitted(
          {
            recordsIn: messages.length,
            recordsOut: out.length,
            filteredOut: decoded.length - out.length,
            decodeFailed: messages.length - decoded.length,
            missingPath: stats.missingPath,
            typeMismatch: stats.typeMismatch,
            notFinite: stats.notFinite,
            lateRecords: 0,
          },
          { position, lag, lastRecordAt },
        );
      }
    } finally {
      await Promise.all([producer?.close(), fetcher.close()]);
    }
  }
}
