import type { Metadata } from "next";
import { ProvisioningTable } from "@/components/provisioning/provisioning-table";
import { ReconcileNowButton } from "@/components/provisioning/reconcile-now-button";
import { RefreshWhile } from "@/components/provisioning/refresh-while";
import { PageHeader } from "@/components/ui/page-header";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { listProvisioningStates } from "@/lib/provisioning/list-provisioning-states";
import { provisioningListQuerySchema } from "@/lib/provisioning/schemas";
import { reconcileNowAction } from "./actions";

export const metadata: Metadata = { title: "Provisioning" };

export default async function ProvisioningPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(provisioningListQuerySchema, searchParams);
  const { companyId, can, states } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    states: await listProvisioningStates({ actor, companyId, query }),
  }));
  const { byStatus, waiting, ...page } = states;
  return (
    <>
      <PageHeader
        title="Provisioning"
        description="Every Kafka resource of this company (topics, client credentials and ACLs) and where it stands. The database is what should be; the reconciler makes the cluster match it, on every change and every minute."
        // Auditors see where everything stands; only a role that manages the cluster may ask for a pass.
        actions={can("cluster.manage") && <ReconcileNowButton action={reconcileNowAction.bind(null, companyId)} />}
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
