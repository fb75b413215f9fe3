import type { ReactNode } from "react";
import { Section } from "@/components/metadata/section";
import { systemPath } from "@/lib/ui/console-paths";
import { DatastreamFilters } from "./datastream-filters";
import { datastreamRows } from "./datastream-rows";
import { DatastreamsTable } from "./datastreams-table";

/**
 * On a thing's, sensor's or observed property's page: the datastreams that belong to it or use it, filterable
 * by type (the list is already that one entity's).
 */
export function RelatedDatastreams({
  companyId,
  systemId,
  title,
  description,
  action,
  datastreams,
  query,
  emptyTitle,
  emptyAction,
  hideThing,
}: {
  companyId: string;
  systemId: string;
  title: string;
  description?: string;
  action?: ReactNode;
  datastreams: Parameters<typeof datastreamRows>[0];
  query: { sort: string; order: "asc" | "desc"; q?: string; observationType?: string };
  emptyTitle: string;
  emptyAction?: ReactNode;
  hideThing?: boolean;
}) {
  return (
    <Section level={3} title={title} description={description} action={action}>
      <DatastreamsTable
        datastreamsHref={systemPath(companyId, systemId, "datastreams")}
        thingsHref={systemPath(companyId, systemId, "things")}
        page={datastreamRows(datastreams)}
        sort={query.sort}
        order={query.order}
        q={query.q}
        filtered={Boolean(query.observationType)}
        toolbar={<DatastreamFilters observationType={query.observationType} />}
        emptyTitle={emptyTitle}
        hideThing={hideThing}
        emptyAction={emptyAction}
      />
    </Section>
  );
}
