"use client";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { StreamBuffer } from "@/lib/live-client/live-store";
import { numericPoints } from "./values";

/** A track from latitude and longitude datastreams, records paired by time (within a second), newest marked. */
export function PositionView({
  latitude,
  longitude,
  from,
  height = 240,
}: {
  latitude: StreamBuffer | undefined;
  longitude: StreamBuffer | undefined;
  from: number;
  height?: number;
}) {
  // Buffers hold records in arrival order; the pairing walks both in phenomenon-time order.
  const byTime = (a: { t: number }, b: { t: number }) => a.t - b.t;
  const lats = numericPoints(latitude?.records ?? [])
    .filter((p) => p.t >= from)
    .sort(byTime);
  const lons = numericPoints(longitude?.records ?? [])
    .filter((p) => p.t >= from)
    .sort(byTime);
  const track: { x: number; y: number; t: number }[] = [];
  let j = 0;
  for (const lat of lats) {
    while (j + 1 < lons.length && Math.abs((lons[j + 1]?.t ?? 0) - lat.t) <= Math.abs((lons[j]?.t ?? 0) - lat.t)) j++;
    const lon = lons[j];
    if (lon && Math.abs(lon.t - lat.t) <= 1000) track.push({ x: lon.v, y: lat.v, t: lat.t });
  }
  const shown = track.slice(-2000);
  const newest = shown.at(-1);
  return (
    <div style={{ height }} data-testid="position-view" data-points={shown.length}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="x" type="number" name="longitude" unit="°" domain={["auto", "auto"]} fontSize={11} />
          <YAxis
            dataKey="y"
            type="number"
            name="latitude"
            unit="°"
            domain={["auto", "auto"]}
            fontSize={11}
            width={56}
          />
          <Tooltip cursor={false} />
          <Scatter data={shown} fill="#93c5fd" line={{ stroke: "#93c5fd" }} isAnimationActive={false} />
          {newest && <Scatter data={[newest]} fill="#1d4ed8" isAnimationActive={false} />}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
