"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { nameLinkColumn, rowId } from "@/components/data-table/columns";
import { DataTable, type ListProps } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
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
  emptyAction,
  ...list
}: ListProps<ClientRow> & {
  /** The clients' base URL; each row links to rowPath(clientsHref, id). */
  clientsHref: string;
  emptyAction?: ReactNode;
}) {
  const columns = [
    nameLinkColumn<ClientRow>(clientsHref),
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
      sortable={["name", "status", "createdAt"]}
      getRowId={rowId}
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
      {...list}
    />
  );
}
