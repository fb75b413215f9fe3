"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/session";
import { createDashboard } from "@/lib/dashboards/create-dashboard";
import { deleteDashboard } from "@/lib/dashboards/delete-dashboard";
import type { CreateDashboardInput, UpdateDashboardInput } from "@/lib/dashboards/schemas";
import { updateDashboard } from "@/lib/dashboards/update-dashboard";
import { findCompanyDatastreams } from "@/lib/datastreams/find-company-datastreams";
import { companyPath, dashboardPath } from "@/lib/ui/console-paths";

export async function createDashboardAction(companyId: string, input: CreateDashboardInput) {
  return runAction(async () => {
    const dashboard = await createDashboard({ actor: await requireActor(), companyId, input });
    revalidatePath(companyPath(companyId, "dashboards"));
    return { id: dashboard.id, href: dashboardPath(companyId, dashboard.id) };
  });
}

export async function updateDashboardAction(companyId: string, dashboardId: string, input: UpdateDashboardInput) {
  return runAction(async () => {
    const dashboard = await updateDashboard({ actor: await requireActor(), dashboardId, input });
    revalidatePath(dashboardPath(companyId, dashboardId));
    return { name: dashboard.name };
  });
}

export async function deleteDashboardAction(companyId: string, dashboardId: string) {
  return runAction(async () => {
    const deleted = await deleteDashboard({ actor: await requireActor(), dashboardId });
    revalidatePath(companyPath(companyId, "dashboards"));
    return deleted;
  });
}

/** The datastreams a panel may show: the company's, found by name. */
export async function findDatastreamsAction(companyId: string, q: string) {
  return runAction(async () => findCompanyDatastreams({ actor: await requireActor(), companyId, q, limit: 50 }));
}
