import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { finishHistoryAccess, recordHistoryAccess } from "../history/audit-history-access";
import type { HistoryQuery } from "../history/history-query";
import { readQuery } from "../history/read-query";
import type { TimeRange } from "../history/time-range";
import type { TraceDatastream, TraceRecord } from "../history/trace-datastream";
import { createLogger } from "../log";
import { LIVE_PROTOCOL_VERSION } from "./events";
import type { LiveRecord, StreamKey } from "./live-protocol";
import type { ReplayFrame, ReplaySpeed, ReplayState, ReplayStatus } from "./replay-protocol";
import type { FrameSink } from "./socket-sender";

const log = createLogger("replay");

/** Records per frame at most, and how long a frame may gather records before it goes (wall time). */
const FRAME_RECORDS = 500;
const FRAME_MS = 50;
/** A wait for the next record longer than this (wall time) is skipped: a gap in the data does not stall a replay. */
const MAX_IDLE_MS = 3000;
/** How often the browser hears where the replay stands, and rights are checked again. */
const STATUS_MS = 500;
const RECHECK_MS = 2000;

/** Where replay frames and statuses go: one socket's connection (its backlog paces the replay). */
export interface ReplayOutlet {
  sink: FrameSink;
  frame(bytes: Buffer): void;
  status(status: ReplayStatus): void;
}

const toRecord = (r: TraceRecord, withName: boolean): LiveRecord => ({
  p: r.partition,
  o: r.offset,
  t: r.time,
  v: r.result,
  ...(withName ? { n: r.name } : {}),
  ...(r.attributes ? { a: r.attributes } : {}),
});

/**
 * One replay: the datastreams' records of a range read from Kafka by history's reader (group-less, its own
 * connection: other users and live viewers are not touched), in phenomenon-time order, paced by a virtual clock at
 * 1×, 10× or 100× (or as fast as the connection drains at max), sent as frames like live ones. Reading waits while
 * the connection has a backlog, so a replay holds at most a frame's worth of records for its socket. Pause, resume,
 * seek and speed act at once; rights are re-checked every two seconds; written to the audit log per company.
 */
export class ReplaySession {
  readonly id = randomUUID();
  private state: ReplayState = "playing";
  private position: number;
  private wall = Date.now();
  private sent = 0;
  private seekTo: number | undefined;
  private wake: (() => void) | undefined;
  private readonly abort = new AbortController();
  private auditIds: string[] = [];
  private lastStatus = 0;
  private lastCheck = Date.now();

  constructor(
    private readonly actor: Actor,
    private readonly datastreams: readonly TraceDatastream[],
    private readonly companies: ReadonlyMap<string, TraceDatastream[]>,
    private readonly range: TimeRange,
    private speed: ReplaySpeed,
    private readonly outlet: ReplayOutlet,
    private readonly onEnd: () => void,
  ) {
    this.position = range.from;
  }

  async start(): Promise<void> {
    for (const [companyId, list] of this.companies) {
      this.auditIds.push(
        await recordHistoryAccess(this.actor, "history.replay", this.queryOf(companyId, list), {
          speed: this.speed,
          status: "started",
          records: null,
        }),
      );
    }
    void this.run();
  }

  pause(): void {
    if (this.state !== "playing") return;
    this.position = this.now();
    this.state = "paused";
    this.tell(true);
  }

  resume(): void {
    if (this.state !== "paused") return;
    this.state = "playing";
    this.wall = Date.now();
    this.tell(true);
    this.wake?.();
  }

  seek(at: number): void {
    this.seekTo = Math.min(Math.max(at, this.range.from), this.range.to);
    this.wake?.();
  }

  setSpeed(speed: ReplaySpeed): void {
    this.position = this.now();
    this.wall = Date.now();
    this.speed = speed;
    this.tell(true);
  }

  stop(state: "stopped" | "failed" = "stopped", detail?: string): void {
    if (this.state === "stopped" || this.state === "ended" || this.state === "failed") return;
    this.position = this.now();
    this.state = state;
    this.abort.abort();
    this.wake?.();
    this.tell(true, detail);
    void this.finish(state);
  }

  /** Virtual time: where the replay stands now. */
  private now(): number {
    if (this.state !== "playing" || this.speed === "max") return this.position;
    return Math.min(this.range.to, this.position + Number(this.speed) * (Date.now() - this.wall));
  }

