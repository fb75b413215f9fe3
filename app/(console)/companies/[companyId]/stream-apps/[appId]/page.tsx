import type { Metadata } from "next";
import { type StreamAppData, StreamAppView } from "@/components/stream-apps/stream-app-view";
import { PageHeader } from "@/components/ui/page-header";
import { streamAppSchema } from "@/lib/api/endpoints/stream-apps";
import { loadCompanyPage } from "@/lib/pages/load-company-page";
import { getStreamApp } from "@/lib/stream-apps/get-stream-app";
import { companyPath } from "@/lib/ui/console-paths";
import { deleteStreamAppAction, deployStreamAppAction, stopStreamAppAction } from "../actions";

export const metadata: Metadata = { title: "Stream app" };

export default async function StreamAppPage({ params }: { params: Promise<{ companyId: string; appId: string }> }) {
  const { companyId, appId, app } = await loadCompanyPage(params, async ({ actor, appId }) => ({
    app: await getStreamApp({ actor, appId }),
  }));
  // Shaped as the API answers it, which the page then polls for live state and metrics.
  const initial: StreamAppData = streamAppSchema.parse(JSON.parse(JSON.stringify(app)));
  return (
    <>
      <PageHeader
        title={app.name}
        description={app.description || undefined}
        crumbs={[{ label: "Stream apps", href: companyPath(companyId, "stream-apps") }, { label: app.name }]}
      />
      <StreamAppView
        companyId={companyId}
        initial={initial}
        actions={{
          deploy: deployStreamAppAction.bind(null, companyId, appId),
          stop: stopStreamAppAction.bind(null, companyId, appId),
          remove: deleteStreamAppAction.bind(null, companyId, appId),
        }}
      />
    </>
  );
}
