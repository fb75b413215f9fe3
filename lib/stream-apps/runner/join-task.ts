import "server-only";
import type { Broker } from "@platformatic/kafka";
import { IntervalJoin } from "../../join/interval-join";
import type { JoinOptions, JoinPair, JoinRecord, JoinStats, LateRecord } from "../../join/types";
import type { KafkaConnectionConfig } from "../../kafka/connection-config";
import { KafkaError } from "../../kafka/errors";
import type { TopicLayout } from "../../kafka/group-membership";
import { type FetchedPartition, RawFetcher } from "../../kafka/raw-fetch";
import { type ConsumedPosition, type OutputRecord, TransactionalProducer } from "../../kafka/transactional-producer";
import type { DatastreamInfo } from "../../sdk/datastream-info";
import type { RecordPipeline } from "../../sdk/record-pipeline";
import { JOIN_STATE_MAX_BYTES, joinTransactionalId } from "../../topology/principals";
import { createJoinOutput, createJoinOutputStats } from "../join-output";
import type { JoinPlan } from "./app-plan";
import { CHECKPOINT_KEY, decodeCheckpoint, encodeCheckpoint, readLatestCheckpoint } from "./join-checkpoint";
import { type JoinPayload, joinPayload, payloadBytes } from "./join-payload";
import { createSelectionStats, type RecordSelector } from "./record-selector";
import type { PartitionDelta } from "./runner-store";

const OFFSET_OUT_OF_RANGE = 1;
/**
 * Records the join may hold before the task reads in step. The join holds every record above its frontier (the
 * slowest partition's time); a partition whose fetches cover more time than the others' (fewer datastreams on it,
 * sparser records, a backlog) would fill the buffers, and every checkpoint, with records that cannot pair yet. Past
 * this many held records, a partition more than READ_AHEAD_MS (phenomenon time) ahead of the slowest unfinished one
 * waits a round.
 */
const HOLD_BEFORE_ALIGNING = 2000;
const READ_AHEAD_MS = 10_000;
/** Late records named in the app's log per transaction; the rest are counted in one line. */
const LATE_LINES_PER_COMMIT = 10;

export interface JoinTaskOptions {
  config: KafkaConnectionConfig;
  principal: string;
  appVersion: number;
  group: { groupId: string; coordinatorId: number; coordinator: Broker };
  plan: JoinPlan;
  /** Every input topic's layout, and the state topic's. */
  layout: Map<string, TopicLayout>;
  /** Per input topic, the inputs that read it and their selectors (one topic may feed several inputs). */
  selectors: Map<string, { input: number; select: RecordSelector }[]>;
  targetTopic: string;
  output: DatastreamInfo;
  pipeline: RecordPipeline;
  maxBytes?: number;
  maxWaitMs?: number;
  onCommitted(
    deltas: Map<string, PartitionDelta>,
    at: Map<string, { position: bigint; lag: bigint; lastRecordAt: number | null }>,
    stats: JoinStats,
  ): void;
  onNotice(level: "info" | "warn", message: string): void;
}

interface InputPartition {
  topic: string;
  partition: number;
  topicId: string;
  leader: Broker;
  /** `topic#partition`. */
  key: string;
  /** The join's partition names of the inputs reading it: `<input>:<topic>#<partition>`. */
  engineNames: string[];
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

/**
 * A join app, exactly once, as ONE task reading every partition of all its inputs: a record's pairs depend on the
 * records of every other input, whichever partition holds them, so the join's state cannot be split by input
 * partition (co-partitioning the inputs would need every source keyed alike, which sensors' topics are not). It
 * takes over the app's one transactional id (fencing any earlier holder and aborting its open transaction), reads
 * its newest committed checkpoint, restores the join and reads on from the checkpoint's positions. Each round (one
 * fetch of every partition) writes the pairs, the new checkpoint and the group's offsets in one transaction.
 */
export class JoinTask {
  private stopping = false;
  readonly done: Promise<void>;

  constructor(private readonly o: JoinTaskOptions) {
    this.done = this.run();
  }

  stop(): Promise<void> {
    this.stopping = true;
    return this.done.catch(() => undefined);
  }

  private partitions(): InputPartition[] {
    const out: InputPartition[] = [];
    for (const [topic, readers] of this.o.selectors) {
      const layout = this.o.layout.get(topic);
      if (!layout) throw new KafkaError("not-found", `topic ${topic} does not exist`);
      layout.leaders.forEach((leader, partition) => {
        out.push({
          topic,
          partition,
          topicId: layout.id,
          leader,
          key: `${topic}#${partition}`,
          engineNames: readers.map((r) => `${this.o.plan.inputs[r.input]?.name}:${topic}#${partition}`),
        });
      });
    }
    return out;
  }

