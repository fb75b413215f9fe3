import type { Metadata } from "next";
import { StreamAppEditor } from "@/components/stream-apps/stream-app-editor";
import { PageHeader } from "@/components/ui/page-header";
import { loadCompanyPage, requireCompanyRight } from "@/lib/pages/load-company-page";
import { listSystems } from "@/lib/systems/list-systems";
import { companyPath } from "@/lib/ui/console-paths";
import { checkDraftAction, createStreamAppAction, testDraftAction } from "../actions";

export const metadata: Metadata = { title: "New stream app" };

export default async function NewStreamAppPage({ params }: { params: Promise<{ companyId: string }> }) {
  await requireCompanyRight((await params).companyId, "stream-app.manage");
  const { companyId, systems } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    systems: await listSystems({ actor, companyId, query: { pageSize: 200, sort: "name" } }),
  }));
  const targets = systems.items.map((s) => ({ id: s.id, name: s.name }));
  return (
    <>
      <PageHeader
        title="New stream app"
        crumbs={[{ label: "Stream apps", href: companyPath(companyId, "stream-apps") }, { label: "New" }]}
      />
      <StreamAppEditor
        mode="create"
        initial={{ name: "", description: "", targetSystemId: targets[0]?.id ?? "", query: "SELECT * FROM * WHERE " }}
        systems={targets}
        check={checkDraftAction.bind(null, companyId)}
        test={testDraftAction.bind(null, companyId)}
        save={createStreamAppAction.bind(null, companyId)}
      />
    </>
  );
}
