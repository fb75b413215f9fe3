import { type DiffEntry, jsonDiff } from "@/lib/audit/json-diff";
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

/** What an audit event changed, field by field, with the full JSON one click away. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const entries = jsonDiff(before, after);
  if (before == null && after == null) {
    return <p className="text-sm text-slate-500">No object data was recorded with this event.</p>;
  }
  return (
    <div className="space-y-3">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">Before and after are the same.</p>
      ) : (
        <table className="w-full table-fixed text-xs" aria-label="Changes">
          <thead>
            <tr className="text-left text-slate-500">
              <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
                Field
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Before
              </th>
              <th scope="col" className="py-1 font-medium">
                After
              </th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {entries.map((e) => (
              <tr key={e.path} className={cn("border-t border-slate-100 align-top", kindStyle[e.kind])}>
                <td className="py-1 pr-3 break-all text-slate-700">{e.path}</td>
                <td className={cn("py-1 pr-3 break-all whitespace-pre-wrap", e.kind !== "added" && "text-red-700")}>
                  {e.kind === "added" ? <span className="text-slate-400">—</span> : show(e.before)}
                </td>
                <td className={cn("py-1 break-all whitespace-pre-wrap", e.kind !== "removed" && "text-emerald-700")}>
                  {e.kind === "removed" ? <span className="text-slate-400">—</span> : show(e.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
