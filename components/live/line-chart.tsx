"use client";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { m4 } from "@/lib/history/m4";
import type { StreamBuffer } from "@/lib/live-client/live-store";
import { numericPoints } from "./values";

export const SERIES_COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];

const timeOf = (t: number) => new Date(t).toLocaleTimeString();

/**
 * Several datastreams on one time axis, the unit on the value axis. The browser keeps every record of the window;
 * the chart draws at most four points per pixel column (M4), which looks the same, since SVG charts slow down
 * past a few thousand points.
 */
export function LineChartView({
  series,
  from,
  to,
  width,
  height = 200,
}: {
  series: { label: string; buffer: StreamBuffer | undefined; path?: string; unit?: string }[];
  from: number;
  to: number;
  width: number;
  height?: number;
}) {
  const lines = useMemo(
    () =>
      series.map((s) => {
        const points = numericPoints(s.buffer?.records ?? [], s.path)
          .filter((p) => p.t >= from && p.t < to)
          .sort((a, b) => a.t - b.t);
        return {
          ...s,
          points: points.length > 4 * width ? m4(points, { from, to, width: Math.max(1, width) }) : points,
        };
      }),
    [series, from, to, width],
  );
  const units = [...new Set(series.map((s) => s.unit).filter(Boolean))].join(", ");
  const drawn = lines.reduce((n, l) => n + l.points.length, 0);
  return (
    <div style={{ height }} data-testid="line-chart" data-points={drawn}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[from, to]}
            tickFormatter={timeOf}
            scale="time"
            fontSize={11}
            allowDataOverflow
          />
          <YAxis
            dataKey="v"
            type="number"
            domain={["auto", "auto"]}
            fontSize={11}
            width={56}
            label={units ? { value: units, angle: -90, position: "insideLeft", fontSize: 11 } : undefined}
          />
          <Tooltip labelFormatter={(t) => new Date(Number(t)).toLocaleString()} />
          {lines.length > 1 && <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} />}
          {lines.map((l, i) => (
            <Line
              key={l.label}
              data={l.points}
              dataKey="v"
              name={l.label}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              dot={false}
              isAnimationActive={false}
              strokeWidth={1.5}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
