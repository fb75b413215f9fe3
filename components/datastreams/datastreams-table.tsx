"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Activity } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { nameLinkColumn, rowId } from "@/components/data-table/columns";
import { DataTable, type ListProps } from "@/components/data-table/data-table";
import { ageOf, showResult } from "@/components/live/values";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { ObservationTypeName } from "@/lib/datastreams/schemas";
import { rowPath } from "@/lib/ui/console-paths";

export interface DatastreamRow {
  id: string;
  name: string;
  fullName: string;
  thing: { id: string; name: string };
  observationType: ObservationTypeName;
  unitSymbol: string;
  unitName: string;
  schemaVersion: number;
  rejectedCount: number;
  /** How its records arrive (the console's evaluator keeps it); null before its first record. */
  health?: { lastPhenomenonAt: Date | null; lastValue: unknown; perMinute: number; silentSince: Date | null } | null;
}

const column = createColumnHelper<DatastreamRow>();

const thingColumn = (thingsHref: string) =>
  column.accessor((d) => d.thing.name, {
    id: "thing",
    header: "Thing",
    cell: (c) => (
      <Link href={rowPath(thingsHref, c.row.original.thing.id)} className="text-slate-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  });

export function DatastreamsTable({
  datastreamsHref,
  thingsHref,
  toolbar,
  filtered,
  emptyTitle = "No datastreams yet",
  emptyAction,
  hideThing = false,
  ...list
}: ListProps<DatastreamRow> & {
  datastreamsHref: string;
  thingsHref: string;
  toolbar?: ReactNode;
  /** A filter other than the text one is set: an empty page then means "nothing matches", not "none yet". */
  filtered?: boolean;
  emptyTitle?: string;
  emptyAction?: ReactNode;
  /** On a thing's own page every row has that thing. */
  hideThing?: boolean;
}) {
  const columns = [
    nameLinkColumn<DatastreamRow>(datastreamsHref),
    ...(hideThing ? [] : [thingColumn(thingsHref)]),
    column.accessor("observationType", {
      header: "Type",
      cell: (c) => <Badge tone={c.getValue() === "Observation" ? "blue" : "neutral"}>{c.getValue()}</Badge>,
    }),
    column.accessor("unitSymbol", {
      header: "Unit",
      cell: (c) => (
        <span title={c.row.original.unitName} className="font-mono text-xs">
          {c.getValue() || c.row.original.unitName || "—"}
        </span>
      ),
    }),
    column.accessor((d) => d.health?.lastPhenomenonAt ?? null, {
      id: "lastValue",
      header: "Last value",
      cell: (c) => {
        const h = c.row.original.health;
        if (!h?.lastPhenomenonAt) return <span className="text-slate-400">no record yet</span>;
        return (
          <span className="whitespace-nowrap" title={new Date(h.lastPhenomenonAt).toISOString()}>
            <span className="font-mono text-xs">{showResult(h.lastValue)}</span>{" "}
            <span className="text-xs text-slate-500">{ageOf(new Date(h.lastPhenomenonAt).getTime(), Date.now())}</span>
            {h.silentSince && (
              <Badge tone="amber" className="ml-1">
                silent
              </Badge>
            )}
          </span>
        );
      },
    }),
    column.accessor((d) => d.health?.perMinute ?? 0, {
      id: "rate",
      header: "Rate",
      cell: (c) => <span className="text-xs whitespace-nowrap text-slate-600">{c.getValue()}/min</span>,
    }),
    column.accessor("schemaVersion", { header: "Version", cell: (c) => `v${c.getValue()}` }),
    column.accessor("rejectedCount", {
      header: "Rejected",
      cell: (c) =>
        c.getValue() > 0 ? <Badge tone="amber">{c.getValue()}</Badge> : <span className="text-slate-400">0</span>,
    }),
  ];
  const empty = filtered ? (
    <EmptyState title="No datastreams match these filters">Clear the thing or type filter to see all.</EmptyState>
  ) : (
    <EmptyState icon={<Activity className="size-10" aria-hidden />} title={emptyTitle} action={emptyAction}>
      A datastream is one typed series of observations of a thing (air temperature in degC, a door's open/closed state),
      with a unit. Its full name, system.thing.datastream, is the Kafka message key of its records.
    </EmptyState>
  );
  return (
    <DataTable
      label="Datastreams"
      columns={columns}
      sortable={hideThing ? ["name", "observationType"] : ["name", "thing", "observationType"]}
      getRowId={rowId}
      searchPlaceholder="Filter by name, description or unit"
      toolbar={toolbar}
      empty={empty}
      {...list}
    />
  );
}
