import type { Metadata } from "next";
import { TraceBrowser } from "@/components/history/trace-browser";
import { PageHeader } from "@/components/ui/page-header";
import { findCompanyDatastreams } from "@/lib/datastreams/find-company-datastreams";
import { isAppError } from "@/lib/errors";
import { describeDatastream } from "@/lib/history/history-query";
import { resolveTraceDatastreams } from "@/lib/history/resolve-trace-datastreams";
import type { HistoryDatastream } from "@/lib/history/schemas";
import { type ListPageProps, loadCompanyPage } from "@/lib/pages/load-company-page";
import { findDatastreamsAction } from "../dashboards/actions";

export const metadata: Metadata = { title: "History" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The trace browser of a company (`data.read`): records, charts, aggregates and replays of any range. */
export default async function HistoryPage({ params, searchParams }: ListPageProps<{ companyId: string }>) {
  const search = await searchParams;
  const ids = one(search.datastreams).split(",").filter(Boolean).slice(0, 50);
  const pattern = one(search.pattern);
  const { companyId, chosen, datastreams, problem } = await loadCompanyPage(params, async ({ actor, companyId }) => {
    // Picked ids that are not the company's simply drop out of the picker (the API says "not found" for them).
    const chosen = await findCompanyDatastreams({ actor, companyId, ids });
    let datastreams: HistoryDatastream[] = [];
    let problem: string | undefined;
    if (ids.length > 0 || pattern) {
      try {
        const selection = pattern && ids.length === 0 ? { pattern } : { datastreamIds: chosen.map((c) => c.id) };
        if ("pattern" in selection || selection.datastreamIds.length > 0) {
          datastreams = (await resolveTraceDatastreams({ actor, companyId, selection })).map(describeDatastream);
        }
      } catch (error) {
        if (!isAppError(error) || error.code !== "validation") throw error;
        problem = error.message;
      }
    }
    return { chosen, datastreams, problem };
  });
  return (
    <>
      <PageHeader
        title="History"
        description="What the company's datastreams recorded over any range: records in phenomenon-time order, charts, aggregates, exports and replays."
      />
      <TraceBrowser
        companyId={companyId}
        chosen={chosen}
        datastreams={datastreams}
        problem={problem}
        find={findDatastreamsAction.bind(null, companyId)}
      />
    </>
  );
}
