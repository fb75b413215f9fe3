import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DatastreamFilters } from "@/components/datastreams/datastream-filters";
import { DatastreamFormDialog } from "@/components/datastreams/datastream-form-dialog";
import { datastreamRows } from "@/components/datastreams/datastream-rows";
import { DatastreamsTable } from "@/components/datastreams/datastreams-table";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { Section } from "@/components/metadata/section";
import { Button } from "@/components/ui/button";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { type ListPageProps, listQueryOf, loadSystemPage, type SystemIds } from "@/lib/pages/load-company-page";
import { loadDatastreamOptions } from "@/lib/pages/load-datastream-options";
import { systemPath } from "@/lib/ui/console-paths";
import { createDatastreamAction } from "./actions";

export const metadata: Metadata = { title: "Datastreams" };

export default async function DatastreamsPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(datastreamListQuerySchema, searchParams);
  const loaded = await loadSystemPage(params, async ({ actor, systemId }) => {
    const [datastreams, options] = await Promise.all([
      listDatastreams({ actor, systemId, query }),
      // The filter lists the things (and the form its choices) for every role.
      loadDatastreamOptions(actor, systemId),
    ]);
    return { datastreams, options };
  });
  const { companyId, systemId, can, system, datastreams, options } = loaded;
  const canWrite = can("metadata.write");
  const datastreamsHref = systemPath(companyId, systemId, "datastreams");
  const thingsHref = systemPath(companyId, systemId, "things");
  // A datastream belongs to a thing: without one the form would offer nothing to choose.
  const noThings = options.things.length === 0;
  const create =
    canWrite &&
    (noThings ? (
      <div className="flex flex-col items-center gap-2">
        <p className="text-sm text-slate-500">A datastream belongs to a thing: create a thing first.</p>
        <Button asChild>
          <Link href={thingsHref}>
            <Plus className="size-4" aria-hidden /> Create a thing
          </Link>
        </Button>
      </div>
    ) : (
      <DatastreamFormDialog
        systemName={system.name}
        options={options}
        thingId={query.thingId}
        datastreamsHref={datastreamsHref}
        action={createDatastreamAction.bind(null, companyId, systemId)}
      />
    ));
  const filtered = Boolean(query.thingId || query.observationType);
  return (
    <Section
      title="Datastreams"
      description="Typed series of observations. The full name, system.thing.datastream, is each record's Kafka key."
      action={(datastreams.total > 0 || query.q || filtered) && !noThings && create}
    >
      <AutoRefresh />
      <DatastreamsTable
        datastreamsHref={datastreamsHref}
        thingsHref={thingsHref}
        page={datastreamRows(datastreams)}
        sort={query.sort}
        order={query.order}
        q={query.q}
        filtered={filtered}
        toolbar={
          <DatastreamFilters things={options.things} thingId={query.thingId} observationType={query.observationType} />
        }
        emptyAction={create || undefined}
      />
    </Section>
  );
}
