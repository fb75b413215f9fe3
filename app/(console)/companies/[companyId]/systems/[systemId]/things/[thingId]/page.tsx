import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatastreamFilters } from "@/components/datastreams/datastream-filters";
import { DatastreamFormDialog } from "@/components/datastreams/datastream-form-dialog";
import { datastreamRows } from "@/components/datastreams/datastream-rows";
import { DatastreamsTable } from "@/components/datastreams/datastreams-table";
import { DetailHeader } from "@/components/metadata/detail-header";
import { Facts } from "@/components/metadata/facts";
import { DeleteThing } from "@/components/things/delete-thing";
import { ThingFormDialog } from "@/components/things/thing-form-dialog";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { DottedName } from "@/components/ui/dotted-name";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadDatastreamOptions } from "@/lib/pages/load-datastream-options";
import { loadPage } from "@/lib/pages/load-page";
import { thingDeletionImpact } from "@/lib/things/delete-thing";
import { getThing } from "@/lib/things/get-thing";
import { formatDateTime } from "@/lib/ui/format";
import { jsonText } from "@/lib/ui/json-text";
import { createDatastreamAction } from "../../datastreams/actions";
import { deleteThingAction, updateThingAction } from "../actions";

export const metadata: Metadata = { title: "Thing" };

export default async function ThingPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string; thingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId, thingId } = await params;
  const actor = await requireActor();
  const query = { ...listQueryFromSearchParams(datastreamListQuerySchema, await searchParams), thingId };
  const loaded = await loadPage(async () => {
    const company = await getCompany({ actor, companyId });
    const thing = await getThing({ actor, thingId });
    if (thing.systemId !== systemId) notFound();
    const canWrite = isRoleName(company.role) && roleAllows(company.role, "metadata.write");
    return {
      thing,
      canWrite,
      datastreams: await listDatastreams({ actor, systemId, query }),
      options: canWrite ? await loadDatastreamOptions(actor, systemId) : null,
      impact: canWrite ? await thingDeletionImpact({ actor, thingId }) : null,
    };
  });
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { thing, canWrite, datastreams, options, impact } = loaded.data;
  const base = `/companies/${companyId}/systems/${systemId}`;
  const newDatastream = options && (
    <DatastreamFormDialog
      systemName={thing.system.name}
      options={options}
      thingId={thing.id}
      datastreamsHref={`${base}/datastreams`}
      action={createDatastreamAction.bind(null, companyId, systemId)}
    />
  );
  return (
    <div className="space-y-6">
      <DetailHeader
        back={{ href: `${base}/things`, label: "Things" }}
        title={thing.name}
        actions={
          canWrite && (
            <>
              <ThingFormDialog
                systemName={thing.system.name}
                thingsHref={`${base}/things`}
                thing={{ name: thing.name, description: thing.description, properties: thing.properties }}
                action={updateThingAction.bind(null, companyId, systemId, thingId)}
              />
              {impact && (
                <DeleteThing
                  thingName={thing.name}
                  impact={impact}
                  afterHref={`${base}/things`}
                  remove={deleteThingAction.bind(null, companyId, systemId, thingId)}
                />
              )}
            </>
          )
        }
      />
      <Card>
        <CardHeader title="Thing" />
        <CardBody className="space-y-4">
          <Facts
            label="Thing facts"
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
              {
                label: "Description",
                value: thing.description || <span className="text-slate-500 italic">No description</span>,
                wide: true,
              },
              { label: "Datastreams", value: String(thing._count.datastreams) },
              { label: "Created", value: formatDateTime(thing.createdAt) },
              { label: "Updated", value: formatDateTime(thing.updatedAt) },
            ]}
          />
          <CodeBlock title="Properties" code={jsonText(thing.properties) || "{}"} />
        </CardBody>
      </Card>
      <div className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h3 className="text-base font-semibold text-slate-900">Datastreams of {thing.name}</h3>
            <p className="text-sm text-slate-500">What this thing measures or reports, each with a type and unit.</p>
          </div>
          {(datastreams.total > 0 || query.q || query.observationType) && newDatastream}
        </div>
        <DatastreamsTable
          datastreamsHref={`${base}/datastreams`}
          thingsHref={`${base}/things`}
          page={datastreamRows(datastreams)}
          sort={query.sort}
          order={query.order}
          q={query.q}
          filtered={Boolean(query.observationType)}
          toolbar={<DatastreamFilters observationType={query.observationType} />}
          emptyTitle={`${thing.name} has no datastreams yet`}
          hideThing
          emptyAction={newDatastream || undefined}
        />
      </div>
    </div>
  );
}
