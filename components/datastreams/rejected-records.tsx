import { CheckCircle2 } from "lucide-react";
import { Pager } from "@/components/data-table/pager";
import { DottedName } from "@/components/ui/dotted-name";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import { formatUtc } from "@/lib/ui/format-utc";

export interface RejectedRecordRow {
  id: string;
  at: Date;
  reason: string;
  reportedBy: string;
  topic: string | null;
  partition: number | null;
  offset: string | null;
  sample: string;
  /** On a system's list: the system's datastream the record named, or null when it named none of them. */
  datastream?: { name: string; fullName: string } | null;
  claimedName?: string;
}

/** A sample that is JSON, indented; anything else (a truncated record, say) as it came. */
function pretty(sample: string): string {
  try {
    return JSON.stringify(JSON.parse(sample), null, 2);
  } catch {
    return sample;
  }
}

/**
 * Records readers could not use: how many ever, and the newest samples kept, each with its raw text. `scope` says
 * whose they are (a datastream's, or a system's, which then shows what each record named).
 */
export function RejectedRecords({
  page,
  rejectedCount,
  scope = "datastream",
}: {
  page: Page<RejectedRecordRow>;
  rejectedCount: number;
  scope?: "datastream" | "system" | "client";
}) {
  if (rejectedCount === 0 && page.total === 0) {
    return (
      <EmptyState icon={<CheckCircle2 className="size-10" aria-hidden />} title="No rejected records">
        {scope === "datastream"
          ? "Every record of this datastream that a client read fitted its type."
          : scope === "system"
            ? "Every record on this system's topics that a reader took was a record of one of its datastreams, fitting its type."
            : "This client has reported no record it could not use."}{" "}
        A record that does not is counted here, with the reason and a sample, never dropped without a trace.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="rejected-count">
        <span className="font-semibold text-slate-900">{rejectedCount}</span>{" "}
        {rejectedCount === 1 ? "record" : "records"} rejected in all;{" "}
        {page.total === rejectedCount
          ? `${rejectedCount === 1 ? "it is" : "each is"} kept as a sample.`
          : `the newest ${page.total} are kept as samples.`}
      </p>
      <div className="relative overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Rejected records">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Time (UTC)
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Reason and record
              </th>
              {scope !== "datastream" && (
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  Named
                </th>
              )}
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Reported by
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Topic / partition / offset
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {page.items.map((r) => (
              <tr key={r.id} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatUtc(r.at)}</td>
                <td className="max-w-xl px-3 py-2">
                  <p className="text-slate-900">{r.reason}</p>
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-brand-700">Raw record</summary>
                    <pre className="mt-1 max-h-60 overflow-auto rounded bg-slate-900 px-2 py-1.5 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
                      {pretty(r.sample)}
                    </pre>
                  </details>
                </td>
                {scope !== "datastream" && (
                  <td className="px-3 py-2 text-xs break-words text-slate-700">
                    {r.datastream ? (
                      <DottedName name={r.datastream.fullName} />
                    ) : r.claimedName ? (
                      <span title="Not a datastream of this system">
                        <DottedName name={r.claimedName} /> <span className="text-slate-500">(not this system's)</span>
                      </span>
                    ) : (
                      <span className="text-slate-500">no datastream</span>
                    )}
                  </td>
                )}
                <td className="px-3 py-2 font-mono text-xs break-words text-slate-700">
                  <DottedName name={r.reportedBy} />
                </td>
                <td className="px-3 py-2 font-mono text-xs break-words text-slate-700">
                  {r.topic ? <DottedName name={`${r.topic} / ${r.partition ?? "?"} / ${r.offset ?? "?"}`} /> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Only the paging travels to the browser, not the samples. */}
      <Pager page={{ total: page.total, page: page.page, pageSize: page.pageSize, pageCount: page.pageCount }} />
    </div>
  );
}
