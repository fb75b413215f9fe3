"use client";
import type { StreamBuffer } from "@/lib/live-client/live-store";
import { showResult } from "./values";

/** The newest records of the streams as they arrive (up to `rows`), newest first. */
export function RecordsTable({
  series,
  rows = 20,
}: {
  series: { label: string; buffer: StreamBuffer | undefined; unit?: string }[];
  rows?: number;
}) {
  const records = series
    .flatMap((s) => (s.buffer?.records.slice(-rows) ?? []).map((r) => ({ ...r, label: r.n ?? s.label, unit: s.unit })))
    .sort((a, b) => b.t - a.t)
    .slice(0, rows);
  if (records.length === 0)
    return <p className="text-sm text-slate-500">No records yet: they appear here as they arrive.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-xs" aria-label="Recent records">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Time</th>
            <th className="py-1 pr-3 font-medium">Datastream</th>
            <th className="py-1 pr-3 font-medium">Result</th>
            <th className="py-1 font-medium">Partition/offset</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 font-mono">
          {records.map((r) => (
            <tr key={`${r.label}-${r.p}-${r.o}`}>
              <td className="py-1 pr-3 whitespace-nowrap">{new Date(r.t).toLocaleTimeString()}</td>
              <td className="max-w-64 truncate py-1 pr-3" title={r.label}>
                {r.label}
              </td>
              <td className="py-1 pr-3">
                {showResult(r.v)}
                {r.unit ? ` ${r.unit}` : ""}
              </td>
              <td className="py-1 text-slate-500">
                {r.p}/{r.o}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
