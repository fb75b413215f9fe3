import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { rowPath } from "@/lib/ui/console-paths";

// Columns that several lists share. Each keeps its accessor's name as its id, which is what the server sorts by.

/** The row's name, linking to its page rowPath(href, id). */
export function nameLinkColumn<T extends { id: string; name: string }>(
  href: string,
  { header = "Name", mono = false }: { header?: string; mono?: boolean } = {},
) {
  return createColumnHelper<T>().accessor((row) => row.name, {
    id: "name",
    header,
    cell: (c) => (
      <Link
        href={rowPath(href, c.row.original.id)}
        className={
          mono
            ? "font-mono text-sm font-medium text-brand-700 hover:underline"
            : "font-medium text-brand-700 hover:underline"
        }
      >
        {c.getValue()}
      </Link>
    ),
  });
}

/** A free-text description, clipped (`className` says to how many lines and how wide). */
export function descriptionColumn<T extends { description: string }>(className: string) {
  return createColumnHelper<T>().accessor((row) => row.description, {
    id: "description",
    header: "Description",
    cell: (c) => <span className={className}>{c.getValue()}</span>,
  });
}

export const rowId = (row: { id: string }) => row.id;
