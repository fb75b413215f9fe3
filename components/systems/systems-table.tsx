"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Server } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
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
}

const column = createColumnHelper<SystemRow>();

export function SystemsTable({
  companyId,
  page,
  sort,
  order,
  q,
  emptyAction,
}: {
  companyId: string;
  page: Page<SystemRow>;
  sort: string;
  order: "asc" | "desc";
  q?: string;
  emptyAction?: ReactNode;
}) {
  const columns = [
    column.accessor("name", {
      header: "System",
      cell: (c) => (
        <Link
          href={`/companies/${companyId}/systems/${c.row.original.id}`}
          className="font-mono text-sm font-medium text-brand-700 hover:underline"
        >
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("description", {
      header: "Description",
      cell: (c) => <span className="line-clamp-1 max-w-xs">{c.getValue()}</span>,
    }),
    column.accessor((s) => s._count.clients, { id: "clients", header: "Clients" }),
    column.accessor((s) => s._count.datastreams, { id: "datastreams", header: "Datastreams" }),
    column.accessor("retentionDays", { header: "Retention", cell: (c) => `${c.getValue()} d` }),
    column.accessor("createdAt", { header: "Created", cell: (c) => formatDate(c.getValue()) }),
  ];
  return (
    <DataTable
      label="Systems"
      columns={columns}
      page={page}
      sortable={["name", "retentionDays", "createdAt"]}
      sort={sort}
      order={order}
      q={q}
      getRowId={(s) => s.id}
      searchPlaceholder="Filter by name or description"
      empty={
        <EmptyState icon={<Server className="size-10" aria-hidden />} title="No systems yet" action={emptyAction}>
          A system is a machine, a fleet or a service that produces and consumes data. Each gets its own Kafka topics
          and client applications.
        </EmptyState>
      }
    />
  );
}
