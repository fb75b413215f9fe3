"use client";
import type { StreamBuffer } from "@/lib/live-client/live-store";
import { useLiveStore } from "@/lib/live-client/live-store";
import { cn } from "@/lib/ui/cn";
import { useNow } from "./use-live";
import { ageOf } from "./values";

const words = {
  live: ["Live", "bg-emerald-500"],
  "catching-up": ["Catching up", "bg-sky-500"],
  reconnecting: ["Reconnecting", "bg-amber-500"],
  "kafka-unavailable": ["Kafka unavailable", "bg-red-500"],
  "signed-out": ["Signed out", "bg-slate-500"],
} as const;

/**
 * A live panel's connection state, always visible: live, catching up, reconnecting, Kafka unavailable; the records
 * it missed; and when its newest record was measured. Never a silently frozen chart.
 */
export function LiveStatusBadge({ buffers }: { buffers: (StreamBuffer | undefined)[] }) {
  const connection = useLiveStore((s) => s.connection);
  const now = useNow();
  const states = buffers.map((b) => b?.state ?? "catching-up");
  const state =
    connection === "signed-out"
      ? "signed-out"
      : connection === "reconnecting"
        ? "reconnecting"
        : states.includes("kafka-unavailable")
          ? "kafka-unavailable"
          : states.includes("reconnecting")
            ? "reconnecting"
            : states.includes("catching-up")
              ? "catching-up"
              : "live";
  const [label, dot] = words[state];
  const missed = buffers.reduce((n, b) => n + (b?.missed ?? 0), 0);
  const last = buffers.reduce<number | undefined>(
    (t, b) => (b?.lastRecordAt !== undefined && (t === undefined || b.lastRecordAt > t) ? b.lastRecordAt : t),
    undefined,
  );
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600" data-testid="live-status">
      <span className="inline-flex items-center gap-1.5" data-state={state}>
        <span className={cn("size-2 rounded-full", dot, state === "live" && "animate-pulse")} aria-hidden />
        {label}
      </span>
      <span title={last ? new Date(last).toISOString() : undefined}>last record {ageOf(last, now)}</span>
      {missed > 0 && (
        <span className="font-medium text-amber-700" data-testid="live-missed">
          {missed.toLocaleString()} record{missed === 1 ? "" : "s"} missed
        </span>
      )}
    </p>
  );
}
