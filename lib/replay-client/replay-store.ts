"use client";
import { create } from "zustand";
import { m4 } from "../history/m4";
import type { LiveRecord, LiveStreamInfo } from "../live/live-protocol";
import type { ReplayFrame, ReplayStarted, ReplayStatus } from "../live/replay-protocol";
import { MAX_BUFFERED_RECORDS, type StreamBuffer } from "../live-client/live-store";

/** One replay as the browser holds it: its streams' buffers (the live charts' shape), where it stands, errors. */
export interface ReplayView {
  replayId: string | undefined;
  from: number;
  to: number;
  streams: LiveStreamInfo[];
  buffers: Record<string, StreamBuffer>;
  status: ReplayStatus | undefined;
  error: string | undefined;
}

const idle: ReplayView = {
  replayId: undefined,
  from: 0,
  to: 0,
  streams: [],
  buffers: {},
  status: undefined,
  error: undefined,
};

export const useReplayStore = create<ReplayView>(() => idle);

const emptyBuffer = (info: LiveStreamInfo): StreamBuffer => ({
  info,
  records: [],
  state: "live",
  missed: 0,
  downsampled: false,
  version: 0,
});

/**
 * Keeps a long replay's buffer within bounds without losing its shape: numbers are downsampled over the whole range
 * (M4 for a wide chart, extremes kept); other results keep their newest records.
 */
function bounded(records: LiveRecord[], from: number, to: number): { records: LiveRecord[]; downsampled: boolean } {
  if (records.length <= MAX_BUFFERED_RECORDS) return { records, downsampled: false };
  if (records.every((r) => typeof r.v === "number")) {
    const points = records.map((r) => ({ t: r.t, v: r.v as number, r }));
    return {
      records: m4(points, { from, to: Math.max(to, from + 1), width: 4000 }).map((p) => p.r),
      downsampled: true,
    };
  }
  return { records: records.slice(records.length - MAX_BUFFERED_RECORDS), downsampled: true };
}

// Frames come by the hundred a second at max speed: gathered and applied once per animation frame.
let pending: ReplayFrame[] = [];
let scheduled = false;
const raf: (cb: () => void) => void =
  typeof requestAnimationFrame === "function" ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16);

function applyFrames(): void {
  scheduled = false;
  const frames = pending;
  pending = [];
  useReplayStore.setState((s) => {
    const buffers = { ...s.buffers };
    for (const f of frames) {
      if (f.replayId !== s.replayId) continue;
      const current = buffers[f.stream];
      if (!current) continue;
      const joined = current.records.concat(f.records);
      const { records, downsampled } = bounded(joined, s.from, s.to);
      const last = f.records.at(-1)?.t;
      buffers[f.stream] = {
        ...current,
        records,
        downsampled: current.downsampled || downsampled,
        lastRecordAt: last !== undefined && (current.lastRecordAt ?? 0) < last ? last : current.lastRecordAt,
        version: current.version + 1,
      };
    }
    return { buffers };
  });
}

export const replayStore = {
  started(answer: ReplayStarted): void {
    useReplayStore.setState({
      ...idle,
      replayId: answer.replayId,
      from: Date.parse(answer.from),
      to: Date.parse(answer.to),
      streams: answer.streams,
      buffers: Object.fromEntries(answer.streams.map((info) => [info.key, emptyBuffer(info)])),
    });
  },
  frame(frame: ReplayFrame): void {
    pending.push(frame);
    if (!scheduled) {
      scheduled = true;
      raf(applyFrames);
    }
  },
  status(status: ReplayStatus): void {
    useReplayStore.setState((s) => {
      if (status.replayId !== s.replayId) return s;
      // After a seek the browser starts afresh from the new position.
      const buffers = status.sought
        ? Object.fromEntries(
            Object.entries(s.buffers).map(([k, b]) => [k, { ...b, records: [], version: b.version + 1 }]),
          )
        : s.buffers;
      return { status, buffers };
    });
  },
  failed(message: string): void {
    useReplayStore.setState({ error: message });
  },
  reset(): void {
    useReplayStore.setState(idle);
  },
};
