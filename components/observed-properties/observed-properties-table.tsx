"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Ruler } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import { formatDateTime } from "@/lib/ui/format";

export interface ObservedPropertyRow {
  id: string;
  name: string;
  definition: string;
  datastreamCount: number;
  updatedAt: Date;
}

const column = createColumnHelper<ObservedPropertyRow>();

export function ObservedPropertiesTable({
  propertiesHref,
  page,
  sort,
  order,
  q,
  emptyAction,
}: {
  propertiesHref: string;
  page: Page<ObservedPropertyRow>;
  sort: string;
  order: "asc" | "desc";
  q?: string;
  emptyAction?: ReactNode;
}) {
  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link href={`${propertiesHref}/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("definition", {
      header: "Definition",
      cell: (c) => <span className="font-mono text-xs break-all text-slate-600">{c.getValue() || "—"}</span>,
    }),
    column.accessor("datastreamCount", { header: "Datastreams" }),
    column.accessor("updatedAt", { header: "Updated", cell: (c) => formatDateTime(c.getValue()) }),
  ];
  return (
    <DataTable
      label="Observed properties"
      columns={columns}
      page={page}
      sortable={["name", "updatedAt"]}
      sort={sort}
      order={order}
      q={q}
      getRowId={(p) => p.id}
      searchPlaceholder="Filter by name or description"
      empty={
        <EmptyState
          icon={<Ruler className="size-10" aria-hidden />}
          title="No observed properties yet"
          action={emptyAction}
        >
          An observed property is what a datastream measures (air temperature, latitude), with a URI that defines it, so
          that two datastreams measuring the same quantity can be recognised as such.
        </EmptyState>
      }
    />
  );
}
