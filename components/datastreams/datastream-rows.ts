import type { ObservationTypeName } from "@/lib/datastreams/schemas";
import type { Page } from "@/lib/pagination";
import type { DatastreamRow } from "./datastreams-table";

/** Only the columns the datastreams table shows travel to the browser (no result schemas of a whole page). */
export function datastreamRows(
  page: Page<DatastreamRow & { observationType: ObservationTypeName; [column: string]: unknown }>,
): Page<DatastreamRow> {
  return {
    ...page,
    items: page.items.map((d) => ({
      id: d.id,
      name: d.name,
      fullName: d.fullName,
      thing: { id: d.thing.id, name: d.thing.name },
      observationType: d.observationType,
      unitName: d.unitName,
      unitSymbol: d.unitSymbol,
      schemaVersion: d.schemaVersion,
      rejectedCount: d.rejectedCount,
      health: (d.health as DatastreamRow["health"]) ?? null,
    })),
  };
}
