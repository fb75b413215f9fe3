import { StaticTable } from "@/components/ui/static-table";
import type { DiffEntry } from "@/lib/audit/json-diff";
import { auditChanges } from "@/lib/ui/audit-changes";
import { cn } from "@/lib/ui/cn";

function show(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

const kindStyle: Record<DiffEntry["kind"], string> = {
  added: "bg-emerald-50/60",
  removed: "bg-red-50/60",
  changed: "",
};

const none = <span className="text-slate-400">—</span>;

/** What an audit event changed, field by field, with the full JSON one click away. */
export function AuditDiff({ action, before, after }: { action: string; before: unknown; after: unknown }) {
  const entries = auditChanges(action, before, after);
  if (before == null && after == null) {
    return <p className="text-sm text-slate-500">No object data was recorded with this event.</p>;
  }
  return (
    <div className="space-y-3">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">Before and after are the same.</p>
      ) : (
        <StaticTable
          label="Changes"
          density="tight"
          headClassName="text-left text-slate-500"
          bodyClassName="font-mono"
          rows={entries}
          rowKey={(e) => e.path}
          rowClassName={(e) => cn("border-t border-slate-100", kindStyle[e.kind])}
          columns={[
            { header: "Field", className: "w-1/4 break-all text-slate-700", cell: (e) => e.path },
            {
              header: "Before",
              className: "break-all whitespace-pre-wrap",
              cell: (e) => (e.kind === "added" ? none : <span className="text-red-700">{show(e.before)}</span>),
            },
            {
              header: "After",
              className: "break-all whitespace-pre-wrap",
              cell: (e) => (e.kind === "removed" ? none : <span className="text-emerald-700">{show(e.after)}</span>),
            },
          ]}
        />
      )}
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-500 hover:text-slate-700">Full JSON</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          {(
            [
              ["Before", before],
              ["After", after],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <p className="mb-1 font-medium text-slate-600">{label}</p>
              <pre className="max-h-72 overflow-auto rounded bg-slate-900 p-3 text-slate-100">
                {value == null ? "null" : JSON.stringify(value, null, 2)}
              </pre>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
