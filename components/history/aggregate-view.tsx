"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { LineChartView } from "@/components/live/line-chart";
import { useWidth } from "@/components/live/use-width";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import { AGGREGATION_INTERVALS } from "@/lib/history/calendar-buckets";
import { AGGREGATE_FUNCTIONS, type AggregateRow } from "@/lib/history/schemas";
import {
  type AggregateOptions,
  aggregateParams,
  fetchAggregate,
  historyPath,
  type Selection,
} from "@/lib/history-client/history-api";
import { historyKeys } from "@/lib/history-client/history-keys";
import type { StreamBuffer } from "@/lib/live-client/live-store";

const show = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : v.toLocaleString(undefined, { maximumFractionDigits: 4 });

/**
 * Aggregation per interval (1 s to 1 month; from 3 h on, calendar buckets of the chosen zone, correct across
 * daylight saving): a chart of each datastream's mean (or the first function chosen), a table of every bucket, and
 * the same as a CSV or NDJSON file.
 */
export function AggregateView({ companyId, selection }: { companyId: string; selection: Selection }) {
  const [options, setOptions] = useState<AggregateOptions>(() => ({
    interval: "1h",
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    functions: ["count", "min", "max", "mean"],
  }));
  const [zoneText, setZoneText] = useState(options.zone);
  const [ref, width] = useWidth<HTMLDivElement>();
  const result = useQuery({
    queryKey: historyKeys.aggregate(companyId, selection, options),
    queryFn: ({ signal }) => fetchAggregate(companyId, selection, options, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = result.data;
  const names = new Map((data?.datastreams ?? []).map((d) => [d.id, d]));
  const charted = (["mean", "max", "min", "sum", "first", "last", "count"] as const).find((f) =>
    options.functions.includes(f),
  );
  const series =
    data && charted
      ? data.datastreams.map((d) => {
          const records = data.rows
            .filter((r) => r.datastreamId === d.id && r[charted] !== null && r[charted] !== undefined)
            .map((r, i) => ({ p: 0, o: String(i), t: Date.parse(r.start), v: r[charted] as number }));
          const buffer: StreamBuffer = { records, state: "live", missed: 0, downsampled: false, version: 0 };
          return {
            label: `${d.name} ${charted}`,
            buffer,
            unit: charted === "count" ? undefined : d.unit.symbol || undefined,
          };
        })
      : [];
  const columns: StaticColumn<AggregateRow>[] = [
    {
      header: "Bucket",
      cell: (r) => <span className="font-mono whitespace-nowrap">{new Date(r.start).toLocaleString()}</span>,
    },
    { header: "Datastream", cell: (r) => <span className="font-mono">{names.get(r.datastreamId)?.name}</span> },
    ...options.functions.map(
      (f): StaticColumn<AggregateRow> => ({
        header: f,
        className: "text-right tabular-nums",
        cell: (r) =>
          f === "count"
            ? r.count.toLocaleString()
            : show(r[f as Exclude<keyof AggregateRow, "start">] as number | null),
      }),
    ),
  ];
  const toggle = (f: string) =>
    setOptions({
      ...options,
      functions: options.functions.includes(f)
        ? options.functions.filter((x) => x !== f)
        : AGGREGATE_FUNCTIONS.filter((x) => x === f || options.functions.includes(x)),
    });
  const file = (format: "csv" | "ndjson") =>
    historyPath(companyId, "aggregate", { ...aggregateParams(selection, options), format });

  return (
    <div className="space-y-4" ref={ref}>
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Interval">
          <NativeSelect value={options.interval} onChange={(e) => setOptions({ ...options, interval: e.target.value })}>
            {AGGREGATION_INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Time zone" hint="Calendar buckets (3h and longer) follow it">
          <Input
            value={zoneText}
            onChange={(e) => setZoneText(e.target.value)}
            onBlur={() => setOptions({ ...options, zone: zoneText.trim() || "UTC" })}
            className="w-48"
          />
        </Field>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-700">Functions</legend>
          {AGGREGATE_FUNCTIONS.map((f) => (
            <label key={f} className="inline-flex items-center gap-1">
              <input type="checkbox" checked={options.functions.includes(f)} onChange={() => toggle(f)} /> {f}
            </label>
          ))}
        </fieldset>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" asChild>
            <a href={file("csv")} download>
              <Download className="size-4" aria-hidden /> CSV
            </a>
          </Button>
          <Button variant="secondary" asChild>
            <a href={file("ndjson")} download>
              <Download className="size-4" aria-hidden /> NDJSON
            </a>
          </Button>
        </div>
      </div>
      {result.error && (
        <Alert tone="error" title="Could not aggregate">
          {(result.error as Error).message}
        </Alert>
      )}
      {!data && !result.error && <p className="py-8 text-center text-sm text-slate-500">Aggregating…</p>}
      {data && (
        <>
          <p className="text-xs text-slate-500">
            {data.rows.length.toLocaleString()} rows from{" "}
            {data.source === "raw" ? "raw records" : `${data.source} rollups`}; buckets in {data.zone}.
          </p>
          {series.length > 0 && (
            <LineChartView
              series={series}
              from={Date.parse(data.range.from)}
              to={Date.parse(data.range.to)}
              width={Math.max(50, width - 68)}
            />
          )}
          <StaticTable
            label="Aggregates"
            columns={columns}
            rows={data.rows.slice(0, 2000)}
            rowKey={(r) => `${r.start}|${r.datastreamId}`}
            density="dense"
          />
          {data.rows.length > 2000 && (
            <p className="text-xs text-slate-500">The first 2,000 rows are shown; the files hold all of them.</p>
          )}
        </>
      )}
    </div>
  );
}
