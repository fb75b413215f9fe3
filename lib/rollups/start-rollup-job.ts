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
import { GroupMembership, type PartitionRef } from "../kafka/group-membership";
import { type FetchedRecord, PartitionReader } from "../kafka/partition-reader";
import { partitionRuns } from "../kafka/partition-runs";
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
 * The rollup job: reads every system's `.int` as a member of the consumer group `rhei-rollups` (its own principal,
 * read-only ACLs, provisioned by the reconciler), decodes each fetch through the record pipeline, applies the
 * lateness rule as history's raw reads do, and adds first/last/min/max/count/sum per datastream per second, minute
 * and hour to PostgreSQL in one transaction with the partition's new position (compare-and-set), so every record is
 * counted exactly once whatever crashes, rebalances or rebuilds happen. The group only hands out partitions; they
 * are read from the positions PostgreSQL holds with history's own fetcher (a consumer library's fetch decoded at half
 * the speed: bench/README.md). Kafka's committed offsets follow, for lag only.
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
  let membership: GroupMembership | undefined;
  let assigned: PartitionRef[] = [];
  let reading: { stop: AbortController; done: Promise<void> } | undefined;
  let reader: PartitionReader | undefined;
  // Per partition (topic#partition), the last fetch issued before it was sought: records of that fetch and earlier
  // ones come from the old position and are left alone.
  const soughtAt = new Map<string, number>();
  let fetchesIssued = 0;
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
    const probe = PartitionReader.open(kafka);
    try {
      return (await probe.offsetsFor([topic], "earliest")).get(topic)?.[partition] ?? 0n;
    } finally {
      await probe.close();
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

  const seek = (topic: string, partition: number, offset: bigint) => {
    soughtAt.set(`${topic}#${partition}`, fetchesIssued);
    reader?.seek(topic, partition, offset);
  };

  /** One partition's records of one fetch, in offset order, rolled up in one transaction with its new position. */
  const rollUp = async (topic: string, partition: number, fetched: FetchedRecord[], member: GroupMembership) => {
    const systemId = systemIds.get(topic);
    if (!systemId) return;
    const key = `${systemId}#${partition}`;
    const stored = await storedPosition(systemId, partition);
    // Reading starts at the stored position, so records begin there (or further on, where those in between are gone:
    // retention, transaction markers). Records before it are counted already.
    const start = stored?.next;
    const messages =
      start === undefined || BigInt((fetched[0] as FetchedRecord).offset) >= start
        ? fetched
        : fetched.filter((m) => BigInt(m.offset) >= start);
    if (messages.length === 0) return;
    // The lateness rule, as raw reads apply it: each message against the largest broker time before it (kept in
    // arrays beside the messages; the pipeline keeps their order, so a record finds its message by offset).
    let maxTs = stored?.maxBrokerTs ?? Number.NEGATIVE_INFINITY;
    const ts: number[] = [];
    const before: number[] = [];
    for (const m of messages) {
      ts.push(m.timestamp);
      before.push(maxTs);
      if (m.timestamp > maxTs) maxTs = m.timestamp;
    }
    const cells = new RollupCells();
    let at = 0;
    for (const r of await pipeline.process(topic, partition, messages)) {
      while (at < messages.length && (messages[at] as FetchedRecord).offset !== r.offset) at++;
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
    const last = messages.at(-1) as FetchedRecord;
    const next: StoredPosition = { next: BigInt(last.offset) + 1n, maxBrokerTs: maxTs };
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
      seek(topic, partition, now?.next ?? (await logStartOf(topic, partition)));
      return;
    }
    positions.set(key, next);
    stats.messages += messages.length;
    stats.batches++;
    // Not awaited: the group's offsets only show lag (PostgreSQL holds the position), so no fetch waits for them.
    void member.commit([{ topic, partition, offset: next.next }]).catch((error: unknown) => {
      log.debug("could not commit the group's offset (lag only; PostgreSQL holds the position)", { error });
    });
  };

  /** Reads this member's partitions from their stored positions until told to stop (a new assignment, a restart). */
  const readAssigned = async (parts: PartitionRef[], member: GroupMembership, signal: AbortSignal) => {
    const r = PartitionReader.open(kafka);
    reader = r;
    positions.clear();
    soughtAt.clear();
    let next: Promise<{ id: number; records: FetchedRecord[] }> | undefined;
    try {
      const topics = [...new Set(parts.map((p) => p.topic))].filter((t) => systemIds.has(t));
      const mine = new Set(parts.map((p) => `${p.topic}#${p.partition}`));
      const stored = await readPositions(db, [...new Set(topics.map((t) => systemIds.get(t) as string))]);
      await r.add(topics, (topic, partition) => {
        const at = stored.get(`${systemIds.get(topic)}#${partition}`)?.next;
        return at === undefined ? "earliest" : { offset: at };
      });
      markReady();
      if (mine.size === 0) return;
      const fetchMine = () => {
        const id = ++fetchesIssued;
        return r
          .fetch({
            maxWaitMs: 1000,
            // One transaction per partition and fetch: larger fetches catch up faster (4 MiB: ~17,000 records).
            maxBytesPerPartition: 4 << 20,
            only: (topic, partition) => mine.has(`${topic}#${partition}`),
          })
          .then((records) => ({ id, records }));
      };
      // One fetch ahead: the next is on its way while this one is rolled up and written.
      next = fetchMine();
      while (!signal.aborted) {
        const fetched = await (next ?? fetchMine());
        next = signal.aborted ? undefined : fetchMine();
        for (const run of partitionRuns(fetched.records)) {
          if (signal.aborted) break;
          const { topic, partition } = run[0] as FetchedRecord;
          if ((soughtAt.get(`${topic}#${partition}`) ?? 0) >= fetched.id) continue;
          await rollUp(topic, partition, run, member);
        }
      }
    } finally {
      if (reader === r) reader = undefined;
      await next?.catch(() => undefined);
      await r.close();
    }
  };

  const stopReading = async () => {
    const current = reading;
    reading = undefined;
    current?.stop.abort();
    await current?.done;
  };

  // One change of reading at a time (a new assignment, a restart), in order.
  const readingInTurn = oneAtATime((error) => {
    log.warn("the rollup job could not switch its partitions; it rejoins", { error: (error as Error).message });
    scheduleRestart(5000);
  });
  const readAssignment = () =>
    readingInTurn(async () => {
      await stopReading();
      const member = membership;
      if (!member || stopped) return;
      const stop = new AbortController();
      reading = {
        stop,
        done: readAssigned(assigned, member, stop.signal).catch((error: unknown) => {
          log.warn("the rollup job stopped reading; restarting", { error: (error as Error).message });
          scheduleRestart(5000);
        }),
      };
    });

  // A rebuild deletes positions while partitions may sit idle at their end: rewind those to the start of the log.
  const checkPositions = async () => {
    const held = [...positions].filter(([, p]) => p !== null).map(([key]) => key);
    if (held.length === 0 || !reader) return;
    const systems = [...new Set(held.map((k) => k.split("#")[0] as string))];
    const stored = await readPositions(db, systems);
    for (const key of held) {
      if (stored.has(key)) continue;
      const [systemId, partition] = key.split("#") as [string, string];
      const topic = [...systemIds].find(([, id]) => id === systemId)?.[0];
      positions.delete(key);
      if (!topic) continue;
      seek(topic, Number(partition), await logStartOf(topic, Number(partition)));
      log.info("rollups of a partition were rebuilt; reading it again from the start", { topic, partition });
    }
  };

  const systemsWhere = options.systemNames ? { name: { in: [...options.systemNames] } } : {};
  const connect = async () => {
    const systems = await db.system.findMany({ where: systemsWhere, select: { id: true, name: true } });
    systemIds.clear();
    for (const s of systems) systemIds.set(systemTopics(s.name).int, s.id);
    let topics: string[];
    const probe = PartitionReader.open(kafka);
    try {
      topics = (await probe.existing([...systemIds.keys()])).sort();
    } catch (error) {
      log.warn("the rollup job cannot reach Kafka yet; retrying", { error: (error as Error).message });
      scheduleRestart(10_000);
      return;
    } finally {
      await probe.close();
    }
    following = topics.join("\n");
    if (topics.length === 0 || stopped) {
      markReady();
      return;
    }
    assigned = [];
    let member: GroupMembership;
    try {
      member = await GroupMembership.join(kafka, {
        groupId,
        topics,
        sessionTimeoutMs: 30_000,
        // A rebalance may hand partitions to another process: read from the positions PostgreSQL holds then.
        onAssignment: (parts) => {
          assigned = parts;
          if (membership) void readAssignment();
        },
        onError: (error) => {
          log.warn("the rollup job lost its group membership; rejoining", { error: error.message });
          scheduleRestart(5000);
        },
      });
    } catch (error) {
      log.warn("the rollup job cannot join its group yet (is its principal provisioned?); retrying", {
        error: (error as Error).message,
      });
      scheduleRestart(10_000);
      return;
    }
    if (stopped) {
      await member.leave();
      return;
    }
    membership = member;
    await readAssignment();
  };

  const leaveGroup = async () => {
    const member = membership;
    membership = undefined;
    await readingInTurn(stopReading);
    await member?.leave();
  };

  // One restart at a time: a second one while the first is still joining would leave a member behind.
  const inTurn = oneAtATime((error) => {
    log.warn("the rollup job could not restart; it tries again", { error: (error as Error).message });
    scheduleRestart(5000);
  });
  const restart = () => {
    restartTimer = undefined;
    return inTurn(async () => {
      await leaveGroup();
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
          const probe = PartitionReader.open(kafka);
          const now = (await probe.existing(systems.map((s) => systemTopics(s.name).int)).finally(() => probe.close()))
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
      await inTurn(connect);
    },
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      clearInterval(topicsTimer);
      clearInterval(positionsTimer);
      await unsubscribe?.();
      await inTurn(leaveGroup);
      await rejections.close();
      await catalog.close();
    },
  };
}
