import {
  type Broker,
  ConnectionPool,
  createAPI,
  FetchIsolationLevels,
  fetchV17,
  offsetFetchV9,
  type Reader,
  ResponseError,
} from "@platformatic/kafka";
import type { KafkaConnectionConfig } from "./connection-config";
import { toKafkaError } from "./errors";
import { keepConnectionErrors, platformaticConnectionOptions } from "./platformatic-client";
import { committedBatches } from "./read-committed";
import { decodeRecordBatches } from "./record-batches";

// One Fetch request, read_committed, sent on connections of our own: @platformatic/kafka's Consumer.fetch() would
// filter aborted transactions wrongly on the way back (see read-committed.ts), so its low-level Fetch v17 request
// is used and the filtering done by committedBatches. Fetch needs no group, only READ (implies DESCRIBE) on topics.
// Committed positions are read the same way, with require_stable (KIP-447): the library's OffsetFetch does not ask
// for it, and an offset a transaction is still committing must not be read as if it were final.

export interface FetchPartitionRequest {
  /** The topic's name, which its records carry (the request itself names the topic by id). */
  topic: string;
  topicId: string;
  partition: number;
  offset: bigint;
  maxBytes: number;
}

/**
 * A committed record, in the shape the record pipeline takes (offset as text, as everywhere in Rhei's records), with
 * where it comes from: made once here and handed on as it is, since a history read makes a million of them.
 */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** The message timestamp (create time unless the topic says otherwise), epoch milliseconds. */
  timestamp: number;
}

export interface FetchedPartition {
  topicId: string;
  partition: number;
  /** Kafka's error code for the partition (0: none; 1: OFFSET_OUT_OF_RANGE). */
  errorCode: number;
  highWatermark: bigint;
  /** The end a read_committed reader reaches: no open transaction starts before it. */
  lastStableOffset: bigint;
  logStartOffset: bigint;
  /** Committed records at and after the requested offset, in offset order. */
  records: RawRecord[];
  /** The offset after everything this response covered (skipped markers and aborted records included). */
  next: bigint;
}

const OUT_OF_RANGE = 1;
/** At most this much in one fetch response, however many partitions it asks (the broker's own default is 50 MiB). */
export const MAX_FETCH_BYTES = 32 << 20;

interface FetchResponsePartition {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[];
  /** The partition's record batches as one contiguous buffer, decoded by decodeRecordBatches. */
  records: Buffer | undefined;
}

interface FetchResponse {
  errorCode: number;
  responses: { topicId: string; partitions: FetchResponsePartition[] }[];
}

/**
 * Fetch v17's response (the layout in @platformatic/kafka's fetch-v17.js), with each partition's records kept as
 * one buffer: the library's own parser decodes them record by record at a cost that dominated history reads
 * (record-batches.ts says why), and only the caller knows the topic's name and the position records start at.
 */
