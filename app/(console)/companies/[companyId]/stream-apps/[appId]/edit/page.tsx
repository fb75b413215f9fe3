import type { Metadata } from "next";
import { JoinAppEditor } from "@/components/stream-apps/join-app-editor";
import { StreamAppEditor } from "@/components/stream-apps/stream-app-editor";
import { PageHeader } from "@/components/ui/page-header";
import { loadCompanyPage, requireCompanyRight } from "@/lib/pages/load-company-page";
import { getStreamApp } from "@/lib/stream-apps/get-stream-app";
import type { JoinAppFormValues } from "@/lib/stream-apps/schemas";
import { listSystems } from "@/lib/systems/list-systems";
import { companyPath, streamAppPath } from "@/lib/ui/console-paths";
import {
  checkDraftAction,
  checkJoinDraftAction,
  testDraftAction,
  testJoinDraftAction,
  updateStreamAppAction,
} from "../../actions";

export const metadata: Metadata = { title: "Edit stream app" };

export default async function EditStreamAppPage({ params }: { params: Promise<{ companyId: string; appId: string }> }) {
  await requireCompanyRight((await params).companyId, "stream-app.manage");
  const { companyId, appId, app, systems } = await loadCompanyPage(params, async ({ actor, companyId, appId }) => {
    const [app, systems] = await Promise.all([
      getStreamApp({ actor, appId }),
      listSystems({ actor, companyId, query: { pageSize: 200, sort: "name" } }),
    ]);
    return { app, systems };
  });
  const save = async (values: { description: string; targetSystemId: string; query: string }) => {
    "use server";
    return updateStreamAppAction(companyId, appId, {
      description: values.description,
      targetSystemId: values.targetSystemId,
      query: values.query,
    });
  };
  const saveJoin = async (values: JoinAppFormValues) => {
    "use server";
    return updateStreamAppAction(companyId, appId, {
      description: values.description,
      targetSystemId: values.targetSystemId,
      spec: values.spec,
    });
  };
  const systemOptions = systems.items.map((s) => ({ id: s.id, name: s.name }));
  return (
    <>
      <PageHeader
        title={`Edit ${app.name}`}
        description={`Saving makes version ${app.version + 1}; ${app.desiredState === "running" ? "the running app switches to it and continues where it was." : "deploy it to start."}`}
        crumbs={[
          { label: "Stream apps", href: companyPath(companyId, "stream-apps") },
          { label: app.name, href: streamAppPath(companyId, appId) },
          { label: "Edit" },
        ]}
      />
      {app.spec ? (
        <JoinAppEditor
          mode="edit"
          initial={{
            name: app.name,
            description: app.description,
            targetSystemId: app.targetSystemId ?? "",
            spec: app.spec,
          }}
          systems={systemOptions}
          check={checkJoinDraftAction.bind(null, companyId)}
          test={testJoinDraftAction.bind(null, companyId)}
          save={saveJoin}
        />
      ) : (
        <StreamAppEditor
          mode="edit"
          initial={{
            name: app.name,
            description: app.description,
            targetSystemId: app.targetSystemId ?? "",
            query: app.query,
          }}
          systems={systemOptions}
          check={checkDraftAction.bind(null, companyId)}
          test={testDraftAction.bind(null, companyId)}
          save={save}
        />
      )}
    </>
  );
}
