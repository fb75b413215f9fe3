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
}

/** A sample that is JSON, indented; anything else (a truncated record, say) as it came. */
function pretty(sample: string): string {
  try {
    return JSON.stringify(JSON.parse(sample), null, 2);
  } catch {
    return sample;
  }
}

/** Records clients could not use: how many ever, and the newest samples kept, each with its raw text. */
export function RejectedRecords({ page, rejectedCount }: { page: Page<RejectedRecordRow>; rejectedCount: number }) {
  if (rejectedCount === 0 && page.total === 0) {
    return (
      <EmptyState icon={<CheckCircle2 className="size-10" aria-hidden />} title="No rejected records">
        Every record of this datastream that a client read fitted its type. A record that does not is counted here, with
        the reason and a sample, never dropped without a trace.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="rejected-count">
        <span className="font-semibold text-slate-900">{rejectedCount}</span> record{rejectedCount === 1 ? "" : "s"}{" "}
        rejected in all;{" "}
        {page.total === rejectedCount
          ? `${rejectedCount === 1 ? "it is" : "each is"} kept as a sample.`
          : `the newest ${page.total} are kept as samples.`}
      </p>
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Rejected records">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Time (UTC)
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Reason and record
              </th>
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
      <Pager page={page} />
    </div>
  );
}
