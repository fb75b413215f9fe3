import type { Metadata } from "next";
import { CreateSystemDialog } from "@/components/systems/create-system-dialog";
import { SystemsTable } from "@/components/systems/systems-table";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { isRoleName, roleAllows } from "@/lib/authz/permissions";
import { getCompany } from "@/lib/companies/get-company";
import { companyName } from "@/lib/names";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { listSystems } from "@/lib/systems/list-systems";
import { systemListQuerySchema } from "@/lib/systems/schemas";
import { createSystemAction } from "./actions";

export const metadata: Metadata = { title: "Systems" };

export default async function CompanySystemsPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(systemListQuerySchema, await searchParams);
  const loaded = await loadPage(async () => ({
    company: await getCompany({ actor, companyId }),
    systems: await listSystems({ actor, companyId, query }),
  }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { company, systems } = loaded.data;
  const canCreate = isRoleName(company.role) && roleAllows(company.role, "system.create");
  const create = canCreate && (
    <CreateSystemDialog
      companyId={companyId}
      companyName={companyName(company)}
      action={createSystemAction.bind(null, companyId)}
    />
  );
  return (
    <>
      <PageHeader
        title="Systems"
        description="Named domain.enterprise.workcenter.station; each owns the Kafka topics .int, .ext and .log."
        // An empty list offers the button in its empty state instead.
        actions={(systems.total > 0 || Boolean(query.q)) && create}
      />
      <SystemsTable
        companyId={companyId}
        page={systems}
        sort={query.sort}
        order={query.order}
        q={query.q}
        emptyAction={create}
      />
    </>
  );
}
