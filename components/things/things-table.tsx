"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Boxes } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import { formatDateTime } from "@/lib/ui/format";

export interface ThingRow {
  id: string;
  name: string;
  description: string;
  datastreamCount: number;
  updatedAt: Date;
}

const column = createColumnHelper<ThingRow>();

export function ThingsTable({
  thingsHref,
  page,
  sort,
  order,
  q,
  emptyAction,
}: {
  thingsHref: string;
  page: Page<ThingRow>;
  sort: string;
  order: "asc" | "desc";
  q?: string;
  emptyAction?: ReactNode;
}) {
  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link href={`${thingsHref}/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("description", {
      header: "Description",
      cell: (c) => <span className="line-clamp-2 max-w-md text-slate-600">{c.getValue()}</span>,
    }),
    column.accessor("datastreamCount", { header: "Datastreams" }),
    column.accessor("updatedAt", { header: "Updated", cell: (c) => formatDateTime(c.getValue()) }),
  ];
  return (
    <DataTable
      label="Things"
      columns={columns}
      page={page}
      sortable={["name", "updatedAt"]}
      sort={sort}
      order={order}
      q={q}
      getRowId={(t) => t.id}
      searchPlaceholder="Filter by name or description"
      empty={
        <EmptyState icon={<Boxes className="size-10" aria-hidden />} title="No things yet" action={emptyAction}>
          A thing is an asset of this system: a car, a machine, a weather station. Its datastreams are named after it
          (system.thing.datastream). Create one here, or import a file on the Import / export tab.
        </EmptyState>
      }
    />
  );
}
