"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Server } from "lucide-react";
import type { ReactNode } from "react";
import { descriptionColumn, nameLinkColumn, rowId } from "@/components/data-table/columns";
import { DataTable, type ListProps } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { systemsPath } from "@/lib/ui/console-paths";
import { formatDate } from "@/lib/ui/format";

export interface SystemRow {
  id: string;
  name: string;
  workcenter: string;
  station: string;
  description: string;
  retentionDays: number;
  createdAt: Date;
  _count: { clients: number; things: number; datastreams: number };
  activity?: { perMinute: number; silent: number; lastRecordAt: Date | null };
  provisioning?: "ready" | "pending" | "drift" | "error";
}

const column = createColumnHelper<SystemRow>();

export function SystemsTable({
  companyId,
  emptyAction,
  ...list
}: ListProps<SystemRow> & { companyId: string; emptyAction?: ReactNode }) {
  const columns = [
    nameLinkColumn<SystemRow>(systemsPath(companyId), { header: "System", mono: true }),
    descriptionColumn<SystemRow>("line-clamp-1 max-w-xs"),
    column.accessor((s) => s._count.clients, { id: "clients", header: "Clients" }),
    column.accessor((s) => s._count.datastreams, { id: "datastreams", header: "Datastreams" }),
    column.accessor((s) => s.provisioning ?? "pending", {
      id: "provisioning",
      header: "Kafka",
      cell: (c) => (
        <Badge tone={c.getValue() === "ready" ? "green" : c.getValue() === "pending" ? "neutral" : "red"}>
          {c.getValue()}
        </Badge>
      ),
    }),
    column.accessor((s) => s.activity?.perMinute ?? 0, {
      id: "rate",
      header: "Records/s",
      cell: (c) => (
        <span className="text-xs whitespace-nowrap text-slate-600">
          {(c.getValue() / 60).toFixed(c.getValue() < 600 ? 1 : 0)}
          {(c.row.original.activity?.silent ?? 0) > 0 && (
            <Badge tone="amber" className="ml-1">
              {c.row.original.activity?.silent} silent
            </Badge>
          )}
        </span>
      ),
    }),
    column.accessor("retentionDays", { header: "Retention", cell: (c) => `${c.getValue()} d` }),
    column.accessor("createdAt", { header: "Created", cell: (c) => formatDate(c.getValue()) }),
  ];
  return (
    <DataTable
      label="Systems"
      columns={columns}
      sortable={["name", "retentionDays", "createdAt"]}
      getRowId={rowId}
      searchPlaceholder="Filter by name or description"
      empty={
        <EmptyState icon={<Server className="size-10" aria-hidden />} title="No systems yet" action={emptyAction}>
          A system is a machine, a fleet or a service that produces and consumes data. Each gets its own Kafka topics
          and client applications.
        </EmptyState>
      }
      {...list}
    />
  );
}
