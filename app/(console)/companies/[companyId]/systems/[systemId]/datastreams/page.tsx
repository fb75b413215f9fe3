import type { Metadata } from "next";
import { DatastreamFilters } from "@/components/datastreams/datastream-filters";
import { DatastreamFormDialog } from "@/components/datastreams/datastream-form-dialog";
import { datastreamRows } from "@/components/datastreams/datastream-rows";
import { DatastreamsTable } from "@/components/datastreams/datastreams-table";
import { Section } from "@/components/metadata/section";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import {
  type ListPageProps,
  listQueryOf,
  loadCompanyPage,
  pageSystem,
  type SystemIds,
} from "@/lib/pages/load-company-page";
import { loadDatastreamOptions } from "@/lib/pages/load-datastream-options";
import { createDatastreamAction } from "./actions";

export const metadata: Metadata = { title: "Datastreams" };

export default async function DatastreamsPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(datastreamListQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, companyId, systemId }) => {
    const [system, datastreams, options] = await Promise.all([
      pageSystem(companyId, systemId),
      listDatastreams({ actor, systemId, query }),
      // The filter lists the things (and the form its choices) for every role.
      loadDatastreamOptions(actor, systemId),
    ]);
    return { system, datastreams, options };
  });
  const { companyId, systemId, can, system, datastreams, options } = loaded;
  const canWrite = can("metadata.write");
  const base = `/companies/${companyId}/systems/${systemId}`;
  const create = canWrite && (
    <DatastreamFormDialog
      systemName={system.name}
      options={options}
      thingId={query.thingId}
      datastreamsHref={`${base}/datastreams`}
      action={createDatastreamAction.bind(null, companyId, systemId)}
    />
  );
  const filtered = Boolean(query.thingId || query.observationType);
  return (
    <Section
      title="Datastreams"
      description="Typed series of observations. The full name, system.thing.datastream, is each record's Kafka key."
      action={(datastreams.total > 0 || query.q || filtered) && create}
    >
      <DatastreamsTable
        datastreamsHref={`${base}/datastreams`}
        thingsHref={`${base}/things`}
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
      {canWrite && options.things.length === 0 && datastreams.total === 0 && (
        <p className="text-center text-sm text-slate-500">A datastream belongs to a thing: create a thing first.</p>
      )}
    </Section>
  );
}
