"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Cpu } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import { formatDateTime } from "@/lib/ui/format";

export interface SensorRow {
  id: string;
  name: string;
  encodingType: string;
  datastreamCount: number;
  updatedAt: Date;
}

const column = createColumnHelper<SensorRow>();

export function SensorsTable({
  sensorsHref,
  page,
  sort,
  order,
  q,
  emptyAction,
}: {
  sensorsHref: string;
  page: Page<SensorRow>;
  sort: string;
  order: "asc" | "desc";
  q?: string;
  emptyAction?: ReactNode;
}) {
  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link href={`${sensorsHref}/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("encodingType", { header: "Encoding", cell: (c) => c.getValue() || "—" }),
    column.accessor("datastreamCount", { header: "Datastreams" }),
    column.accessor("updatedAt", { header: "Updated", cell: (c) => formatDateTime(c.getValue()) }),
  ];
  return (
    <DataTable
      label="Sensors"
      columns={columns}
      page={page}
      sortable={["name", "updatedAt"]}
      sort={sort}
      order={order}
      q={q}
      getRowId={(s) => s.id}
      searchPlaceholder="Filter by name or description"
      empty={
        <EmptyState icon={<Cpu className="size-10" aria-hidden />} title="No sensors yet" action={emptyAction}>
          A sensor is the device that measures: a PT100 temperature sensor, a GPS module. Datastreams refer to it, so
          whoever reads their data knows where it came from and can find its data sheet.
        </EmptyState>
      }
    />
  );
}
