"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { ZoomOut } from "lucide-react";
import { useRef, useState } from "react";
import { LineChartView } from "@/components/live/line-chart";
import { StateTimeline } from "@/components/live/state-timeline";
import { useWidth } from "@/components/live/use-width";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DataSource } from "@/lib/history/choose-rollup-level";
import type { HistoryDatastream } from "@/lib/history/schemas";
import { fetchSeries, type Selection } from "@/lib/history-client/history-api";
import { historyKeys } from "@/lib/history-client/history-keys";
import type { StreamBuffer } from "@/lib/live-client/live-store";

const sources: Record<DataSource, string> = {
  raw: "raw records",
  "1s": "1-second rollups",
  "10s": "10-second rollups",
  "1m": "1-minute rollups",
  "10m": "10-minute rollups",
  "1h": "1-hour rollups",
};

/** Chart points as the live charts take them (a buffer of records). */
function bufferOf(points: { t: number; v: unknown }[]): StreamBuffer {
  return {
    records: points.map((p, i) => ({ p: 0, o: String(i), t: p.t, v: p.v })),
    state: "live",
    missed: 0,
    downsampled: true,
    version: 0,
  };
}

// The line chart's plot area within its width (recharts: the value axis takes 56 px on the left, 12 px margin right).
const PLOT_LEFT = 56;
const PLOT_RIGHT = 12;

/**
 * A chart of the whole range, several datastreams on one time axis (the live charts, fed by the server's M4 for
 * this width: never more than four points per pixel column). Brushing across it zooms in, and the finer detail is
 * fetched; states (Truth, Category, JSON) as timelines. It says what it was drawn from and whether its newest part
 * was read raw because the rollup job has not reached it yet.
 */
export function HistoryChart({
  companyId,
  selection,
  datastreams,
}: {
  companyId: string;
  selection: Selection;
  datastreams: HistoryDatastream[];
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [zooms, setZooms] = useState<{ from: string; to: string }[]>([]);
  // The drag lives in a ref (the pointer's events may come faster than React renders), the state only draws it.
  const [brush, setBrush] = useState<{ a: number; b: number } | undefined>();
  const drag = useRef<{ a: number; b: number } | undefined>(undefined);
  const draw = (next: { a: number; b: number } | undefined) => {
    drag.current = next;
    setBrush(next);
  };
  const range = zooms.at(-1) ?? { from: selection.from, to: selection.to };
  const shown: Selection = { ...selection, ...range };
  const columns = Math.max(50, width - PLOT_LEFT - PLOT_RIGHT);
  const key = historyKeys.series(companyId, shown, columns);
  const queryClient = useQueryClient();
  const series = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchSeries(companyId, shown, columns, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const byId = new Map(datastreams.map((d) => [d.id, d]));
  const data = series.data;
  const lines = (data?.series ?? []).filter((s) => s.kind === "line");
  const states = (data?.series ?? []).filter((s) => s.kind === "state");
  const timeAt = (x: number) => from + ((x - PLOT_LEFT) / Math.max(1, width - PLOT_LEFT - PLOT_RIGHT)) * (to - from);
  const zoom = () => {
    const done = drag.current;
    draw(undefined);
    if (!done) return;
    const [a, b] = [Math.min(done.a, done.b), Math.max(done.a, done.b)];
    if (b - a < 4) return;
    const [zf, zt] = [Math.max(from, timeAt(a)), Math.min(to, timeAt(b))];
    if (zt - zf < 10) return;
    setZooms([...zooms, { from: new Date(Math.floor(zf)).toISOString(), to: new Date(Math.ceil(zt)).toISOString() }]);
  };
  const xOf = (e: React.PointerEvent<HTMLDivElement>) => e.clientX - e.currentTarget.getBoundingClientRect().left;

  return (
    <div className="space-y-3" ref={ref}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600" data-testid="chart-source">
          {new Date(from).toLocaleString()} – {new Date(to).toLocaleString()}
          {data && <> · drawn from {sources[data.source]}</>}
          {data?.rawSince && (
            <span className="ml-1 text-amber-800">
              (its newest part, since {new Date(data.rawSince).toLocaleString()}, read raw: still being rolled up)
            </span>
          )}
        </p>
        <div className="flex items-center gap-2">
          {series.isFetching && (
            <>
              <span className="text-slate-500" role="status">
                Loading…
              </span>
              <Button variant="ghost" size="sm" onClick={() => void queryClient.cancelQueries({ queryKey: key })}>
                Cancel
              </Button>
            </>
          )}
          <Button
            variant="secondary"
            size="sm"
            disabled={zooms.length === 0}
            onClick={() => setZooms(zooms.slice(0, -1))}
          >
            <ZoomOut className="size-4" aria-hidden /> Zoom out
          </Button>
          <Button variant="ghost" size="sm" disabled={zooms.length === 0} onClick={() => setZooms([])}>
            Whole range
          </Button>
        </div>
      </div>
      {series.error && (
        <Alert tone="error" title="Could not draw the chart">
          {(series.error as Error).message}
        </Alert>
      )}
      {lines.length > 0 && (
        <div className="relative" data-testid="history-chart">
          <LineChartView
            series={lines.map((s) => ({
              label: byId.get(s.datastreamId)?.name ?? s.datastreamId,
              buffer: bufferOf(s.points),
              unit: byId.get(s.datastreamId)?.unit.symbol || undefined,
            }))}
            from={from}
            to={to}
            width={columns}
            height={320}
          />
          <div
            className="absolute inset-0 cursor-crosshair touch-none select-none"
            role="presentation"
            title="Drag across the chart to zoom in"
            data-testid="chart-brush"
            onPointerDown={(e) => {
              e.preventDefault();
              e.currentTarget.setPointerCapture(e.pointerId);
              draw({ a: xOf(e), b: xOf(e) });
            }}
            onPointerMove={(e) => drag.current && draw({ ...drag.current, b: xOf(e) })}
            onPointerUp={zoom}
          >
            {brush && (
              <div
                className="absolute top-0 bottom-6 bg-brand-500/15 ring-1 ring-brand-400"
                style={{ left: Math.min(brush.a, brush.b), width: Math.abs(brush.b - brush.a) }}
              />
            )}
          </div>
        </div>
      )}
      {states.length > 0 && (
        <StateTimeline
          series={states.map((s) => ({
            label: byId.get(s.datastreamId)?.name ?? s.datastreamId,
            buffer: bufferOf(s.points),
          }))}
          from={from}
          to={to}
        />
      )}
      {states.some((s) => s.truncated) && (
        <p className="text-xs text-amber-800">Too many changes to show them all at this width: zoom in.</p>
      )}
      {data && lines.length === 0 && states.length === 0 && (
        <p className="py-8 text-center text-sm text-slate-500">Nothing to draw in this range.</p>
      )}
    </div>
  );
}
