import type { Metadata } from "next";
import { SectionHeader } from "@/components/metadata/section-header";
import { ThingFormDialog } from "@/components/things/thing-form-dialog";
import { ThingsTable } from "@/components/things/things-table";
import { AccessDenied } from "@/components/ui/access-denied";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { getSystem } from "@/lib/systems/get-system";
import { listThings } from "@/lib/things/list-things";
import { thingListQuerySchema } from "@/lib/things/schemas";
import { createThingAction } from "./actions";

export const metadata: Metadata = { title: "Things" };

export default async function ThingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string; systemId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId, systemId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(thingListQuerySchema, await searchParams);
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    system: await getSystem({ actor, systemId }),
    things: await listThings({ actor, systemId, query }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, system, things } = loaded.data;
  const canWrite = isRoleName(company.role) && roleAllows(company.role, "metadata.write");
  const thingsHref = `/companies/${companyId}/systems/${systemId}/things`;
  const create = canWrite && (
    <ThingFormDialog
      systemName={system.name}
      thingsHref={thingsHref}
      action={createThingAction.bind(null, companyId, systemId)}
    />
  );
  return (
    <div className="space-y-3">
      <SectionHeader
        title="Things"
        description="The system's assets. Each datastream belongs to one, and is named system.thing.datastream."
        action={(things.total > 0 || query.q) && create}
      />
      <ThingsTable
        thingsHref={thingsHref}
        page={{
          ...things,
          items: things.items.map((t) => ({
            id: t.id,
            name: t.name,
            description: t.description,
            datastreamCount: t._count.datastreams,
            updatedAt: t.updatedAt,
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
