import { Merge, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { StreamAppsTable } from "@/components/stream-apps/stream-apps-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { type ListPageProps, listQueryOf, loadCompanyPage } from "@/lib/pages/load-company-page";
import { listStreamApps } from "@/lib/stream-apps/list-stream-apps";
import { streamAppListQuerySchema } from "@/lib/stream-apps/schemas";
import { newStreamAppPath } from "@/lib/ui/console-paths";

export const metadata: Metadata = { title: "Stream apps" };

export default async function StreamAppsPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const query = await listQueryOf(streamAppListQuerySchema, searchParams);
  const { companyId, can, apps } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    apps: await listStreamApps({ actor, companyId, query }),
  }));
  const canManage = can("stream-app.manage");
  return (
    <>
      <PageHeader
        title="Stream apps"
        description="Each reads records of your systems (or systems granted to your company), keeps what its query selects, and writes it into one of your systems' .ext topic, exactly once. Workers (npm run worker) run them."
        actions={
          canManage && (
            <div className="flex gap-2">
              <Button asChild variant="secondary">
                <Link href={newStreamAppPath(companyId, "join")}>
                  <Merge className="size-4" aria-hidden /> New join
                </Link>
              </Button>
              <Button asChild>
                <Link href={newStreamAppPath(companyId)}>
                  <Plus className="size-4" aria-hidden /> New stream app
                </Link>
              </Button>
            </div>
          )
        }
      />
      <AutoRefresh seconds={5} />
      <StreamAppsTable companyId={companyId} page={apps} canManage={canManage} />
    </>
  );
}
