import type { Metadata } from "next";
import { HealthOverview } from "@/components/data-health/health-overview";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { getCompanyHealth } from "@/lib/data-health/get-company-health";
import { companyHealthQuerySchema } from "@/lib/data-health/schemas";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";

export const metadata: Metadata = { title: "Health" };

export default async function HealthPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(companyHealthQuerySchema, searchParams);
  const { companyId, health } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    health: await getCompanyHealth({ actor, companyId, query }),
  }));
  return (
    <>
      <AutoRefresh />
      <PageHeader
        title="Health"
        description="How the company's data arrives: records per minute, the newest record, and the datastreams that went silent or never reported. Refreshed every 10 s."
      />
      <HealthOverview
        companyId={companyId}
        systems={health.systems}
        datastreams={health.datastreams}
        state={health.state}
        now={Date.now()}
      />
    </>
  );
}
