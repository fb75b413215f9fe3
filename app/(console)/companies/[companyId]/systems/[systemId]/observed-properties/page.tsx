import type { Metadata } from "next";
import { SectionHeader } from "@/components/metadata/section-header";
import { ObservedPropertiesTable } from "@/components/observed-properties/observed-properties-table";
import { ObservedPropertyFormDialog } from "@/components/observed-properties/observed-property-form-dialog";
import { AccessDenied } from "@/components/ui/access-denied";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listObservedProperties } from "@/lib/observed-properties/list-observed-properties";
import { observedPropertyListQuerySchema } from "@/lib/observed-properties/schemas";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { createObservedPropertyAction } from "./actions";

export const metadata: Metadata = { title: "Observed properties" };

export default async function ObservedPropertiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(observedPropertyListQuerySchema, await searchParams);
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    properties: await listObservedProperties({ actor, systemId, query }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, properties } = loaded.data;
  const canWrite = isRoleName(company.role) && roleAllows(company.role, "metadata.write");
  const propertiesHref = `/companies/${companyId}/systems/${systemId}/observed-properties`;
  const create = canWrite && (
    <ObservedPropertyFormDialog
      propertiesHref={propertiesHref}
      action={createObservedPropertyAction.bind(null, companyId, systemId)}
    />
  );
  return (
    <div className="space-y-3">
      <SectionHeader
        title="Observed properties"
        description="What the datastreams measure, each with a URI that defines the quantity."
        action={(properties.total > 0 || query.q) && create}
      />
      <ObservedPropertiesTable
        propertiesHref={propertiesHref}
        page={{
          ...properties,
          items: properties.items.map((p) => ({
            id: p.id,
            name: p.name,
            definition: p.definition,
            datastreamCount: p._count.datastreams,
            updatedAt: p.updatedAt,
          })),
        }}
        sort={query.sort}
        order={query.order}
        q={query.q}
        emptyAction={create || undefined}
      />
    </div>
  );
}
