import "server-only";
import { db } from "../../db/client";
import { createLogger } from "../../log";
import { APP_LOG_KEEP, type AppLogLevel } from "../app-log";
import type { RecordCounts } from "../app-metrics";

const log = createLogger("stream-apps");

/** What a partition's round adds to its counters. */
export type PartitionDelta = RecordCounts;

interface PartitionState extends PartitionDelta {
  appId: string;
  topic: string;
  partition: number;
  position: bigint | null;
  lag: bigint | null;
  lastRecordAt: number | null;
  dirty: boolean;
}

export interface RunnerReport {
  state: "running" | "waiting" | "failing" | "stopped";
  reason: string;
  version: number;
  partitions: string[];
  /** A join's state as this worker holds it (buffered records and bytes, watermarks, idle partitions). */
  joinState?: JoinStateReport | null;
}

export type JoinStateReport = {
  buffered: number;
  bufferedPerInput: number[];
  stateBytes: number;
  /** Each input's watermark (ISO), null while unknown. */
  watermarkPerInput: (string | null)[];
  watermark: string | null;
  idlePartitions: string[];
  pairsEmitted: number;
  latePerInput: number[];
};

const zero = (): PartitionDelta => ({
  recordsIn: 0,
  recordsOut: 0,
  filteredOut: 0,
  decodeFailed: 0,
  missingPath: 0,
  typeMismatch: 0,
  notFinite: 0,
  lateRecords: 0,
});

/**
 * What a worker tells PostgreSQL about the apps it runs, batched (every flush, a few seconds apart): counters per
 * input partition (added after each committed transaction), its report per app (state, reason, partitions, a
 * heartbeat), and the apps' log lines. A counter batch lost with a killed worker only under-counts; records are
 * never lost or repeated (Kafka's transactions decide that, not these counters).
 */
export class RunnerStore {
  private readonly partitions = new Map<string, PartitionState>();
  private readonly reports = new Map<string, RunnerReport>();
  private lines: { appId: string; level: AppLogLevel; message: string; at: Date }[] = [];
  private flushing: Promise<void> | undefined;

  constructor(readonly workerId: string) {}

  private partitionState(appId: string, topic: string, partition: number): PartitionState {
    const key = `${appId}\u0000${topic}\u0000${partition}`;
    let s = this.partitions.get(key);
    if (!s) {
      s = { appId, topic, partition, ...zero(), position: null, lag: null, lastRecordAt: null, dirty: false };
      this.partitions.set(key, s);
    }
    return s;
  }

  /** Counts a committed transaction of one input partition, and where the partition now stands. */
  count(
    appId: string,
    topic: string,
    partition: number,
    delta: PartitionDelta,
    at: { position: bigint; lag: bigint; lastRecordAt: number | null },
  ): void {
    const s = this.partitionState(appId, topic, partition);
    for (const k of Object.keys(delta) as (keyof PartitionDelta)[]) s[k] += delta[k];
    s.position = at.position;
    s.lag = at.lag;
    if (at.lastRecordAt !== null && (s.lastRecordAt === null || at.lastRecordAt > s.lastRecordAt)) {
      s.lastRecordAt = at.lastRecordAt;
    }
    s.dirty = true;
  }

  /** Where a partition stands when nothing new was committed (its lag moves as the source grows). */
  position(appId: string, topic: string, partition: number, position: bigint, lag: bigint): void {
    const s = this.partitionState(appId, topic, partition);
    if (s.position === position && s.lag === lag) return;
    s.position = position;
    s.lag = lag;
    s.dirty = true;
  }

  report(appId: string, report: RunnerReport): void {
    this.reports.set(appId, report);
  }

  log(appId: string, level: AppLogLevel, message: string): void {
    this.lines.push({ appId, level, message: message.slice(0, 2000), at: new Date() });
    if (this.lines.length > 10_000) this.lines.splice(0, this.lines.length - 10_000); // bounded while the DB is away
  }

