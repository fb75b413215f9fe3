"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { KeyRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import { formatDateTime } from "@/lib/ui/format";
import { ClientStatusBadge } from "./client-status-badge";

export interface ClientRow {
  id: string;
  name: string;
  principal: string;
  status: "active" | "revoked";
  createdAt: Date;
  rotatedAt: Date | null;
}

const column = createColumnHelper<ClientRow>();
const when = (d: Date | null) => (d ? formatDateTime(d) : "never");

export function ClientsTable({
  clientsHref,
  page,
  sort,
  order,
  q,
  emptyAction,
}: {
  /** The clients' base URL; each row links to `${clientsHref}/${id}`. */
  clientsHref: string;
  page: Page<ClientRow>;
  sort: string;
  order: "asc" | "desc";
  q?: string;
  emptyAction?: ReactNode;
}) {
  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link href={`${clientsHref}/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("principal", {
      header: "Principal",
      cell: (c) => <span className="font-mono text-xs break-all">{c.getValue()}</span>,
    }),
    column.accessor("status", { header: "Status", cell: (c) => <ClientStatusBadge status={c.getValue()} /> }),
    column.accessor("createdAt", { header: "Created", cell: (c) => when(c.getValue()) }),
    column.accessor("rotatedAt", { header: "Secret rotated", cell: (c) => when(c.getValue()) }),
  ];
  return (
    <DataTable
      label="Clients"
      columns={columns}
      page={page}
      sortable={["name", "status", "createdAt"]}
      sort={sort}
      order={order}
      q={q}
      getRowId={(c) => c.id}
      searchPlaceholder="Filter by name or description"
      empty={
        <EmptyState
          icon={<KeyRound className="size-10" aria-hidden />}
          title="No client applications yet"
          action={emptyAction}
        >
          A client application (a car, a station, a service) gets its own Kafka user and secret to produce into this
          system and consume from it.
        </EmptyState>
      }
    />
  );
}