  private async run(): Promise<void> {
    const o = this.o;
    const spec = o.plan.spec;
    const fetcher = new RawFetcher(o.config);
    let producer: TransactionalProducer | undefined;
    try {
      const partitions = this.partitions();
      const stateLayout = o.layout.get(o.plan.stateTopic);
      const stateLeader = stateLayout?.leaders[0];
      if (!stateLayout || !stateLeader) {
        throw new KafkaError("not-found", `the join's state topic ${o.plan.stateTopic} does not exist yet`);
      }
      producer = await TransactionalProducer.open(o.config, joinTransactionalId(o.principal));

      const options: JoinOptions<JoinPayload> = {
        inputs: o.plan.inputs.map((i) => i.name),
        toleranceMs: spec.toleranceMs,
        allowedLatenessMs: spec.allowedLatenessMs,
        mode: spec.mode,
        idleTimeoutMs: spec.idleTimeoutMs,
        payloadBytes,
      };
      const positions = new Map<string, bigint>();
      let join: IntervalJoin<JoinPayload> | undefined;
      const stored = await readLatestCheckpoint(fetcher, stateLeader, o.plan.stateTopic, stateLayout.id);
      if (stored) {
        const checkpoint = decodeCheckpoint(stored.value);
        if (typeof checkpoint === "string") {
          throw new Error(`the join's checkpoint at offset ${stored.offset} is unreadable: ${checkpoint}`);
        }
        for (const [k, v] of Object.entries(checkpoint.positions)) positions.set(k, BigInt(v));
        try {
          join = IntervalJoin.restore(checkpoint.join, options);
        } catch (error) {
          // Another version with other semantics (inputs, tolerance, lateness, mode): pairs already emitted stay
          // as they were; the new definition joins from the saved positions on, with empty buffers.
          o.onNotice(
            "warn",
            `The saved join state does not fit version ${o.appVersion} (${(error as Error).message}): joining anew from the saved positions`,
          );
        }
        if (join) {
          o.onNotice(
            "info",
            `Continues from its checkpoint (written by version ${checkpoint.appVersion}): ${join.stats.buffered} records held`,
          );
        }
      } else {
        // No checkpoint yet: a new app, from the group's offsets if any (none for a join that never committed).
        const committed = await fetcher.stableOffsets(
          o.group.coordinator,
          o.group.groupId,
          partitions.map((p) => ({ topic: p.topic, partition: p.partition })),
        );
        for (const p of partitions) {
          const c = committed.get(p.key);
          if (c !== undefined && c >= 0n) positions.set(p.key, c);
        }
      }
      join ??= new IntervalJoin<JoinPayload>(options);
      for (const p of partitions) {
        p.engineNames.forEach((name, i) => {
          const reader = o.selectors.get(p.topic)?.[i];
          if (reader) join.assignPartitions(reader.input, [name]);
        });
      }
      // Partitions of the checkpoint this version no longer reads (an input's query now reads other systems): idle
      // for good, so they do not hold the join back. Pairs that become final by it go out with the first round.
      const current = new Set(partitions.flatMap((p) => p.engineNames));
      const pending: JoinPair<JoinPayload>[] = [];
      for (const held of join.snapshot().partitions) {
        if (current.has(held.name) || held.idle) continue;
        pending.push(...join.markIdle(held.name).pairs);
        o.onNotice("info", `No longer reads ${held.name}: it no longer holds the join back`);
      }
      const outputOf = createJoinOutput(spec.output, o.output);
      const group = { groupId: o.group.groupId, coordinatorId: o.group.coordinatorId };
      const byLeader = new Map<string, { leader: Broker; list: InputPartition[] }>();
      for (const p of partitions) {
        const id = `${p.leader.host}:${p.leader.port}`;
        const entry = byLeader.get(id) ?? { leader: p.leader, list: [] };
        entry.list.push(p);
        byLeader.set(id, entry);
      }
      const maxBytes = o.maxBytes ?? 1_048_576;
      // Per input partition: the newest phenomenon time read, and whether it was at its end at the last fetch.
      const newest = new Map<string, number>();
      const atEnd = new Set<string>();
      const lags = new Map<string, bigint>();

      // One fetch of every wanted partition at the positions as they are when it is called.
      const fetchRound = () => {
        // Read in step: past HOLD_BEFORE_ALIGNING held records, a partition ahead of the slowest unfinished one by
        // more than READ_AHEAD_MS waits a round.
        let slowest = Number.POSITIVE_INFINITY;
        for (const p of partitions) {
          if (!atEnd.has(p.key)) slowest = Math.min(slowest, newest.get(p.key) ?? Number.NEGATIVE_INFINITY);
        }
        const aligning = join.stats.buffered > HOLD_BEFORE_ALIGNING;
        const wanted = (p: InputPartition) =>
          !aligning || atEnd.has(p.key) || (newest.get(p.key) ?? Number.NEGATIVE_INFINITY) <= slowest + READ_AHEAD_MS;
        return Promise.all(
          [...byLeader.values()].map(({ leader, list }) =>
            fetcher.fetch(
              leader,
              list.filter(wanted).map((p) => ({
                topic: p.topic,
                topicId: p.topicId,
                partition: p.partition,
                offset: positions.get(p.key) ?? 0n,
                maxBytes,
              })),
              o.maxWaitMs ?? 500,
            ),
          ),
        );
      };
      let prefetched: ReturnType<typeof fetchRound> | undefined;

      while (!this.stopping) {
        const responses = await (prefetched ?? fetchRound());
        prefetched = undefined;
        const now = Date.now();
        const fetchedOf = new Map<string, FetchedPartition>();
        for (const r of responses.flat()) fetchedOf.set(`${r.topicId}#${r.partition}`, r);
        const pairs: JoinPair<JoinPayload>[] = pending.splice(0);
        const late: LateRecord<JoinPayload>[] = [];
        const deltas = new Map<string, PartitionDelta>();
        const at = new Map<string, { position: bigint; lag: bigint; lastRecordAt: number | null }>();
        const moved: ConsumedPosition[] = [];
        const caughtUp: string[] = [];
        let duplicates = 0;
        const queues = new Map<string, JoinRecord<JoinPayload>[]>();
        const queueOf = (name: string) => {
          let q = queues.get(name);
          if (!q) {
            q = [];
            queues.set(name, q);
          }
          return q;
        };
        for (const p of partitions) {
          const fetched = fetchedOf.get(`${p.topicId}#${p.partition}`);
          if (!fetched) continue;
          const position = positions.get(p.key) ?? 0n;
          if (fetched.errorCode === OFFSET_OUT_OF_RANGE) {
            if (position > fetched.highWatermark) {
              o.onNotice(
                "warn",
                `${p.key}: position ${position} is past the end ${fetched.highWatermark} (the topic was created again): reading it from its start`,
              );
            }
            positions.set(p.key, fetched.logStartOffset);
            continue;
          }
          if (fetched.errorCode !== 0) throw new Error(`fetching ${p.key}: Kafka error ${fetched.errorCode}`);
          const next = fetched.next;
          const lag = fetched.lastStableOffset > next ? fetched.lastStableOffset - next : 0n;
          lags.set(p.key, lag);
          if (next >= fetched.lastStableOffset) {
            caughtUp.push(...p.engineNames);
            atEnd.add(p.key);
          } else atEnd.delete(p.key);
          if (next === position) {
            at.set(p.key, { position, lag, lastRecordAt: null });
            continue;
          }
          const decoded = await o.pipeline.process(p.topic, p.partition, fetched.records);
          const stats = createSelectionStats();
          const readers = o.selectors.get(p.topic) ?? [];
          let filteredOut = 0;
          let lastRecordAt: number | null = null;
          for (const record of decoded) {
            let selected = false;
            for (let i = 0; i < readers.length; i++) {
              const reader = readers[i];
              if (!reader) continue;
              const view = reader.select(record, stats);
              if (!view) continue;
              const time = view.time;
              if (!Number.isFinite(time)) {
                stats.typeMismatch++;
                continue;
              }
              selected = true;
              if (lastRecordAt === null || time > lastRecordAt) lastRecordAt = time;
              queueOf(p.engineNames[i] as string).push({
                input: reader.input,
                partition: p.engineNames[i] as string,
                offset: record.offset,
                time,
                payload: joinPayload(view),
              });
            }
            if (!selected) filteredOut++;
          }
          positions.set(p.key, next);
          // Any record read (selected or not) says how far in time the partition is.
          const last = decoded.at(-1);
          const readUpTo = last ? Date.parse(last.phenomenonTime) : Number.NaN;
          if (readUpTo > (newest.get(p.key) ?? Number.NEGATIVE_INFINITY)) newest.set(p.key, readUpTo);
          moved.push({ topic: p.topic, partition: p.partition, next });
          deltas.set(p.key, {
            recordsIn: fetched.records.length,
            recordsOut: 0,
            filteredOut,
            decodeFailed: fetched.records.length - decoded.length,
            missingPath: stats.missingPath,
            typeMismatch: stats.typeMismatch,
            notFinite: stats.notFinite,
            lateRecords: 0,
          });
          at.set(p.key, { position: next, lag, lastRecordAt });
        }
        // The round's records in phenomenon-time order across partitions (each partition's own order kept): the
        // output does not depend on it, but the buffers then append instead of inserting in the middle.
        for (const record of mergeByTime([...queues.values()])) {
          const step = join.push(record, now);
          for (const pair of step.pairs) pairs.push(pair);
          for (const l of step.late) {
            late.push(l);
            const d = deltas.get(partitionKeyOf(l.partition));
            if (d) d.lateRecords++;
          }
          duplicates += step.duplicates.length;
        }
        for (const pair of join.advanceIdle(now, caughtUp).pairs) pairs.push(pair);
        if (moved.length === 0 && pairs.length === 0) {
          o.onCommitted(new Map(), at, join.stats);
          continue;
        }

        const outputStats = createJoinOutputStats();
        const out: OutputRecord[] = [];
        for (const pair of pairs) {
          const message = outputOf(pair, outputStats);
          if (!message) continue;
          out.push({
            topic: o.targetTopic,
            key: message.key,
            value: Buffer.from(message.value, "utf8"),
            timestampMs: message.timestampMs,
          });
          // Counted as output of the partition of the pair's later input (the sums are the app's figures).
          const key = partitionKeyOf(pair.right.partition);
          const d = deltas.get(key) ?? emptyDelta();
          d.recordsOut++;
          deltas.set(key, d);
        }
        // A pair may count on a partition not fetched this round: report where that one stands too.
        for (const key of deltas.keys()) {
          if (!at.has(key))
            at.set(key, { position: positions.get(key) ?? 0n, lag: lags.get(key) ?? 0n, lastRecordAt: null });
        }
        const checkpoint = encodeCheckpoint({
          version: 1,
          appVersion: o.appVersion,
          positions: Object.fromEntries([...positions].map(([k, v]) => [k, v.toString()])),
          join: join.snapshot(),
        });
        if (checkpoint.length > JOIN_STATE_MAX_BYTES - 65_536) {
          throw new KafkaError(
            "other",
            `The join's state is ${(checkpoint.length / 1_048_576).toFixed(1)} MiB, over the ${JOIN_STATE_MAX_BYTES / 1_048_576} MiB a checkpoint may take: lower the tolerance or the allowed lateness, or select fewer records per input`,
          );
        }
        out.push({ topic: o.plan.stateTopic, key: CHECKPOINT_KEY, value: checkpoint, timestampMs: now });
        // The next round's fetch travels while this round commits (from the positions this round ends at). If the
        // commit fails, the task ends and what was prefetched is dropped: the next holder starts from the checkpoint.
        if (!this.stopping) {
          prefetched = fetchRound();
          prefetched.catch(() => undefined);
        }
        await producer.commit(out, group, moved);

        if (late.length > 0) this.logLate(late);
        if (duplicates > 0) o.onNotice("warn", `${duplicates} records read again were ignored (already joined)`);
        o.onCommitted(deltas, at, join.stats);
      }
    } finally {
      await Promise.all([producer?.close(), fetcher.close()]);
    }
  }

