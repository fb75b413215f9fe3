"use client";
import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { nameLinkColumn, rowId } from "@/components/data-table/columns";
import { DataTable, type ListProps } from "@/components/data-table/data-table";
import { formatDateTime } from "@/lib/ui/format";

/** What a list of things, sensors or observed properties shows of each, besides its one column of its own. */
export interface EntityRow {
  id: string;
  name: string;
  datastreamCount: number;
  updatedAt: Date;
}

/**
 * A system's things, sensors or observed properties: the name linking to its page, the kind's own column, how
 * many datastreams use it and when it changed; sortable by name and by change.
 */
export function EntityTable<T extends EntityRow>({
  label,
  href,
  column,
  empty,
  ...list
}: ListProps<T> & {
  label: string;
  /** The list's URL; each row links to rowPath(href, id). */
  href: string;
  // biome-ignore lint/suspicious/noExplicitAny: as DataTable's columns, the value type is the column's own
  column: ColumnDef<T, any>;
  empty: ReactNode;
}) {
  const c = createColumnHelper<T>();
  const columns = [
    nameLinkColumn<T>(href),
    column,
    c.accessor((row) => row.datastreamCount, { id: "datastreamCount", header: "Datastreams" }),
    c.accessor((row) => row.updatedAt, {
      id: "updatedAt",
      header: "Updated",
      cell: (v) => formatDateTime(v.getValue()),
    }),
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      sortable={["name", "updatedAt"]}
      getRowId={rowId}
      searchPlaceholder="Filter by name or description"
      empty={empty}
      {...list}
    />
  );
}
