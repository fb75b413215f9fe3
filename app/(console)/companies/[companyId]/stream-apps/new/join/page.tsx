import type { Metadata } from "next";
import { JoinAppEditor } from "@/components/stream-apps/join-app-editor";
import { PageHeader } from "@/components/ui/page-header";
import { loadCompanyPage, requireCompanyRight } from "@/lib/pages/load-company-page";
import { listSystems } from "@/lib/systems/list-systems";
import { companyPath } from "@/lib/ui/console-paths";
import { checkJoinDraftAction, createJoinAppAction, testJoinDraftAction } from "../../actions";

export const metadata: Metadata = { title: "New join app" };

export default async function NewJoinAppPage({ params }: { params: Promise<{ companyId: string }> }) {
  await requireCompanyRight((await params).companyId, "stream-app.manage");
  const { companyId, systems } = await loadCompanyPage(params, async ({ actor, companyId }) => ({
    systems: await listSystems({ actor, companyId, query: { pageSize: 200, sort: "name" } }),
  }));
  const targets = systems.items.map((s) => ({ id: s.id, name: s.name }));
  return (
    <>
      <PageHeader
        title="New join app"
        description="Pairs the records of two or more streams by phenomenon time, within a tolerance, and writes a declared value of each pair into a datastream of the target system (docs/time-series-join.md)."
        crumbs={[{ label: "Stream apps", href: companyPath(companyId, "stream-apps") }, { label: "New join" }]}
      />
      <JoinAppEditor
        mode="create"
        initial={{
          name: "",
          description: "",
          targetSystemId: targets[0]?.id ?? "",
          spec: {
            inputs: [
              { name: "left", query: "SELECT * FROM * WHERE " },
              { name: "right", query: "SELECT * FROM * WHERE " },
            ],
            toleranceMs: 1000,
            mode: "neighbours",
            allowedLatenessMs: 0,
            idleTimeoutMs: 30_000,
            output: {
              value: "right.result - left.result",
              where: "",
              thing: "Joins",
              datastream: "",
              observationType: "Measurement",
              unit: { name: "", symbol: "", definition: "" },
            },
          },
        }}
        systems={targets}
        check={checkJoinDraftAction.bind(null, companyId)}
        test={testJoinDraftAction.bind(null, companyId)}
        save={createJoinAppAction.bind(null, companyId)}
      />
    </>
  );
}
