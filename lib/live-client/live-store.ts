"use client";
import { create } from "zustand";
import type {
  LiveFrame,
  LiveMissed,
  LiveRecord,
  LiveState,
  LiveStatus,
  LiveStreamInfo,
  StreamKey,
} from "../live/live-protocol";

/** Records kept per stream in the browser at most: the newest; a chart downsamples them to its width. */
export const MAX_BUFFERED_RECORDS = 50_000;

export type ConnectionState = "connecting" | "live" | "reconnecting" | "signed-out";

export interface StreamBuffer {
  info?: LiveStreamInfo;
  /** In arrival order: partition order per partition, which for one datastream is time order. */
  records: LiveRecord[];
  state: LiveState;
  lastRecordAt?: number;
  /** Records this browser did not get (a slow connection, a gap too long to fill), since it opened. */
  missed: number;
  downsampled: boolean;
  /** Bumped on every change, so a panel re-renders only when its streams changed. */
  version: number;
}

interface LiveStoreState {
  connection: ConnectionState;
  streams: Record<string, StreamBuffer>;
  revoked: string[];
}

const empty = (): StreamBuffer => ({ records: [], state: "catching-up", missed: 0, downsampled: false, version: 0 });

export const useLiveStore = create<LiveStoreState>(() => ({ connection: "connecting", streams: {}, revoked: [] }));

// Frames can come by the hundred a second: they are gathered and applied once per animation frame, so the charts
// redraw at most at the screen's rate.
let pending: LiveFrame[] = [];
let scheduled = false;
const raf: (cb: () => void) => void =
  typeof requestAnimationFrame === "function" ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16);

function mutate(key: string, change: (b: StreamBuffer) => StreamBuffer): void {
  useLiveStore.setState((s) => {
    const current = s.streams[key] ?? empty();
    const next = change(current);
    return { streams: { ...s.streams, [key]: { ...next, version: current.version + 1 } } };
  });
}

/** Whether offset `a` is after `b` (decimal strings without leading zeros: shorter is smaller). */
function offsetAfter(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

// Per stream, the newest offset held per partition: a live record at or below it is one the browser has already
// (a backfill overlapping the live frames), and is not added twice.
const newest = new Map<string, Map<number, string>>();

function applyFrames(): void {
  scheduled = false;
  const frames = pending;
  pending = [];
  const byStream = new Map<string, LiveFrame[]>();
  for (const f of frames) {
    const list = byStream.get(f.stream);
    if (list) list.push(f);
    else byStream.set(f.stream, [f]);
  }
  useLiveStore.setState((s) => {
    const streams = { ...s.streams };
    for (const [key, list] of byStream) {
      const current = streams[key] ?? empty();
      let high = newest.get(key);
      if (!high) {
        high = new Map();
        newest.set(key, high);
      }
      // Appended in place: thousands of records a second must not copy the buffer each time. Views notice the
      // change by the buffer's version, never by the array's identity.
      let records = current.records;
      let lastRecordAt = current.lastRecordAt;
      let downsampled = current.downsampled;
      for (const f of list) {
        if (f.backfill) {
          const known = new Set(records.map((r) => `${r.p}:${r.o}`));
          const fresh = f.records.filter((r) => !known.has(`${r.p}:${r.o}`));
          records = [...fresh, ...records].sort((a, b) => a.t - b.t);
          for (const r of fresh) remember(high, r);
          for (const r of fresh) if (lastRecordAt === undefined || r.t > lastRecordAt) lastRecordAt = r.t;
        } else {
          for (const r of f.records) {
            const held = high.get(r.p);
            if (held !== undefined && !offsetAfter(r.o, held)) continue;
            high.set(r.p, r.o);
            records.push(r);
            if (lastRecordAt === undefined || r.t > lastRecordAt) lastRecordAt = r.t;
          }
        }
        if (f.downsampled) downsampled = true;
      }
      if (records.length > MAX_BUFFERED_RECORDS * 1.1) records.splice(0, records.length - MAX_BUFFERED_RECORDS);
      streams[key] = { ...current, records, lastRecordAt, downsampled, version: current.version + 1 };
    }
    return { streams };
  });
}

function remember(high: Map<number, string>, r: LiveRecord): void {
  const held = high.get(r.p);
  if (held === undefined || offsetAfter(r.o, held)) high.set(r.p, r.o);
}

export const liveStore = {
  frame(frame: LiveFrame): void {
    pending.push(frame);
    if (!scheduled) {
      scheduled = true;
      raf(applyFrames);
    }
  },
  status(status: LiveStatus): void {
    mutate(status.stream, (b) => ({ ...b, state: status.state, lastRecordAt: status.lastRecordAt ?? b.lastRecordAt }));
  },
  missed(m: LiveMissed): void {
    mutate(m.stream, (b) => ({ ...b, missed: b.missed + m.records }));
  },
  info(info: LiveStreamInfo): void {
    mutate(info.key, (b) => ({ ...b, info }));
  },
  connection(state: ConnectionState): void {
    useLiveStore.setState({ connection: state });
    if (state === "reconnecting") {
      useLiveStore.setState((s) => ({
        streams: Object.fromEntries(
          Object.entries(s.streams).map(([k, b]) => [
            k,
            { ...b, state: "reconnecting" as LiveState, version: b.version + 1 },
          ]),
        ),
      }));
    }
  },
  revoked(keys: readonly string[]): void {
    useLiveStore.setState((s) => ({ revoked: [...s.revoked, ...keys] }));
    for (const key of keys) mutate(key, (b) => ({ ...b, state: "kafka-unavailable" }));
  },
  /** Per partition, the next offset this browser needs of a stream: what a reconnect asks the server for. */
  resumeOf(key: StreamKey): Record<string, string> | undefined {
    const high = newest.get(key);
    if (!high || high.size === 0) return undefined;
    return Object.fromEntries([...high].map(([p, o]) => [String(p), (BigInt(o) + 1n).toString()]));
  },
};