  private tell(force: boolean, detail?: string, sought?: boolean): void {
    const at = Date.now();
    if (!force && at - this.lastStatus < STATUS_MS) return;
    this.lastStatus = at;
    this.outlet.status({
      v: LIVE_PROTOCOL_VERSION,
      replayId: this.id,
      state: this.state,
      position: this.now(),
      speed: this.speed,
      records: this.sent,
      ...(sought ? { sought } : {}),
      ...(detail ? { detail } : {}),
    });
  }

  private queryOf(companyId: string, datastreams: TraceDatastream[]): HistoryQuery {
    return { companyId, datastreams, range: this.range, filters: new Map(), filterText: "" };
  }

  private async finish(status: ReplayState): Promise<void> {
    await Promise.all(
      this.auditIds.map((id) =>
        finishHistoryAccess(id, { status, records: this.sent }).catch((error: unknown) =>
          log.warn("could not complete a replay's audit event", { error }),
        ),
      ),
    );
    this.onEnd();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** The user may still read every datastream (rights change while a replay runs); stops it otherwise. */
  private async stillAllowed(): Promise<boolean> {
    this.lastCheck = Date.now();
    try {
      for (const [companyId, list] of this.companies) {
        await authorize(this.actor, "data.read", { companyId, what: "Datastream" });
        const n = await db.datastream.count({ where: { id: { in: list.map((d) => d.id) }, system: { companyId } } });
        if (n !== list.length) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  private readonly pending = new Map<string, LiveRecord[]>();
  private pendingCount = 0;
  private pendingSince = 0;

  private async flush(): Promise<void> {
    if (this.pendingCount === 0) return;
    for (const [id, records] of this.pending) {
      const frame: ReplayFrame = { replayId: this.id, stream: `ds:${id}` as StreamKey, records };
      this.outlet.frame(Buffer.from(JSON.stringify(frame), "utf8"));
      this.sent += records.length;
    }
    this.pending.clear();
    this.pendingCount = 0;
    // Paced by the connection: while it has a backlog, nothing more is read.
    while (this.outlet.sink.backlog() >= 8 && !this.abort.signal.aborted) {
      await new Promise<void>((resolve) => this.outlet.sink.onDrain(resolve));
    }
  }

  private async run(): Promise<void> {
    let from = this.range.from;
    try {
      for (;;) {
        const read = readQuery(this.queryOf("", [...this.datastreams]), {
          from,
          to: this.range.to,
          unfiltered: true,
          signal: this.abort.signal,
        });
        let sought = false;
        for await (const r of read.records) {
          if (this.seekTo !== undefined || this.abort.signal.aborted) {
            sought = this.seekTo !== undefined;
            break;
          }
          while (this.state === "paused" && this.seekTo === undefined && !this.abort.signal.aborted) {
            await this.flush();
            await this.sleep(1000);
          }
          if (this.seekTo !== undefined || this.abort.signal.aborted) {
            sought = this.seekTo !== undefined;
            break;
          }
          // At 1×, 10×, 100× a record goes out when the virtual clock reaches its time (a long gap is skipped).
          while (this.speed !== "max" && this.state === "playing" && this.now() < r.time && this.seekTo === undefined) {
            const wait = (r.time - this.now()) / Number(this.speed);
            if (wait > MAX_IDLE_MS) {
              this.position = r.time;
              this.wall = Date.now();
              break;
            }
            await this.flush();
            this.tell(false);
            await this.sleep(Math.min(wait, 200));
          }
          if (this.speed === "max") this.position = r.time;
          const list = this.pending.get(r.datastreamId) ?? [];
          list.push(toRecord(r, false));
          this.pending.set(r.datastreamId, list);
          if (this.pendingCount++ === 0) this.pendingSince = Date.now();
          if (this.pendingCount >= FRAME_RECORDS || Date.now() - this.pendingSince >= FRAME_MS) await this.flush();
          this.tell(false);
          if (Date.now() - this.lastCheck > RECHECK_MS && !(await this.stillAllowed())) {
            this.stop("failed", "You may no longer read one of these datastreams");
            return;
          }
        }
        await this.flush();
        if (this.abort.signal.aborted) return;
        if (sought || this.seekTo !== undefined) {
          from = this.seekTo ?? from;
          this.seekTo = undefined;
          this.pending.clear();
          this.pendingCount = 0;
          this.position = from;
          this.wall = Date.now();
          this.tell(true, undefined, true);
          continue;
        }
        this.position = this.range.to;
        this.state = "ended";
        this.tell(true);
        await this.finish("ended");
        return;
      }
    } catch (error) {
      if (this.abort.signal.aborted) return;
      log.warn("a replay failed", { error });
      this.stop("failed", error instanceof Error ? error.message : String(error));
    }
  }
}