function parseFetchResponse(_correlationId: number, apiKey: number, apiVersion: number, reader: Reader): FetchResponse {
  const errors: [string, [number, null]][] = [];
  reader.readInt32(); // throttle time
  const errorCode = reader.readInt16();
  if (errorCode !== 0) errors.push(["", [errorCode, null]]);
  reader.readInt32(); // session id
  const responses = reader.readArray((r, i) => ({
    topicId: r.readUUID(),
    partitions: r.readArray((r, j): FetchResponsePartition => {
      const partitionIndex = r.readInt32();
      const partitionError = r.readInt16();
      const highWatermark = r.readInt64();
      const lastStableOffset = r.readInt64();
      const logStartOffset = r.readInt64();
      const abortedTransactions = r.readArray((r) => ({ producerId: r.readInt64(), firstOffset: r.readInt64() }));
      r.readInt32(); // preferred read replica
      if (partitionError !== 0) errors.push([`/responses/${i}/partitions/${j}`, [partitionError, null]]);
      const size = r.readUnsignedVarInt() - 1; // COMPACT_RECORDS: length + 1
      let records: Buffer | undefined;
      if (size > 0) {
        records = r.buffer.slice(r.position, r.position + size); // one copy when it spans socket chunks
        r.skip(size);
      }
      return {
        partitionIndex,
        errorCode: partitionError,
        highWatermark,
        lastStableOffset,
        logStartOffset,
        abortedTransactions,
        records,
      };
    }),
  }));
  const response: FetchResponse = { errorCode, responses };
  if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

const fetchCommitted = createAPI<Parameters<typeof fetchV17.createRequest>, FetchResponse>(
  1,
  17,
  fetchV17.createRequest,
  parseFetchResponse,
);

export class RawFetcher {
  private readonly pool: ConnectionPool;

  constructor(config: KafkaConnectionConfig) {
    this.pool = keepConnectionErrors(
      new ConnectionPool(config.clientId, {
        ...platformaticConnectionOptions(config),
        requestTimeout: config.requestTimeoutMs ?? 30_000,
      }),
    );
  }

  /** One fetch from one broker (the partitions' leader); waits up to maxWaitMs for something new. */
  async fetch(broker: Broker, partitions: FetchPartitionRequest[], maxWaitMs: number): Promise<FetchedPartition[]> {
    const byTopic = new Map<string, FetchPartitionRequest[]>();
    for (const p of partitions) byTopic.set(p.topicId, [...(byTopic.get(p.topicId) ?? []), p]);
    const topics = [...byTopic].map(([topicId, list]) => ({
      topicId,
      partitions: list.map((p) => ({
        partition: p.partition,
        currentLeaderEpoch: -1,
        fetchOffset: p.offset,
        lastFetchedEpoch: -1,
        partitionMaxBytes: p.maxBytes,
      })),
    }));
    // The whole response's bound: the partitions' sum, up to MAX_FETCH_BYTES (an int32 on the wire, and memory).
    const maxBytes = Math.min(
      MAX_FETCH_BYTES,
      partitions.reduce((n, p) => n + p.maxBytes, 0),
    );
    let response: FetchResponse;
    try {
      const connection = await this.pool.get(broker);
      response = await fetchCommitted.async(
        connection,
        maxWaitMs,
        1,
        maxBytes,
        FetchIsolationLevels.READ_COMMITTED,
        0,
        -1,
        topics,
        [],
        "",
      );
    } catch (error) {
      // An offset out of range (retention moved the start) comes with the response: the caller handles it per
      // partition. Any other error (no rights, no leader) fails the fetch.
      const partial = error instanceof ResponseError ? (error as { response?: FetchResponse }).response : undefined;
      const onlyOutOfRange =
        partial?.errorCode === 0 &&
        partial.responses.every((t) => t.partitions.every((p) => p.errorCode === 0 || p.errorCode === OUT_OF_RANGE));
      if (!partial || !onlyOutOfRange) throw toKafkaError(error, "fetching records");
      response = partial;
    }
    const out: FetchedPartition[] = [];
    for (const t of response.responses) {
      for (const p of t.partitions) {
        const asked = byTopic.get(t.topicId)?.find((r) => r.partition === p.partitionIndex);
        if (!asked) continue;
        const decoded = p.records ? decodeRecordBatches(p.records, asked.topic, p.partitionIndex, asked.offset) : [];
        const { batches, next } = committedBatches(decoded, p.abortedTransactions, asked.offset);
        // Records below the position were never made (decodeRecordBatches), so each kept batch is taken whole.
        const records: RawRecord[] = [];
        for (const { batch } of batches) for (const r of batch.records) records.push(r);
        out.push({
          topicId: t.topicId,
          partition: p.partitionIndex,
          errorCode: p.errorCode,
          highWatermark: p.highWatermark,
          lastStableOffset: p.lastStableOffset,
          logStartOffset: p.logStartOffset,
          records,
          next: p.errorCode === 0 ? next : asked.offset,
        });
      }
    }
    return out;
  }

  /**
   * The group's committed next offsets of the partitions (-1n: none committed yet), once no transaction is still
   * committing offsets for them (UNSTABLE_OFFSET_COMMIT is waited out, up to `timeoutMs`).
   */
  async stableOffsets(
    coordinator: Broker,
    groupId: string,
    partitions: { topic: string; partition: number }[],
    timeoutMs = 60_000,
  ): Promise<Map<string, bigint>> {
    const byTopic = new Map<string, number[]>();
    for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    const request = [
      {
        groupId,
        memberId: null,
        memberEpoch: -1,
        topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
      },
    ];
    const deadline = Date.now() + timeoutMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      try {
        const connection = await this.pool.get(coordinator);
        const response = await offsetFetchV9.api.async(connection, request, true);
        const out = new Map<string, bigint>();
        for (const g of response.groups) {
          for (const t of g.topics)
            for (const p of t.partitions) out.set(`${t.name}#${p.partitionIndex}`, p.committedOffset);
        }
        return out;
      } catch (error) {
        const found = (error as { findBy?: (key: string, value: unknown) => unknown }).findBy;
        const retriable = ["UNSTABLE_OFFSET_COMMIT", "COORDINATOR_LOAD_IN_PROGRESS", "NOT_COORDINATOR"].some((code) =>
          found?.call(error, "apiId", code),
        );
        if (!retriable || Date.now() + delay > deadline) {
          throw toKafkaError(error, `reading the committed offsets of group ${groupId}`);
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.close().catch(() => undefined);
  }
}