  /** The app is no longer this worker's: its report row goes (its counters stay, kept by the next holder). */
  async forget(appId: string): Promise<void> {
    this.reports.delete(appId);
    for (const [k, s] of this.partitions) if (s.appId === appId && !s.dirty) this.partitions.delete(k);
    await db.streamAppRunner.deleteMany({ where: { appId, workerId: this.workerId } }).catch(() => undefined);
  }

  /** Writes everything pending; one flush at a time. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const lines = this.lines;
    this.lines = [];
    try {
      if (lines.length > 0) {
        await db.streamAppLogEntry.createMany({
          data: lines.map((l) => ({ ...l, workerId: this.workerId })),
          skipDuplicates: true,
        });
      }
    } catch (error) {
      // An app deleted meanwhile refuses its lines; the rest are written one app at a time.
      const byApp = new Map<string, typeof lines>();
      for (const l of lines) byApp.set(l.appId, [...(byApp.get(l.appId) ?? []), l]);
      for (const list of byApp.values()) {
        await db.streamAppLogEntry
          .createMany({ data: list.map((l) => ({ ...l, workerId: this.workerId })) })
          .catch(() => undefined);
      }
      log.debug("log lines written one app at a time", { error });
    }
    for (const s of this.partitions.values()) {
      if (!s.dirty) continue;
      const delta = { ...zero() };
      for (const k of Object.keys(delta) as (keyof PartitionDelta)[]) delta[k] = s[k];
      s.dirty = false;
      for (const k of Object.keys(delta) as (keyof PartitionDelta)[]) s[k] = 0;
      const fields = {
        position: s.position,
        lag: s.lag,
        ...(s.lastRecordAt === null ? {} : { lastRecordAt: new Date(s.lastRecordAt) }),
      };
      const increments = Object.fromEntries(
        Object.entries(delta).map(([k, v]) => [k, { increment: BigInt(v) }]),
      ) as Record<keyof PartitionDelta, { increment: bigint }>;
      await db.streamAppPartition
        .upsert({
          where: { appId_topic_partition: { appId: s.appId, topic: s.topic, partition: s.partition } },
          create: {
            appId: s.appId,
            topic: s.topic,
            partition: s.partition,
            ...Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, BigInt(v)])),
            ...fields,
          },
          update: { ...increments, ...fields },
        })
        .catch((error: unknown) => {
          // The app was deleted (its rows went with it): nothing to keep. Anything else: counted again next time.
          if (!String(error).includes("Foreign key")) {
            for (const k of Object.keys(delta) as (keyof PartitionDelta)[]) s[k] += delta[k];
            s.dirty = true;
          }
        });
    }
    const now = new Date();
    for (const [appId, r] of this.reports) {
      const data = {
        state: r.state,
        reason: r.reason.slice(0, 2000),
        version: r.version,
        partitions: r.partitions,
        joinState: r.joinState ?? undefined,
        heartbeatAt: now,
      };
      await db.streamAppRunner
        .upsert({
          where: { appId_workerId: { appId, workerId: this.workerId } },
          create: { appId, workerId: this.workerId, ...data },
          update: data,
        })
        .catch(() => undefined); // the app was deleted meanwhile
    }
  }

  /** Keeps each app's newest APP_LOG_KEEP lines, and forgets reports of workers silent for an hour (killed ones). */
  async trimLogs(appIds: readonly string[]): Promise<void> {
    await db.streamAppRunner.deleteMany({ where: { heartbeatAt: { lt: new Date(Date.now() - 3_600_000) } } });
    for (const appId of appIds) {
      const cut = await db.streamAppLogEntry.findMany({
        where: { appId },
        orderBy: { id: "desc" },
        skip: APP_LOG_KEEP,
        take: 1,
        select: { id: true },
      });
      const oldest = cut[0];
      if (oldest) await db.streamAppLogEntry.deleteMany({ where: { appId, id: { lte: oldest.id } } });
    }
  }
}
