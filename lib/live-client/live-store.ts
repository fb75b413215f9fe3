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

function applyFrames(): void {
  scheduled = false;
  const frames = pending;
  pending = [];
  const byStream = new Map<string, LiveFrame[]>();
  for (const f of frames) byStream.set(f.stream, [...(byStream.get(f.stream) ?? []), f]);
  useLiveStore.setState((s) => {
    const streams = { ...s.streams };
    for (const [key, list] of byStream) {
      const current = streams[key] ?? empty();
      // A record is known by partition and offset: a backfill overlapping live records adds nothing twice.
      const seen = new Set(current.records.slice(-2000).map((r) => `${r.p}:${r.o}`));
      let records = current.records;
      let lastRecordAt = current.lastRecordAt;
      let downsampled = current.downsampled;
      for (const f of list) {
        const fresh = f.records.filter((r) => !seen.has(`${r.p}:${r.o}`));
        if (f.backfill) records = [...fresh, ...records].sort((a, b) => a.t - b.t);
        else records = records.concat(fresh);
        for (const r of fresh) if (lastRecordAt === undefined || r.t > lastRecordAt) lastRecordAt = r.t;
        if (f.downsampled) downsampled = true;
      }
      if (records.length > MAX_BUFFERED_RECORDS) records = records.slice(records.length - MAX_BUFFERED_RECORDS);
      streams[key] = { ...current, records, lastRecordAt, downsampled, version: current.version + 1 };
    }
    return { streams };
  });
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
    const records = useLiveStore.getState().streams[key]?.records ?? [];
    if (records.length === 0) return undefined;
    const next: Record<string, bigint> = {};
    for (const r of records) {
      const n = BigInt(r.o) + 1n;
      const p = String(r.p);
      if (next[p] === undefined || next[p] < n) next[p] = n;
    }
    return Object.fromEntries(Object.entries(next).map(([p, n]) => [p, n.toString()]));
  },
};
