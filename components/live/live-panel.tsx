"use client";
import { useMemo } from "react";
import type { Panel } from "@/lib/dashboards/schemas";
import type { LiveTarget } from "@/lib/live/live-protocol";
import { LineChartView } from "./line-chart";
import { LiveStatusBadge } from "./live-status-badge";
import { PositionView } from "./position-view";
import { RecordsTable } from "./records-table";
import { StateTimeline } from "./state-timeline";
import { useLiveTargets, useStreamBuffers } from "./use-live";
import { useWidth } from "./use-width";
import { ValueTile } from "./value-tile";

/** What the page knows of each datastream a panel shows (names and units, from the server). */
export interface PanelDatastream {
  id: string;
  name: string;
  fullName: string;
  observationType: string;
  unitSymbol: string;
}

/** One panel's live view of its datastreams, whatever its kind, with its connection state above it. */
export function LivePanelView({
  panel,
  datastreams,
  height,
}: {
  panel: Pick<Panel, "kind" | "streams" | "windowSeconds">;
  datastreams: Record<string, PanelDatastream>;
  height?: number;
}) {
  const targets: LiveTarget[] = panel.streams.map((s) =>
    "datastreamId" in s ? { datastreamId: s.datastreamId } : { incomingOf: s.incomingOf },
  );
  const [ref, width] = useWidth<HTMLDivElement>();
  const { keys, error } = useLiveTargets(targets, panel.windowSeconds, width);
  const flat = keys.map((k) => k[0] ?? "");
  // Charts take their data once a second (their window slides then too); tiles and tables at most four times.
  const charted = panel.kind === "line" || panel.kind === "state" || panel.kind === "position";
  const { buffers, at: now } = useStreamBuffers(flat, charted ? { everyMs: 1000 } : { throttleMs: 250 });
  const from = now - panel.windowSeconds * 1000;
  const series = useMemo(() => {
    // Datastreams of the same name (each car's "Air Temperature") are told apart by their station.
    const names = panel.streams.map((s) => ("datastreamId" in s ? datastreams[s.datastreamId]?.name : undefined));
    const repeated = (name: string) => names.filter((n) => n === name).length > 1;
    return panel.streams.map((s, i) => {
      const d = "datastreamId" in s ? datastreams[s.datastreamId] : undefined;
      const path = "datastreamId" in s ? s.path : undefined;
      const name = d ? (repeated(d.name) ? `${stationOf(d.fullName)} · ${d.name}` : d.name) : undefined;
      return {
        label: name ? (path ? `${name} ${path}` : name) : "Incoming records",
        buffer: buffers[i],
        path,
        unit: d?.unitSymbol || undefined,
      };
    });
  }, [panel.streams, datastreams, buffers]);
  return (
    <div ref={ref} className="flex h-full flex-col gap-2">
      <LiveStatusBadge buffers={buffers} />
      {error ? (
        <p className="text-sm text-red-700">{error}</p>
      ) : panel.kind === "line" ? (
        <LineChartView series={series} from={from} to={now + 1000} width={width} height={height} />
      ) : panel.kind === "state" ? (
        <StateTimeline series={series} from={from} to={now} />
      ) : panel.kind === "value" ? (
        <ValueTile series={series} />
      ) : panel.kind === "table" ? (
        <RecordsTable series={series} />
      ) : (
        <PositionView latitude={buffers[0]} longitude={buffers[1]} from={from} height={height} />
      )}
    </div>
  );
}

/** The station of a datastream's full name (`domain.enterprise.workcenter.station.thing.name`). */
function stationOf(fullName: string): string {
  return fullName.split(".")[3] ?? fullName;
}
