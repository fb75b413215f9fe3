"use client";
import { useEffect, useState } from "react";
import type { LiveTarget, StreamKey } from "@/lib/live/live-protocol";
import { liveConnection } from "@/lib/live-client/live-connection";
import { type StreamBuffer, useLiveStore } from "@/lib/live-client/live-store";

/**
 * Follows live targets while the component is mounted, starting `windowSeconds` back (the older part of the window
 * is read from Kafka); returns the streams' keys as the server resolved them, and an error if it refused.
 */
export function useLiveTargets(targets: readonly LiveTarget[], windowSeconds: number, width?: number) {
  const id = JSON.stringify(targets);
  const [keys, setKeys] = useState<StreamKey[][]>([]);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const list = JSON.parse(id) as LiveTarget[];
    const sinceMs = Date.now() - windowSeconds * 1000;
    const handles = list.map((t) => liveConnection.follow(t, { sinceMs, width }));
    let live = true;
    Promise.all(handles.map((h) => h.streams))
      .then((streams) => live && setKeys(streams.map((s) => s.map((i) => i.key))))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      for (const h of handles) h.stop();
    };
  }, [id, windowSeconds, width]);
  return { keys, error };
}

/**
 * How often a view takes the streams' newest state. Charts redraw on a clock (`everyMs`): their window slides
 * anyway, and a few hundred records a second must not mean a few hundred redraws. Tiles and tables follow changes,
 * at most once per `throttleMs`.
 */
export type BufferRefresh = { everyMs: number } | { throttleMs: number };

/** The browser's buffers of these streams, taken as `refresh` says, with the time they were taken. */
export function useStreamBuffers(
  keys: readonly string[],
  refresh: BufferRefresh = { throttleMs: 0 },
): { buffers: (StreamBuffer | undefined)[]; at: number } {
  const id = keys.join(",");
  const [state, setState] = useState(() => ({ buffers: read(id), at: Date.now() }));
  const everyMs = "everyMs" in refresh ? refresh.everyMs : undefined;
  const throttleMs = "throttleMs" in refresh ? refresh.throttleMs : 0;
  useEffect(() => {
    const take = () => setState({ buffers: read(id), at: Date.now() });
    take();
    if (everyMs !== undefined) {
      // Each view on a clock of its own phase: twenty charts redraw spread over the second, not all at once in one
      // long task.
      let t: ReturnType<typeof setInterval> | undefined;
      const start = setTimeout(() => {
        take();
        t = setInterval(take, everyMs);
      }, Math.random() * everyMs);
      return () => {
        clearTimeout(start);
        clearInterval(t);
      };
    }
    let seen = versionsOf(id, useLiveStore.getState().streams);
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useLiveStore.subscribe((s) => {
      const now = versionsOf(id, s.streams);
      if (now === seen) return;
      seen = now;
      const wait = last + throttleMs - Date.now();
      if (wait <= 0) {
        last = Date.now();
        take();
      } else {
        timer ??= setTimeout(() => {
          timer = undefined;
          last = Date.now();
          take();
        }, wait);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [id, everyMs, throttleMs]);
  return state;
}

function read(id: string): (StreamBuffer | undefined)[] {
  const { streams } = useLiveStore.getState();
  return id ? id.split(",").map((k) => streams[k]) : [];
}

function versionsOf(id: string, streams: Record<string, StreamBuffer>): string {
  return id
    ? id
        .split(",")
        .map((k) => streams[k]?.version ?? -1)
        .join(",")
    : "";
}

/** Now, every `ms` milliseconds: ages ("12 s ago") and windows move on. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
