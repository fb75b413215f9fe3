"use client";
import type { StreamBuffer } from "@/lib/live-client/live-store";
import { useNow } from "./use-live";
import { ageOf, showResult, valueAt } from "./values";

/** The newest value of each datastream, with its unit and how old it is. */
export function ValueTile({
  series,
}: {
  series: { label: string; buffer: StreamBuffer | undefined; path?: string; unit?: string }[];
}) {
  const now = useNow();
  return (
    <dl className="grid gap-3 sm:grid-cols-2" data-testid="value-tile">
      {series.map((s) => {
        const last = s.buffer?.records.at(-1);
        return (
          <div key={s.label}>
            <dt className="text-xs text-slate-500">{s.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="last-value">
              {last ? showResult(valueAt(last.v, s.path)) : "—"}
              {last && s.unit && <span className="ml-1 text-sm font-normal text-slate-500">{s.unit}</span>}
            </dd>
            <dd className="text-xs text-slate-500">{last ? ageOf(last.t, now) : "no record yet"}</dd>
          </div>
        );
      })}
    </dl>
  );
}
