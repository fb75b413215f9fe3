import type { Metadata } from "next";
import { entityRows } from "@/components/metadata/entity-rows";
import { Section } from "@/components/metadata/section";
import { ObservedPropertiesTable } from "@/components/observed-properties/observed-properties-table";
import { ObservedPropertyFormDialog } from "@/components/observed-properties/observed-property-form-dialog";
import { listObservedProperties } from "@/lib/observed-properties/list-observed-properties";
import { observedPropertyListQuerySchema } from "@/lib/observed-properties/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage, type SystemIds } from "@/lib/pages/load-company-page";
import { systemPath } from "@/lib/ui/console-paths";
import { createObservedPropertyAction } from "./actions";

export const metadata: Metadata = { title: "Observed properties" };

export default async function ObservedPropertiesPage({ params, searchParams }: ListPageProps<SystemIds>) {
  const query = await listQueryOf(observedPropertyListQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, systemId }) => ({
    properties: await listObservedProperties({ actor, systemId, query }),
  }));
  const { companyId, systemId, can, properties } = loaded;
  const propertiesHref = systemPath(companyId, systemId, "observed-properties");
  const create = can("metadata.write") && (
    <ObservedPropertyFormDialog
      propertiesHref={propertiesHref}
      action={createObservedPropertyAction.bind(null, companyId, systemId)}
    />
  );
  return (
    <Section
      title="Observed properties"
      description="What the datastreams measure, each with a URI that defines the quantity."
      action={(properties.total > 0 || query.q) && create}
    >
      <ObservedPropertiesTable
        propertiesHref={propertiesHref}
        page={entityRows(properties, (p) => ({ definition: p.definition }))}
        sort={query.sort}
        order={query.order}
        q={query.q}
        emptyAction={create || undefined}
      />
    </Section>
  );
}
