import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatastreamFilters } from "@/components/datastreams/datastream-filters";
import { datastreamRows } from "@/components/datastreams/datastream-rows";
import { DatastreamsTable } from "@/components/datastreams/datastreams-table";
import { DeleteDetaching } from "@/components/metadata/delete-detaching";
import { DetailHeader } from "@/components/metadata/detail-header";
import { Facts } from "@/components/metadata/facts";
import { ObservedPropertyFormDialog } from "@/components/observed-properties/observed-property-form-dialog";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { getObservedProperty } from "@/lib/observed-properties/get-observed-property";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { formatDateTime } from "@/lib/ui/format";
import { deleteObservedPropertyAction, updateObservedPropertyAction } from "../actions";

export const metadata: Metadata = { title: "Observed property" };

export default async function ObservedPropertyPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string; observedPropertyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId, observedPropertyId } = await params;
  const actor = await requireActor();
  const query = { ...listQueryFromSearchParams(datastreamListQuerySchema, await searchParams), observedPropertyId };
  const loaded = await loadPage(async () => {
    const company = await getCompany({ actor, companyId });
    const property = await getObservedProperty({ actor, observedPropertyId });
    if (property.systemId !== systemId) notFound();
    return {
      property,
      canWrite: isRoleName(company.role) && roleAllows(company.role, "metadata.write"),
      datastreams: await listDatastreams({ actor, systemId, query }),
    };
  });
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { property, canWrite, datastreams } = loaded.data;
  const base = `/companies/${companyId}/systems/${systemId}`;
  return (
    <div className="space-y-6">
      <DetailHeader
        back={{ href: `${base}/observed-properties`, label: "Observed properties" }}
        title={property.name}
        actions={
          canWrite && (
            <>
              <ObservedPropertyFormDialog
                observedProperty={{
                  name: property.name,
                  description: property.description,
                  definition: property.definition,
                }}
                propertiesHref={`${base}/observed-properties`}
                action={updateObservedPropertyAction.bind(null, companyId, systemId, observedPropertyId)}
              />
              <DeleteDetaching
                what="observed property"
                name={property.name}
                detached={property._count.datastreams}
                afterHref={`${base}/observed-properties`}
                remove={deleteObservedPropertyAction.bind(null, companyId, systemId, observedPropertyId)}
              />
            </>
          )
        }
      />
      <Card>
        <CardHeader title="Observed property" />
        <CardBody>
          <Facts
            label="Observed property facts"
            facts={[
              {
                label: "Description",
                value: property.description || <span className="text-slate-500 italic">No description</span>,
                wide: true,
              },
              {
                label: "Definition",
                value: property.definition ? (
                  <span className="font-mono text-xs break-all">{property.definition}</span>
                ) : (
                  <span className="text-slate-500">none</span>
                ),
                wide: true,
              },
              { label: "Datastreams", value: String(property._count.datastreams) },
              { label: "Created", value: formatDateTime(property.createdAt) },
              { label: "Updated", value: formatDateTime(property.updatedAt) },
            ]}
          />
        </CardBody>
      </Card>
      <div className="space-y-3">
        <h3 className="text-base font-semibold text-slate-900">Datastreams measuring {property.name}</h3>
        <DatastreamsTable
          datastreamsHref={`${base}/datastreams`}
          thingsHref={`${base}/things`}
          page={datastreamRows(datastreams)}
          sort={query.sort}
          order={query.order}
          q={query.q}
          filtered={Boolean(query.observationType)}
          toolbar={<DatastreamFilters observationType={query.observationType} />}
          emptyTitle="No datastream measures this property"
        />
      </div>
    </div>
  );
}
