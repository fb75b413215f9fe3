import "server-only";
import { ConsoleDatastreamCatalog } from "../datastreams/console-datastream-catalog";
import { db } from "../db/client";
import { env } from "../env";
import { EVENTS_RESUMED } from "../events/change-event";
import { subscribeEvents } from "../events/subscribe-events";
import { readPositions } from "../history/read-rollup-positions";
import { numericValue } from "../history/trace-datastream";
import { arrivalOf } from "../history/watermark-merge";
import type { KafkaConnectionConfig } from "../kafka/connection-config";
import { type BatchContext, type FetchedBatch, GroupConsumer } from "../kafka/consumer";
import { PartitionReader } from "../kafka/partition-reader";
import { createLogger } from "../log";
import { oneAtATime } from "../one-at-a-time";
import { RejectionOutbox } from "../rejected-records/rejection-outbox";
import { RecordPipeline } from "../sdk/record-pipeline";
import { ROLLUP_PRINCIPAL } from "../topology/principals";
import { systemTopics, topicOwner } from "../topology/system-topics";
import { RollupCells } from "./rollup-cells";
import { rollupKafkaConfig } from "./rollup-kafka";
import { addRollupCells, movePosition, type StoredPosition } from "./store-rollups";

const log = createLogger("rollups");

export interface RollupJobOptions {
  /** Default: the job's own principal (rhei-rollups). */
  kafka?: KafkaConnectionConfig;
  /** Default: the principal's name, the group its ACLs allow. */
  groupId?: string;
  /** The lateness margin (default RHEI_HISTORY_LATENESS_MS): rollups leave out what raw reads leave out. */
  marginMs?: number;
  /** How often to look for systems whose topics appeared (default a minute). */
  topicCheckMs?: number;
  /** How often to check that the positions it holds are still in PostgreSQL (a rebuild removes them; default 5 s). */
  positionCheckMs?: number;
  /** Only these systems (default: every system): a benchmark, or a worker given some systems. */
  systemNames?: readonly string[];
}

export interface RollupJob {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once this process has joined the group and got its partitions. */
  readonly ready: Promise<void>;
  readonly stats: { messages: number; records: number; late: number; batches: number; conflicts: number };
}

/** A position another member moved (or a rebuild cleared) between our read and our write. */
class PositionConflict extends Error {}

/**
 * The rollup job: reads every system's `.int` as the consumer group `rhei-rollups` (its own principal, read-only
 * ACLs, provisioned by the reconciler), decodes each batch through the record pipeline, applies the lateness rule as
 * history's raw reads do, and adds first/last/min/max/count/sum per datastream per second, minute and hour to
 * PostgreSQL in one transaction with the partition's new position (compare-and-set), so every record is counted
 * exactly once whatever crashes, rebalances or rebuilds happen. Kafka's committed offsets follow, for lag only.
 */
