"use client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { PanelKind } from "@/lib/dashboards/schemas";
import { LivePanelView, type PanelDatastream } from "./live-panel";

const chartOf: Record<string, PanelKind> = {
  Measurement: "line",
  Count: "line",
  Truth: "state",
  Category: "state",
  Observation: "table",
};

/** A datastream's Data view: its last value with its age, a live chart of the last 15 minutes, the last records. */
export function DatastreamLiveData({ datastream }: { datastream: PanelDatastream }) {
  const streams = [{ datastreamId: datastream.id }];
  const known = { [datastream.id]: datastream };
  const kind = chartOf[datastream.observationType] ?? "table";
  return (
    <Card aria-label="Data">
      <CardHeader title="Data" description="As it arrives, live; the older part of the chart is read from Kafka." />
      <CardBody className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-1">
          <LivePanelView panel={{ kind: "value", streams, windowSeconds: 900 }} datastreams={known} />
        </div>
        <div className="lg:col-span-2">
          {kind !== "table" && (
            <LivePanelView panel={{ kind, streams, windowSeconds: 900 }} datastreams={known} height={220} />
          )}
        </div>
        <div className="lg:col-span-3">
          <LivePanelView panel={{ kind: "table", streams, windowSeconds: 900 }} datastreams={known} />
        </div>
      </CardBody>
    </Card>
  );
}
