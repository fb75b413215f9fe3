"use client";
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import type { Page } from "@/lib/pagination";
import { cn } from "@/lib/ui/cn";
import { Pager } from "./pager";
import { useListParams } from "./use-list-params";

/** One page of a server-paginated list as the URL asked for it: what every list table gets from its page. */
export interface ListProps<T> {
  page: Page<T>;
  sort: string;
  order: "asc" | "desc";
  q?: string;
}

export interface DataTableProps<T> extends ListProps<T> {
  /** What the table lists, for screen readers ("Systems"). */
  label: string;
  // biome-ignore lint/suspicious/noExplicitAny: column value types differ per column; TanStack's own examples type them this way
  columns: ColumnDef<T, any>[];
  /** Column ids the server can sort by. */
  sortable: readonly string[];
  getRowId: (row: T) => string;
  searchPlaceholder?: string;
  /** Shown when the list is empty without a filter: say what the list is for and how to fill it. */
  empty: ReactNode;
  toolbar?: ReactNode;
}

/** A server-paginated table: the page, sort and filter are URL parameters the server page reads. */
export function DataTable<T>({
  label,
  columns,
  page,
  sortable,
  sort,
  order,
  q,
  getRowId,
  searchPlaceholder,
  empty,
  toolbar,
}: DataTableProps<T>) {
  const { update, pending } = useListParams();
  const [search, setSearch] = useState(q ?? "");
  useEffect(() => setSearch(q ?? ""), [q]);
  useEffect(() => {
    if (search === (q ?? "")) return;
    const timer = setTimeout(() => update({ q: search.trim() || undefined }), 300);
    return () => clearTimeout(timer);
  }, [search, q, update]);

  const table = useReactTable({
    data: page.items,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    pageCount: page.pageCount,
  });

  const filtered = Boolean(q);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" aria-hidden />
          <Input
            type="search"
            aria-label={`Filter ${label.toLowerCase()}`}
            placeholder={searchPlaceholder ?? "Filter…"}
            className="pl-8"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {toolbar && <div className="flex items-center gap-2">{toolbar}</div>}
      </div>

      {page.total === 0 && !filtered ? (
        <div className="rounded-lg bg-white ring-1 ring-slate-200">{empty}</div>
      ) : (
        <div
          className={cn(
            "relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200 transition-opacity",
            pending && "opacity-60",
          )}
          aria-busy={pending}
        >
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
            <thead className="bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const id = header.column.id;
                    const canSort = sortable.includes(id);
                    const active = sort === id;
                    const content = flexRender(header.column.columnDef.header, header.getContext());
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}
                        className="px-4 py-2.5 text-left font-medium whitespace-nowrap text-slate-600"
                      >
                        {canSort ? (
                          <button
                            type="button"
                            className="inline-flex items-center gap-1 hover:text-slate-900"
                            onClick={() => update({ sort: id, order: active && order === "asc" ? "desc" : "asc" })}
                          >
                            {content}
                            {active ? (
                              order === "asc" ? (
                                <ArrowUp className="size-3.5" aria-hidden />
                              ) : (
                                <ArrowDown className="size-3.5" aria-hidden />
                              )
                            ) : (
                              <ArrowUpDown className="size-3.5 text-slate-300" aria-hidden />
                            )}
                          </button>
                        ) : (
                          content
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.length === 0 ? (
                <tr>
                  <td colSpan={columns.length} className="px-4 py-10 text-center text-slate-500">
                    Nothing matches “{q}”.{" "}
                    <button
                      type="button"
                      className="font-medium text-brand-600 hover:underline"
                      onClick={() => setSearch("")}
                    >
                      Clear the filter
                    </button>
                  </td>
                </tr>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className="hover:bg-slate-50/60">
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className="px-4 py-2.5 align-middle text-slate-700">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}

      <Pager page={page} />
    </div>
  );
}
