"use client";
import { useEffect, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
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

/** The browser's buffers of these streams (re-rendering only when one of them changes). */
export function useStreamBuffers(keys: readonly string[]): (StreamBuffer | undefined)[] {
  const id = keys.join(",");
  const versions = useLiveStore(useShallow((s) => keys.map((k) => s.streams[k]?.version ?? -1)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the versions say when the buffers changed
  return useMemo(() => {
    const { streams } = useLiveStore.getState();
    return id ? id.split(",").map((k) => streams[k]) : [];
  }, [id, versions.join(",")]);
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
