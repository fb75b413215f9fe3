import type { Metadata } from "next";
import { SystemsTable } from "@/components/systems/systems-table";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { listSystems } from "@/lib/systems/list-systems";
import { systemListQuerySchema } from "@/lib/systems/schemas";

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
  const loaded = await loadPage(() => listSystems({ actor, companyId, query }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  return (
    <>
      <PageHeader
        title="Systems"
        description="Named domain.enterprise.workcenter.station; each owns the Kafka topics .int, .ext and .log."
      />
      <SystemsTable companyId={companyId} page={loaded.data} sort={query.sort} order={query.order} q={query.q} />
    </>
  );
}
