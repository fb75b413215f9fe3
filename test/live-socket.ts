// A live socket's view, for tests: the frames it got per stream (decoded), its status lines and missed counts.
import type { Socket } from "socket.io-client";
import type { LiveFrame, LiveMissed, LiveRecord, LiveStatus } from "@/lib/live/live-protocol";

export interface LiveView {
  records: Map<string, LiveRecord[]>;
  frames: LiveFrame[];
  statuses: LiveStatus[];
  missed: LiveMissed[];
  revoked: string[];
  values(stream: string): unknown[];
}

export function watchLive(socket: Socket): LiveView {
  const view: LiveView = {
    records: new Map(),
    frames: [],
    statuses: [],
    missed: [],
    revoked: [],
    values: (stream) => (view.records.get(stream) ?? []).map((r) => r.v),
  };
  socket.on("live:frame", (bytes: ArrayBuffer | Buffer) => {
    const frame = JSON.parse(Buffer.from(bytes as ArrayBuffer).toString("utf8")) as LiveFrame;
    view.frames.push(frame);
    view.records.set(frame.stream, [...(view.records.get(frame.stream) ?? []), ...frame.records]);
  });
  socket.on("live:status", (s: LiveStatus) => view.statuses.push(s));
  socket.on("live:missed", (m: LiveMissed) => view.missed.push(m));
  socket.on("live:revoked", (r: { streams: string[] }) => view.revoked.push(...r.streams));
  return view;
}

export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<Answer<T>> {
  return (await socket.timeout(15_000).emitWithAck(event, payload)) as Answer<T>;
}
