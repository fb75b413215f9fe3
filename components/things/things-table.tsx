"use client";
import { Boxes } from "lucide-react";
import type { ReactNode } from "react";
import { descriptionColumn } from "@/components/data-table/columns";
import type { ListProps } from "@/components/data-table/data-table";
import { type EntityRow, EntityTable } from "@/components/metadata/entity-table";
import { EmptyState } from "@/components/ui/empty-state";

export interface ThingRow extends EntityRow {
  description: string;
}

export function ThingsTable({
  thingsHref,
  emptyAction,
  ...list
}: ListProps<ThingRow> & { thingsHref: string; emptyAction?: ReactNode }) {
  return (
    <EntityTable
      label="Things"
      href={thingsHref}
      column={descriptionColumn<ThingRow>("line-clamp-2 max-w-md text-slate-600")}
      empty={
        <EmptyState icon={<Boxes className="size-10" aria-hidden />} title="No things yet" action={emptyAction}>
          A thing is an asset of this system: a car, a machine, a weather station. Its datastreams are named after it
          (system.thing.datastream). Create one here, or import a file on the Import / export tab.
        </EmptyState>
      }
      {...list}
    />
  );
}
