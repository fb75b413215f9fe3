import type { Metadata } from "next";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { CreateSystemDialog } from "@/components/systems/create-system-dialog";
import { SystemsTable } from "@/components/systems/systems-table";
import { PageHeader } from "@/components/ui/page-header";
import { companyName } from "@/lib/names";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { listSystems } from "@/lib/systems/list-systems";
import { systemListQuerySchema } from "@/lib/systems/schemas";
import { createSystemAction } from "./actions";

export const metadata: Metadata = { title: "Systems" };

export default async function CompanySystemsPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(systemListQuerySchema, searchParams);
  const loaded = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    systems: await listSystems({ actor, companyId, query }),
  }));
  const { companyId, company, can, systems } = loaded;
  const canCreate = can("system.create");
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
      <AutoRefresh />
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
