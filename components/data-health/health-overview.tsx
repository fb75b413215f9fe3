"use client";
import { HeartPulse } from "lucide-react";
import Link from "next/link";
import { Pager } from "@/components/data-table/pager";
import { useListParams } from "@/components/data-table/use-list-params";
import { ageOf, showResult } from "@/components/live/values";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StaticTable } from "@/components/ui/static-table";
import type { healthStates } from "@/lib/data-health/schemas";
import type { Page } from "@/lib/pagination";
import { systemObjectPath, systemPath } from "@/lib/ui/console-paths";

export interface SystemHealthRow {
  id: string;
  name: string;
  datastreams: number;
  silent: number;
  never: number;
  perMinute: number;
  lastRecordAt: Date | null;
}

export interface DatastreamHealthRow {
  id: string;
  name: string;
  fullName: string;
  systemId: string;
  expectedIntervalSeconds: number | null;
  health: {
    lastPhenomenonAt: Date | null;
    perMinute: number;
    intervalMs: number | null;
    silentSince: Date | null;
    lastValue: unknown;
  } | null;
}

type State = (typeof healthStates)[number];
const stateLabels: Record<State, string> = {
  silent: "Silent",
  never: "Never reported",
  reporting: "Reporting",
  all: "All",
};

const seconds = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/** The company's data health: per system, then the datastreams in the chosen state. */
export function HealthOverview({
  companyId,
  systems,
  datastreams,
  state,
  now,
}: {
  companyId: string;
  systems: SystemHealthRow[];
  datastreams: Page<DatastreamHealthRow>;
  state: State;
  now: number;
}) {
  const { update } = useListParams();
  return (
    <div className="space-y-6">
      <StaticTable
        label="Health per system"
        rows={systems}
        rowKey={(s) => s.id}
        columns={[
          {
            header: "System",
            cell: (s) => (
              <Link
                className="font-mono text-xs text-brand-700 hover:underline"
                href={systemPath(companyId, s.id, "datastreams")}
              >
                {s.name}
              </Link>
            ),
          },
          { header: "Datastreams", cell: (s) => s.datastreams, className: "text-right" },
          {
            header: "Silent",
            cell: (s) =>
              s.silent > 0 ? <Badge tone="amber">{s.silent}</Badge> : <span className="text-slate-400">0</span>,
            className: "text-right",
          },
          { header: "Never reported", cell: (s) => s.never, className: "text-right" },
          { header: "Records/min", cell: (s) => s.perMinute, className: "text-right" },
          {
            header: "Newest record",
            cell: (s) => (s.lastRecordAt ? ageOf(new Date(s.lastRecordAt).getTime(), now) : "none yet"),
            className: "whitespace-nowrap",
          },
        ]}
      />
      <nav aria-label="Datastream health" className="flex flex-wrap gap-2 text-sm">
        {(Object.keys(stateLabels) as State[]).map((s) => (
          <Button
            key={s}
            variant={state === s ? "primary" : "secondary"}
            onClick={() => update({ state: s, page: undefined })}
          >
            {stateLabels[s]}
          </Button>
        ))}
      </nav>
      {datastreams.total === 0 ? (
        <EmptyState icon={<HeartPulse className="size-10" aria-hidden />} title={emptyTitle(state)}>
          A datastream is silent when no record came for three of its usual intervals (learnt from its rate, or set on
          the datastream); an alarm rule of kind "silent" raises an alarm for it.
        </EmptyState>
      ) : (
        <StaticTable
          label="Datastreams"
          rows={datastreams.items}
          rowKey={(d) => d.id}
          columns={[
            {
              header: "Datastream",
              cell: (d) => (
                <Link
                  className="font-mono text-xs text-brand-700 hover:underline"
                  href={systemObjectPath(companyId, d.systemId, "datastreams", d.id)}
                >
                  {d.fullName}
                </Link>
              ),
            },
            {
              header: "Last record",
              cell: (d) =>
                d.health?.lastPhenomenonAt ? (
                  <span className="whitespace-nowrap">
                    <span className="font-mono text-xs">{showResult(d.health.lastValue)}</span>{" "}
                    <span className="text-xs text-slate-500">
                      {ageOf(new Date(d.health.lastPhenomenonAt).getTime(), now)}
                    </span>
                  </span>
                ) : (
                  <span className="text-slate-400">never</span>
                ),
            },
            {
              header: "Usual interval",
              cell: (d) =>
                d.expectedIntervalSeconds
                  ? `${seconds(d.expectedIntervalSeconds * 1000)} (set)`
                  : d.health?.intervalMs
                    ? `${seconds(d.health.intervalMs)} (learnt)`
                    : "—",
            },
            { header: "Records/min", cell: (d) => d.health?.perMinute ?? 0, className: "text-right" },
            {
              header: "State",
              cell: (d) =>
                d.health?.silentSince ? (
                  <Badge tone="amber">silent {ageOf(new Date(d.health.silentSince).getTime(), now)}</Badge>
                ) : d.health?.lastPhenomenonAt ? (
                  <Badge tone="green">reporting</Badge>
                ) : (
                  <Badge>never reported</Badge>
                ),
            },
          ]}
        />
      )}
      <Pager page={datastreams} />
    </div>
  );
}

function emptyTitle(state: State): string {
  if (state === "silent") return "No silent datastreams";
  if (state === "never") return "Every datastream has reported";
  if (state === "reporting") return "No datastream is reporting";
  return "No datastreams yet";
}
