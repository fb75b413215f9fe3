import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardBoard } from "@/components/dashboards/dashboard-board";
import { getDashboard } from "@/lib/dashboards/get-dashboard";
import { findCompanyDatastreams } from "@/lib/datastreams/find-company-datastreams";
import { loadCompanyPage } from "@/lib/pages/load-company-page";
import { deleteDashboardAction, findDatastreamsAction, updateDashboardAction } from "../actions";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  params,
}: {
  params: Promise<{ companyId: string; dashboardId: string }>;
}) {
  const { companyId, dashboardId, dashboard, datastreams } = await loadCompanyPage(
    params,
    async ({ actor, companyId, dashboardId }) => {
      const dashboard = await getDashboard({ actor, dashboardId });
      const ids = [
        ...new Set(
          dashboard.panels.flatMap((p) => p.streams.flatMap((s) => ("datastreamId" in s ? [s.datastreamId] : []))),
        ),
      ];
      const datastreams = await findCompanyDatastreams({ actor, companyId, ids });
      return { dashboard, datastreams };
    },
  );
  if (dashboard.companyId !== companyId) notFound();
  return (
    <DashboardBoard
      companyId={companyId}
      dashboard={{
        id: dashboard.id,
        name: dashboard.name,
        description: dashboard.description,
        panels: dashboard.panels,
        canChange: dashboard.canChange,
      }}
      datastreams={datastreams}
      save={updateDashboardAction.bind(null, companyId, dashboardId)}
      remove={deleteDashboardAction.bind(null, companyId, dashboardId)}
      find={findDatastreamsAction.bind(null, companyId)}
    />
  );
}
