import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateDashboardDialog } from "@/components/dashboards/create-dashboard-dialog";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listDashboards } from "@/lib/dashboards/list-dashboards";
import { loadCompanyPage } from "@/lib/pages/load-company-page";
import { dashboardPath } from "@/lib/ui/console-paths";
import { formatDateTime, plural } from "@/lib/ui/format";
import { createDashboardAction } from "./actions";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId, can, dashboards } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    dashboards: await listDashboards({ actor, companyId }),
  }));
  const create = can("dashboard.create") && (
    <CreateDashboardDialog action={createDashboardAction.bind(null, companyId)} />
  );
  return (
    <>
      <PageHeader
        title="Dashboards"
        description="Live views of the company's datastreams, shared with everyone in the company."
        actions={dashboards.length > 0 && create}
      />
      {dashboards.length === 0 ? (
        <Card>
          <EmptyState
            icon={<LayoutDashboard className="size-10" aria-hidden />}
            title="No dashboards yet"
            action={create}
          >
            A dashboard shows datastreams as they arrive: charts, state timelines, last values, recent records and
            positions, each with its connection state.
          </EmptyState>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Dashboards">
          {dashboards.map((d) => (
            <li key={d.id}>
              <Link href={dashboardPath(companyId, d.id)} className="block h-full">
                <Card className="h-full p-5 transition hover:ring-brand-500">
                  <h2 className="font-semibold text-slate-900">{d.name}</h2>
                  {d.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{d.description}</p>}
                  <p className="mt-3 text-xs text-slate-500">
                    {plural(d.panelCount, "panel")} · changed {formatDateTime(d.updatedAt)}
                  </p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
