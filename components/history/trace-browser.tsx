"use client";
import { History } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult } from "@/lib/actions/run-action";
import type { DatastreamChoice } from "@/lib/datastreams/find-company-datastreams";
import type { HistoryDatastream } from "@/lib/history/schemas";
import type { Selection } from "@/lib/history-client/history-api";
import { cn } from "@/lib/ui/cn";
import { AggregateView } from "./aggregate-view";
import { HistoryChart } from "./history-chart";
import { RecordsView } from "./records-view";
import { ReplayView } from "./replay-view";
import { SelectionBar } from "./selection-bar";

const views = [
  { id: "records", label: "Records" },
  { id: "chart", label: "Chart" },
  { id: "aggregate", label: "Aggregate" },
  { id: "replay", label: "Replay" },
] as const;
type View = (typeof views)[number]["id"];

const viewOf = (params: URLSearchParams): View =>
  (views.find((v) => v.id === params.get("view"))?.id ?? "records") as View;

/** The selection as the URL keeps it (so a reload or a shared link shows the same), and back. */
function selectionOf(params: URLSearchParams): Selection {
  return {
    datastreamIds: (params.get("datastreams") ?? "").split(",").filter(Boolean),
    pattern: params.get("pattern") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    filter: params.get("filter") ?? "",
  };
}

/**
 * The trace browser: pick datastreams (search or `*` pattern) and a range, then read the records (volume timeline,
 * paged table, export), chart the range, aggregate it per interval, or replay it. What is shown lives in the URL.
 */
export function TraceBrowser({
  companyId,
  chosen,
  datastreams,
  problem,
  find,
}: {
  companyId: string;
  /** The datastreams picked by id, for the picker. */
  chosen: DatastreamChoice[];
  /** What the selection (ids or pattern) resolves to: names, types, units. */
  datastreams: HistoryDatastream[];
  /** Why the selection resolves to nothing (a pattern that selects none, say). */
  problem?: string;
  find: (q: string) => Promise<ActionResult<DatastreamChoice[]>>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = params.toString();
  // What is shown lives here and in the URL: the URL follows at once, and a change of the URL from outside (back,
  // forward, a link) comes back in; a quick second click never works from a URL not updated yet.
  const [selection, setSelection] = useState(() => selectionOf(new URLSearchParams(search)));
  const [view, setView] = useState<View>(() => viewOf(new URLSearchParams(search)));
  useEffect(() => {
    setSelection((s) => {
      const next = selectionOf(new URLSearchParams(search));
      return JSON.stringify(next) === JSON.stringify(s) ? s : next;
    });
    setView(viewOf(new URLSearchParams(search)));
  }, [search]);
  // The picker's datastreams: what the user just applied, then what the server resolved for the URL.
  const [picked, setPicked] = useState(chosen);
  const chosenIds = chosen.map((c) => c.id).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids say when the server's list changed
  useEffect(() => setPicked(chosen), [chosenIds]);
  const ready = Boolean(selection.from && selection.to && (selection.datastreamIds.length > 0 || selection.pattern));

  const go = (next: Selection, nextView: View = view) => {
    setSelection(next);
    setView(nextView);
    const search = new URLSearchParams();
    if (next.pattern) search.set("pattern", next.pattern);
    else search.set("datastreams", next.datastreamIds.join(","));
    search.set("from", next.from);
    search.set("to", next.to);
    if (next.filter) search.set("filter", next.filter);
    if (nextView !== "records") search.set("view", nextView);
    router.replace(`${pathname}?${search.toString()}`, { scroll: false });
  };

  const key = JSON.stringify(selection);

  return (
    <div className="space-y-5">
      <SelectionBar
        key={`bar-${key}`}
        initial={selection}
        chosen={picked}
        find={find}
        onApply={(s, c) => {
          setPicked(c);
          go(s);
        }}
      />
      {!ready ? (
        <EmptyState icon={<History className="size-8" aria-hidden />} title="Choose datastreams and a range">
          Records come in phenomenon-time order across partitions and datastreams; times are shown in your time zone and
          sent as UTC.
        </EmptyState>
      ) : (
        <section className="space-y-4 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200" aria-label="History">
          <div role="tablist" aria-label="View" className="flex gap-1 border-b border-slate-200">
            {views.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                aria-selected={view === v.id}
                onClick={() => go(selection, v.id)}
                className={cn(
                  "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                  view === v.id
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {v.label}
              </button>
            ))}
          </div>
          {problem && (
            <p className="text-sm text-red-700" role="alert">
              {problem}
            </p>
          )}
          {view === "records" && (
            <RecordsView
              key={key}
              companyId={companyId}
              selection={selection}
              onRange={(from, to) => go({ ...selection, from, to })}
            />
          )}
          {view === "chart" && (
            <HistoryChart key={key} companyId={companyId} selection={selection} datastreams={datastreams} />
          )}
          {view === "aggregate" && <AggregateView key={key} companyId={companyId} selection={selection} />}
          {view === "replay" && <ReplayView key={key} selection={selection} datastreams={datastreams} />}
        </section>
      )}
    </div>
  );
}
