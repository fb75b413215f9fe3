"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Ruler } from "lucide-react";
import type { ReactNode } from "react";
import type { ListProps } from "@/components/data-table/data-table";
import { type EntityRow, EntityTable } from "@/components/metadata/entity-table";
import { EmptyState } from "@/components/ui/empty-state";

export interface ObservedPropertyRow extends EntityRow {
  definition: string;
}

const definitionColumn = createColumnHelper<ObservedPropertyRow>().accessor("definition", {
  header: "Definition",
  cell: (c) => <span className="font-mono text-xs break-all text-slate-600">{c.getValue() || "—"}</span>,
});

export function ObservedPropertiesTable({
  propertiesHref,
  emptyAction,
  ...list
}: ListProps<ObservedPropertyRow> & { propertiesHref: string; emptyAction?: ReactNode }) {
  return (
    <EntityTable
      label="Observed properties"
      href={propertiesHref}
      column={definitionColumn}
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
      {...list}
    />
  );
}
