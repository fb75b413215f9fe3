import type { Key, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

/** One column of a StaticTable: its header and how a row fills its cell. */
export interface StaticColumn<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes of the header and of each cell (alignment, width, wrapping). */
  className?: string;
  /** The header only for screen readers (e.g. a column of buttons). */
  srOnlyHeader?: boolean;
}

const densities = {
  normal: { cell: "px-4 py-2.5", table: "text-sm" },
  compact: { cell: "px-3 py-2", table: "text-sm" },
  dense: { cell: "px-3 py-1", table: "text-xs" },
  tight: { cell: "py-1 pr-3", table: "text-xs" },
} as const;

/**
 * A table of rows the page already holds, without sorting or paging (those are DataTable's): the cluster's topics,
 * an import plan, an audit event's changes. It scrolls inside its own container, so a narrow screen scrolls the
 * table, never the page.
 */
export function StaticTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowClassName,
  rowProps,
  density = "normal",
  className,
  bodyClassName,
  headClassName = "bg-slate-50 text-left text-slate-600",
}: {
  label: string;
  columns: StaticColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  rowClassName?: (row: T) => string | undefined;
  /** Extra attributes per row, e.g. a data-* attribute tests find the row by. */
  rowProps?: (row: T) => Record<`data-${string}`, string>;
  density?: keyof typeof densities;
  className?: string;
  bodyClassName?: string;
  headClassName?: string;
}) {
  const d = densities[density];
  return (
    <div className={cn("relative max-w-full overflow-x-auto", className)}>
      <table className={cn("min-w-full divide-y divide-slate-200", d.table)} aria-label={label}>
        <thead className={headClassName}>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's life
              <th key={i} scope="col" className={cn(d.cell, "font-medium", c.className)}>
                {c.srOnlyHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-slate-100", bodyClassName)}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={cn("align-top", rowClassName?.(row))} {...rowProps?.(row)}>
              {columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's life
                <td key={i} className={cn(d.cell, c.className)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
