"use client";
import { io, type Socket } from "socket.io-client";
import type { AlarmNotice } from "../live/events";
import type { LiveFrame, LiveStreamInfo, LiveSubscribe, LiveTarget, StreamKey } from "../live/live-protocol";
import { liveStore } from "./live-store";

export type AlarmChange = { alarm: AlarmNotice; change: "created" | "updated" | "deleted" };

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

interface Following {
  target: LiveTarget;
  sinceMs?: number;
  width?: number;
  keys: StreamKey[];
  refs: number;
  /** The first subscription's answer: a second follower waits for it rather than reading keys not known yet. */
  answered: Promise<LiveStreamInfo[]>;
}

const decoder = new TextDecoder();

/**
 * The browser's one Socket.IO connection for live data. Panels follow targets (reference-counted); on a reconnect
 * (or a reload, via the server's gap filling) each target is asked again with the positions the browser holds, so
 * the server fills the gap from Kafka: no reliance on Socket.IO's connection-state recovery.
 */
class LiveConnection {
  private socket: Socket | undefined;
  private readonly following = new Map<string, Following>();
  private readonly alarmListeners = new Set<(notice: AlarmChange) => void>();

  private connect(): Socket {
    if (this.socket) return this.socket;
    const socket = io({ path: "/socket.io", transports: ["websocket"], reconnectionDelayMax: 5000 });
    this.socket = socket;
    socket.on("connect", () => {
      liveStore.connection("live");
      for (const f of this.following.values()) void this.ask(f, true);
    });
    socket.on("disconnect", (reason) => {
      // The server ends a voided session's socket itself; Socket.IO then does not reconnect.
      liveStore.connection(reason === "io server disconnect" ? "signed-out" : "reconnecting");
    });
    socket.on("connect_error", (error) => {
      liveStore.connection(error.message === "unauthenticated" ? "signed-out" : "reconnecting");
    });
    socket.on("session:ended", () => liveStore.connection("signed-out"));
    socket.on("live:frame", (bytes: ArrayBuffer) => {
      liveStore.frame(JSON.parse(decoder.decode(bytes)) as LiveFrame);
    });
    socket.on("live:status", (s) => liveStore.status(s));
    socket.on("live:missed", (m) => liveStore.missed(m));
    socket.on("live:revoked", (r: { streams: StreamKey[] }) => liveStore.revoked(r.streams));
    socket.on("alarm:changed", (notice: AlarmChange) => {
      for (const listener of this.alarmListeners) listener(notice);
    });
    socket.on("live:streams", (s: { added: LiveStreamInfo[] }) => {
      for (const info of s.added) liveStore.info(info);
    });
    return socket;
  }

  private async ask(f: Following, again: boolean): Promise<LiveStreamInfo[]> {
    const socket = this.connect();
    const resume = again
      ? Object.fromEntries(
          f.keys.flatMap((k) => {
            const r = liveStore.resumeOf(k);
            return r ? [[k, r]] : [];
          }),
        )
      : undefined;
    const request: LiveSubscribe = {
      target: f.target,
      ...(resume && Object.keys(resume).length > 0
        ? { resume }
        : f.sinceMs !== undefined && !again
          ? { sinceMs: f.sinceMs }
          : {}),
      ...(f.width ? { width: f.width } : {}),
    };
    const answer = (await socket.timeout(20_000).emitWithAck("live:subscribe", request)) as Answer<{
      streams: LiveStreamInfo[];
    }>;
    if (!answer.ok) throw new Error(answer.error.message);
    f.keys = answer.data.streams.map((s) => s.key);
    for (const info of answer.data.streams) liveStore.info(info);
    return answer.data.streams;
  }

  /** Hears the alarms of the user's companies as they change (and connects, if nothing else has yet). */
  onAlarm(listener: (notice: AlarmChange) => void): () => void {
    this.connect();
    this.alarmListeners.add(listener);
    return () => {
      this.alarmListeners.delete(listener);
    };
  }

  /** Follows a target; the streams it resolves to, and a function to stop following. */
  follow(target: LiveTarget, options: { sinceMs?: number; width?: number } = {}) {
    const id = JSON.stringify(target);
    let f = this.following.get(id);
    let streams: Promise<LiveStreamInfo[]>;
    if (f) {
      f.refs++;
      streams = f.answered;
    } else {
      const created: Following = {
        target,
        sinceMs: options.sinceMs,
        width: options.width,
        keys: [],
        refs: 1,
        answered: Promise.resolve([]),
      };
      created.answered = this.ask(created, false);
      // A refusal reaches the follower through `streams`; a later follower of the same target asks again.
      created.answered.catch(() => {
        if (this.following.get(id) === created) this.following.delete(id);
      });
      this.following.set(id, created);
      f = created;
      streams = created.answered;
    }
    const following = f;
    return {
      streams,
      stop: () => {
        following.refs--;
        if (following.refs > 0) return;
        this.following.delete(id);
        if (following.keys.length > 0) this.socket?.emit("live:unsubscribe", { streams: following.keys });
      },
    };
  }
}

export const liveConnection = new LiveConnection();
