"use client";
import { Pause, Play, Square } from "lucide-react";
import { useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { LineChartView } from "@/components/live/line-chart";
import { RecordsTable } from "@/components/live/records-table";
import { StateTimeline } from "@/components/live/state-timeline";
import { useWidth } from "@/components/live/use-width";
import { ValueTile } from "@/components/live/value-tile";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import type { HistoryDatastream } from "@/lib/history/schemas";
import type { Selection } from "@/lib/history-client/history-api";
import type { ReplaySpeed } from "@/lib/live/replay-protocol";
import { replayConnection } from "@/lib/replay-client/replay-connection";
import { replayStore, useReplayStore } from "@/lib/replay-client/replay-store";

const speeds: { value: ReplaySpeed; label: string }[] = [
  { value: "1", label: "1×" },
  { value: "10", label: "10×" },
  { value: "100", label: "100×" },
  { value: "max", label: "As fast as possible" },
];

const isLine = (type: string | undefined) => type === "Measurement" || type === "Count";

/**
 * Replays the range: every datastream's records merged in phenomenon-time order, into the same charts, tiles and
 * tables as live data, at 1×, 10×, 100× or as fast as the connection takes them, with pause, resume and a timeline
 * to seek on. A replay runs on a connection of its own and stops when the page is left.
 */
export function ReplayView({ selection, datastreams }: { selection: Selection; datastreams: HistoryDatastream[] }) {
  const [speed, setSpeed] = useState<ReplaySpeed>("100");
  const [error, setError] = useState<string | undefined>();
  const [ref, width] = useWidth<HTMLDivElement>();
  const { replayId, status, from, to, streams, buffers, failure } = useReplayStore(
    useShallow((s) => ({
      replayId: s.replayId,
      status: s.status,
      from: s.from,
      to: s.to,
      streams: s.streams,
      buffers: s.buffers,
      failure: s.error,
    })),
  );
  // Leaving the view stops the replay (and its read on the server).
  useEffect(
    () => () => {
      const id = useReplayStore.getState().replayId;
      if (id) void replayConnection.control({ replayId: id, action: "stop" }).catch(() => undefined);
      replayStore.reset();
    },
    [],
  );
  const act = (work: () => Promise<unknown>) => {
    setError(undefined);
    work().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const start = () =>
    act(async () => {
      if (replayId) await replayConnection.control({ replayId, action: "stop" }).catch(() => undefined);
      const ids = selection.datastreamIds.length > 0 ? selection.datastreamIds : datastreams.map((d) => d.id);
      await replayConnection.start({ datastreamIds: ids.slice(0, 20), from: selection.from, to: selection.to, speed });
    });
  const running = status === undefined ? Boolean(replayId) : status.state === "playing" || status.state === "paused";
  const series = streams.map((info) => ({
    label: info.label,
    buffer: buffers[info.key],
    unit: info.unit?.symbol || undefined,
    type: info.observationType,
  }));
  const position = status?.position ?? from;

  return (
    <div className="space-y-4" ref={ref}>
      <div className="flex flex-wrap items-center gap-2">
        <NativeSelect
          aria-label="Speed"
          className="w-48"
          value={speed}
          onChange={(e) => {
            const next = e.target.value as ReplaySpeed;
            setSpeed(next);
            if (replayId && running) act(() => replayConnection.control({ replayId, action: "speed", speed: next }));
          }}
        >
          {speeds.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
        <Button onClick={start}>
          <Play className="size-4" aria-hidden /> {replayId ? "Replay again" : "Replay"}
        </Button>
        {replayId && status?.state === "playing" && (
          <Button
            variant="secondary"
            onClick={() => act(() => replayConnection.control({ replayId, action: "pause" }))}
          >
            <Pause className="size-4" aria-hidden /> Pause
          </Button>
        )}
        {replayId && status?.state === "paused" && (
          <Button
            variant="secondary"
            onClick={() => act(() => replayConnection.control({ replayId, action: "resume" }))}
          >
            <Play className="size-4" aria-hidden /> Resume
          </Button>
        )}
        {replayId && running && (
          <Button variant="ghost" onClick={() => act(() => replayConnection.control({ replayId, action: "stop" }))}>
            <Square className="size-4" aria-hidden /> Stop
          </Button>
        )}
        <p className="ml-auto text-sm text-slate-600" data-testid="replay-status" data-state={status?.state ?? "idle"}>
          {status
            ? `${status.state} · ${new Date(position).toLocaleString()} · ${status.records.toLocaleString()} records`
            : replayId
              ? "starting…"
              : "Not started"}
        </p>
      </div>
      {replayId && (
        <input
          type="range"
          aria-label="Replay position: drag to seek"
          className="w-full"
          min={from}
          max={to}
          step={Math.max(1, Math.floor((to - from) / 1000))}
          value={position}
          onChange={(e) =>
            act(() =>
              replayConnection.control({
                replayId,
                action: "seek",
                at: new Date(Number(e.target.value)).toISOString(),
              }),
            )
          }
        />
      )}
      {(error || failure) && <Alert tone="error">{error ?? failure}</Alert>}
      {status?.detail && <Alert tone="warning">{status.detail}</Alert>}
      {replayId && (
        <div className="space-y-4">
          <ValueTile series={series} />
          {series.some((s) => isLine(s.type)) && (
            <LineChartView
              series={series.filter((s) => isLine(s.type))}
              from={from}
              to={to}
              width={Math.max(50, width - 68)}
              height={260}
            />
          )}
          {series.some((s) => !isLine(s.type)) && (
            <StateTimeline
              series={series.filter((s) => !isLine(s.type))}
              from={from}
              to={Math.max(from + 1, position)}
            />
          )}
          <RecordsTable series={series} rows={10} />
        </div>
      )}
    </div>
  );
}
