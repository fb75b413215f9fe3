import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatastreamFormDialog } from "@/components/datastreams/datastream-form-dialog";
import { RelatedDatastreams } from "@/components/datastreams/related-datastreams";
import { EntityDetail } from "@/components/metadata/entity-detail";
import { descriptionFact, timestampFacts } from "@/components/metadata/facts";
import { DeleteThing } from "@/components/things/delete-thing";
import { ThingFormDialog } from "@/components/things/thing-form-dialog";
import { CodeBlock } from "@/components/ui/code-block";
import { DottedName } from "@/components/ui/dotted-name";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { loadDatastreamOptions } from "@/lib/pages/load-datastream-options";
import { thingDeletionImpact } from "@/lib/things/delete-thing";
import { getThing } from "@/lib/things/get-thing";
import { systemPath } from "@/lib/ui/console-paths";
import { jsonText } from "@/lib/ui/json-text";
import { createDatastreamAction } from "../../datastreams/actions";
import { deleteThingAction, updateThingAction } from "../actions";

export const metadata: Metadata = { title: "Thing" };

export default async function ThingPage({ params, searchParams }: ListPageProps<SystemIds & { thingId: string }>) {
  const { thingId } = await params;
  const query = { ...(await listQueryOf(datastreamListQuerySchema, searchParams)), thingId };
  const loaded = await loadCompanyPage(params, async ({ actor, systemId, can }) => {
    const canWrite = can("metadata.write");
    const [thing, datastreams, options, impact] = await Promise.all([
      getThing({ actor, thingId }),
      listDatastreams({ actor, systemId, query }),
      canWrite ? loadDatastreamOptions(actor, systemId) : null,
      canWrite ? thingDeletionImpact({ actor, thingId }) : null,
    ]);
    if (thing.systemId !== systemId) notFound();
    return { thing, canWrite, datastreams, options, impact };
  });
  const { companyId, systemId, thing, canWrite, datastreams, options, impact } = loaded;
  const newDatastream = options && (
    <DatastreamFormDialog
      systemName={thing.system.name}
      options={options}
      thingId={thing.id}
      datastreamsHref={systemPath(companyId, systemId, "datastreams")}
      action={createDatastreamAction.bind(null, companyId, systemId)}
    />
  );
  return (
    <EntityDetail
      kind="Thing"
      back={{ href: systemPath(companyId, systemId, "things"), label: "Things" }}
      name={thing.name}
      actions={
        canWrite && (
          <>
            <ThingFormDialog
              systemName={thing.system.name}
              thingsHref={systemPath(companyId, systemId, "things")}
              thing={{ name: thing.name, description: thing.description, properties: thing.properties }}
              action={updateThingAction.bind(null, companyId, systemId, thingId)}
            />
            {impact && (
              <DeleteThing
                thingName={thing.name}
                impact={impact}
                afterHref={systemPath(companyId, systemId, "things")}
                remove={deleteThingAction.bind(null, companyId, systemId, thingId)}
              />
            )}
          </>
        )
      }
      facts={[
        {
          label: "Its datastreams' names",
          value: (
            <span className="font-mono text-xs break-words">
              <DottedName name={`${thing.system.name}.${thing.name}.…`} />
            </span>
          ),
          wide: true,
        },
        descriptionFact(thing.description),
        { label: "Datastreams", value: String(thing._count.datastreams) },
        ...timestampFacts(thing),
      ]}
      details={<CodeBlock title="Properties" code={jsonText(thing.properties) || "{}"} />}
    >
      <RelatedDatastreams
        companyId={companyId}
        systemId={systemId}
        title={`Datastreams of ${thing.name}`}
        description="What this thing measures or reports, each with a type and unit."
        action={(datastreams.total > 0 || query.q || query.observationType) && newDatastream}
        datastreams={datastreams}
        query={query}
        emptyTitle={`${thing.name} has no datastreams yet`}
        hideThing
        emptyAction={newDatastream || undefined}
      />
    </EntityDetail>
  );
}
