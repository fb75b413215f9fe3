"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Cpu } from "lucide-react";
import type { ReactNode } from "react";
import type { ListProps } from "@/components/data-table/data-table";
import { type EntityRow, EntityTable } from "@/components/metadata/entity-table";
import { EmptyState } from "@/components/ui/empty-state";

export interface SensorRow extends EntityRow {
  encodingType: string;
}

const encodingColumn = createColumnHelper<SensorRow>().accessor("encodingType", {
  header: "Encoding",
  cell: (c) => c.getValue() || "—",
});

export function SensorsTable({
  sensorsHref,
  emptyAction,
  ...list
}: ListProps<SensorRow> & { sensorsHref: string; emptyAction?: ReactNode }) {
  return (
    <EntityTable
      label="Sensors"
      href={sensorsHref}
      column={encodingColumn}
      empty={
        <EmptyState icon={<Cpu className="size-10" aria-hidden />} title="No sensors yet" action={emptyAction}>
          A sensor is the device that measures: a PT100 temperature sensor, a GPS module. Datastreams refer to it, so
          whoever reads their data knows where it came from and can find its data sheet.
        </EmptyState>
      }
      {...list}
    />
  );
}
