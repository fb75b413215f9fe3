"use client";
import type { StreamBuffer } from "@/lib/live-client/live-store";
import { SERIES_COLORS } from "./line-chart";
import { showResult, valueAt } from "./values";

/** Truth and Category datastreams over time: one band each, a segment per value until the next record. */
export function StateTimeline({
  series,
  from,
  to,
}: {
  series: { label: string; buffer: StreamBuffer | undefined; path?: string }[];
  from: number;
  to: number;
}) {
  const span = to - from;
  return (
    <div className="space-y-2" data-testid="state-timeline">
      {series.map((s) => {
        const records = (s.buffer?.records ?? []).filter((r) => r.t < to).sort((a, b) => a.t - b.t);
        const values = [...new Set(records.map((r) => showResult(valueAt(r.v, s.path))))];
        const colorOf = (v: string) => SERIES_COLORS[values.indexOf(v) % SERIES_COLORS.length];
        const segments = records.map((r, i) => {
          const start = Math.max(r.t, from);
          const end = Math.min(records[i + 1]?.t ?? to, to);
          return { start, end, value: showResult(valueAt(r.v, s.path)) };
        });
        return (
          <div key={s.label}>
            <p className="mb-0.5 text-xs text-slate-600">{s.label}</p>
            <svg
              viewBox="0 0 1000 20"
              preserveAspectRatio="none"
              className="h-5 w-full rounded bg-slate-100"
              role="img"
              aria-label={`${s.label} over time`}
            >
              {segments
                .filter((g) => g.end > g.start)
                .map((g) => (
                  <rect
                    key={`${g.start}-${g.value}`}
                    x={((g.start - from) / span) * 1000}
                    width={Math.max(0.5, ((g.end - g.start) / span) * 1000)}
                    y={0}
                    height={20}
                    fill={colorOf(g.value)}
                  >
                    <title>{`${g.value} from ${new Date(g.start).toLocaleTimeString()}`}</title>
                  </rect>
                ))}
            </svg>
            <p className="mt-0.5 flex flex-wrap gap-2 text-xs text-slate-500">
              {values.map((v) => (
                <span key={v} className="inline-flex items-center gap-1">
                  <span className="size-2 rounded-sm" style={{ background: colorOf(v) }} aria-hidden />
                  {v}
                </span>
              ))}
            </p>
          </div>
        );
      })}
    </div>
  );
}