  private logLate(late: LateRecord<JoinPayload>[]): void {
    const named = late.slice(0, LATE_LINES_PER_COMMIT);
    for (const l of named) {
      this.o.onNotice(
        "warn",
        `Late record of input ${l.inputName}: ${l.payload.name} at ${iso(l.time)} (${partitionKeyOf(l.partition)}@${l.offset}) arrived behind its partition's watermark ${iso(l.watermark)} by more than the allowed lateness (${this.o.plan.spec.allowedLatenessMs} ms): counted, not joined`,
      );
    }
    if (late.length > named.length) {
      this.o.onNotice("warn", `…and ${late.length - named.length} more late records in the same transaction`);
    }
  }
}

/** Merges per-partition sequences by the time of their next record, keeping each sequence's own order. */
function* mergeByTime<T extends { time: number }>(queues: T[][]): Generator<T> {
  const heads = queues.map(() => 0);
  for (;;) {
    let best = -1;
    let bestTime = Number.POSITIVE_INFINITY;
    for (let q = 0; q < queues.length; q++) {
      const next = (queues[q] as T[])[heads[q] as number];
      if (next !== undefined && (best < 0 || next.time < bestTime)) {
        best = q;
        bestTime = next.time;
      }
    }
    if (best < 0) return;
    yield (queues[best] as T[])[heads[best] as number] as T;
    heads[best] = (heads[best] as number) + 1;
  }
}

/** `car1:Car1.int#0` → `Car1.int#0`. */
function partitionKeyOf(engineName: string): string {
  const colon = engineName.indexOf(":");
  return colon < 0 ? engineName : engineName.slice(colon + 1);
}

function emptyDelta(): PartitionDelta {
  return {
    recordsIn: 0,
    recordsOut: 0,
    filteredOut: 0,
    decodeFailed: 0,
    missingPath: 0,
    typeMismatch: 0,
    notFinite: 0,
    lateRecords: 0,
  };
}
