import type { Metadata } from "next";
import { ProvisioningTable } from "@/components/provisioning/provisioning-table";
import { ReconcileNowButton } from "@/components/provisioning/reconcile-now-button";
import { RefreshWhile } from "@/components/provisioning/refresh-while";
import { AccessDenied } from "@/components/ui/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listQueryFromSearchParams } from "@/lib/pages/list-query";
import { loadPage } from "@/lib/pages/load-page";
import { listProvisioningStates } from "@/lib/provisioning/list-provisioning-states";
import { provisioningListQuerySchema } from "@/lib/provisioning/schemas";
import { reconcileNowAction } from "./actions";

export const metadata: Metadata = { title: "Provisioning" };

export default async function ProvisioningPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { companyId } = await params;
  const actor = await requireActor();
  const query = listQueryFromSearchParams(provisioningListQuerySchema, await searchParams);
  const loaded = await loadPage(() => listProvisioningStates({ actor, companyId, query }));
  if (!loaded.ok) return <AccessDenied message={loaded.message} />;
  const { byStatus, waiting, ...page } = loaded.data;
  return (
    <>
      <PageHeader
        title="Provisioning"
        description="Every Kafka resource of this company (topics, client credentials and ACLs) and where it stands. The database is what should be; the reconciler makes the cluster match it, on every change and every minute."
        actions={<ReconcileNowButton action={reconcileNowAction.bind(null, companyId)} />}
      />
      <ProvisioningTable
        page={page}
        byStatus={byStatus}
        sort={query.sort}
        order={query.order}
        q={query.q}
        status={query.status}
        type={query.type}
      />
      <RefreshWhile active={waiting > 0} everyMs={3000} />
    </>
  );
}
