import { Badge } from "@/components/ui/badge";
import type { ObservationTypeName } from "@/lib/datastreams/schemas";
import { formatUtc } from "@/lib/ui/format-utc";
import { jsonText } from "@/lib/ui/json-text";

export interface SchemaVersionRow {
  version: number;
  observationType: ObservationTypeName;
  unitName: string;
  unitSymbol: string;
  unitDefinition: string;
  resultSchema: unknown;
  createdAt: Date;
}

/** Every schema version of a datastream, newest first, the current one marked; earlier ones stay readable. */
export function SchemaVersions({ versions, current }: { versions: SchemaVersionRow[]; current: number }) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="divide-y divide-slate-100" aria-label="Schema versions">
      {newestFirst.map((v) => (
        <li key={v.version} className="py-3 first:pt-0 last:pb-0" aria-current={v.version === current || undefined}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-slate-900">v{v.version}</span>
            {v.version === current && <Badge tone="green">current</Badge>}
            <span className="text-xs text-slate-500">since {formatUtc(v.createdAt)} UTC</span>
          </div>
          <dl className="mt-1 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-xs text-slate-500">Type</dt>
              <dd className="text-slate-900">{v.observationType}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-xs text-slate-500">Unit</dt>
              <dd className="text-slate-900">
                {v.unitName || v.unitSymbol ? (
                  <>
                    {v.unitName || "—"} <span className="font-mono text-xs">({v.unitSymbol || "no symbol"})</span>
                  </>
                ) : (
                  <span className="text-slate-500">none</span>
                )}
                {v.unitDefinition && <span className="block text-xs break-all text-slate-500">{v.unitDefinition}</span>}
              </dd>
            </div>
          </dl>
          {v.resultSchema !== null && v.resultSchema !== undefined && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">Result schema</summary>
              <pre className="mt-1 max-h-72 overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
                {jsonText(v.resultSchema)}
              </pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