export function createRollupJob(options: RollupJobOptions = {}): RollupJob {
  const kafka = options.kafka ?? rollupKafkaConfig();
  const groupId = options.groupId ?? ROLLUP_PRINCIPAL;
  const marginMs = options.marginMs ?? env.RHEI_HISTORY_LATENESS_MS;
  const catalog = new ConsoleDatastreamCatalog();
  const rejections = new RejectionOutbox("rhei:rollups");
  const pipeline = new RecordPipeline({
    catalog,
    filter: () => undefined,
    onRejected: (r) => {
      const owner = topicOwner(r.topic);
      if (owner) rejections.add(owner.system, [r]);
    },
  });
  const stats = { messages: 0, records: 0, late: 0, batches: 0, conflicts: 0 };
  const positions = new Map<string, StoredPosition | null>();
  const datastreamIds = new Map<string, string | null>();
  const systemIds = new Map<string, string>();
  let consumer: GroupConsumer | undefined;
  let stopped = true;
  let following = "";
  let restartTimer: NodeJS.Timeout | undefined;
  let topicsTimer: NodeJS.Timeout | undefined;
  let positionsTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const datastreamIdOf = async (fullName: string): Promise<string | null> => {
    const known = datastreamIds.get(fullName);
    if (known !== undefined) return known;
    const row = await db.datastream.findUnique({ where: { fullName }, select: { id: true } });
    datastreamIds.set(fullName, row?.id ?? null);
    return row?.id ?? null;
  };

  const logStartOf = async (topic: string, partition: number): Promise<bigint> => {
    const reader = PartitionReader.open(kafka);
    try {
      return (await reader.offsetsFor([topic], "earliest")).get(topic)?.[partition] ?? 0n;
    } finally {
      await reader.close();
    }
  };

  const storedPosition = async (systemId: string, partition: number): Promise<StoredPosition | null> => {
    const key = `${systemId}#${partition}`;
    const cached = positions.get(key);
    if (cached !== undefined) return cached;
    const found = (await readPositions(db, [systemId])).get(key) ?? null;
    positions.set(key, found);
    return found;
  };

  const handle = async (batch: FetchedBatch, context: BatchContext) => {
    if (!context.isActive() || batch.messages.length === 0 || !consumer) return;
    const c = consumer;
    const systemId = systemIds.get(batch.topic);
    if (!systemId) return;
    const { topic, partition } = batch;
    const key = `${systemId}#${partition}`;
    const stored = await storedPosition(systemId, partition);
    const first = BigInt((batch.messages[0] as { offset: string }).offset);
    // Where this partition goes on: its stored position, or (none yet) the start of the log. A batch from further on
    // (Kafka's committed offset ran ahead of PostgreSQL's, e.g. after a rebuild) sends the reader back there, unless
    // retention deleted those records meanwhile; one from before it is partly counted already.
    let from = stored?.next;
    if (from === undefined || first > from) {
      const logStart = await logStartOf(topic, partition);
      const target = from === undefined || from < logStart ? logStart : from;
      if (first > target) {
        c.seek(topic, partition, String(target));
        return;
      }
      from = target;
    }
    const start = from;
    const messages = first >= start ? batch.messages : batch.messages.filter((m) => BigInt(m.offset) >= start);
    if (messages.length === 0) {
      // All counted already (a batch fetched again after a seek): go on from the stored position, not this batch.
      c.seek(topic, partition, String(start));
      return;
    }
    // The lateness rule, as raw reads apply it: each message against the largest broker time before it (kept in
    // arrays beside the messages; the pipeline keeps their order, so a record finds its message by offset).
    let maxTs = stored?.maxBrokerTs ?? Number.NEGATIVE_INFINITY;
    const ts: number[] = [];
    const before: number[] = [];
    for (const m of messages) {
      const t = Number(m.timestamp);
      ts.push(t);
      before.push(maxTs);
      if (t > maxTs) maxTs = t;
    }
    const cells = new RollupCells();
    let at = 0;
    for (const r of await pipeline.process(topic, partition, messages)) {
      while (at < messages.length && (messages[at] as { offset: string }).offset !== r.offset) at++;
      const id = await datastreamIdOf(r.datastream.fullName);
      if (!id) continue;
      const time = Date.parse(r.phenomenonTime);
      const arrival =
        at < messages.length ? arrivalOf(time, ts[at] as number, before[at] as number, marginMs) : "in-time";
      if (arrival === "in-time") {
        cells.add(id, time, numericValue(r.result));
        stats.records++;
      } else {
        cells.addLate(id, time);
        stats.late++;
      }
    }
    const last = messages.at(-1) as { offset: string };
    const next: StoredPosition = { next: BigInt(last.offset) + 1n, maxBrokerTs: maxTs };
    await context.heartbeat().catch(() => undefined);
    try {
      await db.$transaction(
        async (tx) => {
          await addRollupCells(tx, cells.list());
          if (!(await movePosition(tx, systemId, partition, stored ?? undefined, next))) throw new PositionConflict();
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (!(error instanceof PositionConflict)) throw error;
      // Someone else moved it: forget what we thought, and go on from what the table says.
      stats.conflicts++;
      positions.delete(key);
      const now = await storedPosition(systemId, partition);
      c.seek(topic, partition, String(now?.next ?? (await logStartOf(topic, partition))));
      return;
    }
    positions.set(key, next);
    stats.messages += messages.length;
    stats.batches++;
    if (!context.isActive()) return;
    context.markFetched(last.offset);
    // Not awaited: the group's offsets only show lag (PostgreSQL holds the position), so no batch waits for them.
    void c.commit([{ topic, partition, offset: String(next.next) }]).catch((error: unknown) => {
      log.debug("could not commit the group's offset (lag only; PostgreSQL holds the position)", { error });
    });
  };

  const seekToStored = async (assignment: Record<string, number[]>) => {
    for (const [topic, partitions] of Object.entries(assignment)) {
      const systemId = systemIds.get(topic);
      if (!systemId || !consumer) continue;
      const stored = await readPositions(db, [systemId]);
      for (const partition of partitions) {
        const at = stored.get(`${systemId}#${partition}`)?.next ?? (await logStartOf(topic, partition));
        consumer?.seek(topic, partition, String(at));
      }
    }
  };

  // A rebuild deletes positions while partitions may sit idle at their end: rewind those to the start of the log.
  const checkPositions = async () => {
    const held = [...positions].filter(([, p]) => p !== null).map(([key]) => key);
    if (held.length === 0 || !consumer) return;
    const systems = [...new Set(held.map((k) => k.split("#")[0] as string))];
    const stored = await readPositions(db, systems);
    for (const key of held) {
      if (stored.has(key)) continue;
      const [systemId, partition] = key.split("#") as [string, string];
      const topic = [...systemIds].find(([, id]) => id === systemId)?.[0];
      positions.delete(key);
      if (!topic || !consumer) continue;
      consumer.seek(topic, Number(partition), String(await logStartOf(topic, Number(partition))));
      log.info("rollups of a partition were rebuilt; reading it again from the start", { topic, partition });
    }
  };

  const systemsWhere = options.systemNames ? { name: { in: [...options.systemNames] } } : {};
  const connect = async () => {
    const systems = await db.system.findMany({ where: systemsWhere, select: { id: true, name: true } });
    systemIds.clear();
    for (const s of systems) systemIds.set(systemTopics(s.name).int, s.id);
    let topics: string[];
    const reader = PartitionReader.open(kafka);
    try {
      topics = (await reader.existing([...systemIds.keys()])).sort();
    } catch (error) {
      log.warn("the rollup job cannot reach Kafka yet; retrying", { error: (error as Error).message });
      scheduleRestart(10_000);
      return;
    } finally {
      await reader.close();
    }
    following = topics.join("\n");
    if (topics.length === 0 || stopped) {
      markReady();
      return;
    }
    try {
      consumer = await GroupConsumer.connect(kafka, { groupId, topics, fromBeginning: true, selfRestart: false });
    } catch (error) {
      log.warn("the rollup job cannot join its group yet (is its principal provisioned?); retrying", {
        error: (error as Error).message,
      });
      scheduleRestart(10_000);
      return;
    }
    if (stopped) {
      await consumer.disconnect().catch(() => undefined);
      consumer = undefined;
      return;
    }
    positions.clear();
    void consumer
      .run(handle, {
        onCrash: (error) => {
          log.warn("the rollup job stopped; restarting", { error: error.message });
          scheduleRestart(5000);
        },
        // A rebalance may hand partitions to another process: read their positions afresh, and start each partition
        // where PostgreSQL says (Kafka's committed offset may be ahead of it after a rebuild, with nothing new to read).
        onAssignment: (assignment) => {
          positions.clear();
          void seekToStored(assignment)
            .catch((error: unknown) => log.warn("could not move to the stored positions", { error }))
            .finally(markReady);
        },
      })
      .catch((error: unknown) => {
        log.warn("the rollup job failed; restarting", { error: (error as Error).message });
        scheduleRestart(5000);
      });
  };

  // One restart at a time: leaving waits for a join in progress, and a second restart meanwhile would start a member
  // whose reference the first then overwrites, leaking it (it would hold partitions nobody reads).
  const inTurn = oneAtATime((error) => {
    log.warn("the rollup job could not restart; it tries again", { error: (error as Error).message });
    scheduleRestart(5000);
  });
  const restart = () => {
    restartTimer = undefined;
    return inTurn(async () => {
      const old = consumer;
      consumer = undefined;
      await old?.disconnect().catch(() => undefined);
      if (!stopped) await connect();
    });
  };
  const scheduleRestart = (delayMs: number) => {
    if (stopped || restartTimer) return;
    log.debug("the rollup job rejoins its group", { delayMs });
    restartTimer = setTimeout(() => void restart(), delayMs);
    restartTimer.unref();
  };

  return {
    ready,
    stats,
    async start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = subscribeEvents(["system.changed", "datastream.changed"], (event) => {
        if (event.type === EVENTS_RESUMED || event.type === "datastream.changed") {
          datastreamIds.clear();
          return;
        }
        if (event.change !== "updated") scheduleRestart(5000);
      });
      // New systems' topics appear once the reconciler made them: look now and then, and rejoin with them.
      topicsTimer = setInterval(() => {
        void (async () => {
          const systems = await db.system.findMany({ where: systemsWhere, select: { name: true } });
          const reader = PartitionReader.open(kafka);
          const now = (
            await reader.existing(systems.map((s) => systemTopics(s.name).int)).finally(() => reader.close())
          )
            .sort()
            .join("\n");
          if (now !== following) scheduleRestart(0);
        })().catch(() => undefined);
      }, options.topicCheckMs ?? 60_000);
      topicsTimer.unref();
      positionsTimer = setInterval(() => {
        void checkPositions().catch((error: unknown) => log.debug("could not check positions", { error }));
      }, options.positionCheckMs ?? 5000);
      positionsTimer.unref();
      await connect();
    },
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      clearInterval(topicsTimer);
      clearInterval(positionsTimer);
      await unsubscribe?.();
      await consumer?.disconnect().catch(() => undefined);
      consumer = undefined;
      await rejections.close();
      await catalog.close();
    },
  };
}
