import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RelatedDatastreams } from "@/components/datastreams/related-datastreams";
import { DeleteDetaching } from "@/components/metadata/delete-detaching";
import { EntityDetail } from "@/components/metadata/entity-detail";
import { descriptionFact, none, timestampFacts } from "@/components/metadata/facts";
import { ObservedPropertyFormDialog } from "@/components/observed-properties/observed-property-form-dialog";
import { listDatastreams } from "@/lib/datastreams/list-datastreams";
import { datastreamListQuerySchema } from "@/lib/datastreams/schemas";
import { getObservedProperty } from "@/lib/observed-properties/get-observed-property";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { systemPath } from "@/lib/ui/console-paths";
import { deleteObservedPropertyAction, updateObservedPropertyAction } from "../actions";

export const metadata: Metadata = { title: "Observed property" };

export default async function ObservedPropertyPage({
  params,
  searchParams,
}: ListPageProps<SystemIds & { observedPropertyId: string }>) {
  const { observedPropertyId } = await params;
  const query = { ...(await listQueryOf(datastreamListQuerySchema, searchParams)), observedPropertyId };
  const loaded = await loadCompanyPage(params, async ({ actor, systemId, can }) => {
    const [property, datastreams] = await Promise.all([
      getObservedProperty({ actor, observedPropertyId }),
      listDatastreams({ actor, systemId, query }),
    ]);
    if (property.systemId !== systemId) notFound();
    return { property, canWrite: can("metadata.write"), datastreams };
  });
  const { companyId, systemId, property, canWrite, datastreams } = loaded;
  return (
    <EntityDetail
      kind="Observed property"
      back={{ href: systemPath(companyId, systemId, "observed-properties"), label: "Observed properties" }}
      name={property.name}
      actions={
        canWrite && (
          <>
            <ObservedPropertyFormDialog
              observedProperty={{
                name: property.name,
                description: property.description,
                definition: property.definition,
              }}
              propertiesHref={systemPath(companyId, systemId, "observed-properties")}
              action={updateObservedPropertyAction.bind(null, companyId, systemId, observedPropertyId)}
            />
            <DeleteDetaching
              what="observed property"
              name={property.name}
              detached={property._count.datastreams}
              afterHref={systemPath(companyId, systemId, "observed-properties")}
              remove={deleteObservedPropertyAction.bind(null, companyId, systemId, observedPropertyId)}
            />
          </>
        )
      }
      facts={[
        descriptionFact(property.description),
        {
          label: "Definition",
          value: property.definition ? (
            <span className="font-mono text-xs break-all">{property.definition}</span>
          ) : (
            none
          ),
          wide: true,
        },
        { label: "Datastreams", value: String(property._count.datastreams) },
        ...timestampFacts(property),
      ]}
    >
      <RelatedDatastreams
        companyId={companyId}
        systemId={systemId}
        title={`Datastreams measuring ${property.name}`}
        datastreams={datastreams}
        query={query}
        emptyTitle="No datastream measures this property"
      />
    </EntityDetail>
  );
}
