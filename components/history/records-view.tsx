"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import type { HistoryRecordWire } from "@/lib/history/schemas";
import { fetchRecords, fetchVolume, type Selection } from "@/lib/history-client/history-api";
import { historyKeys } from "@/lib/history-client/history-keys";
import { ExportDialog } from "./export-dialog";
import { ResultCell } from "./result-cell";
import { VolumeTimelineView } from "./volume-timeline";

type Page = { cursor?: string; at?: string };

/** Microseconds of an ISO time, shown in the viewer's zone: 2026-11-25 11:00:00.123456. */
function localTime(iso: string): string {
  const micros = /\.(\d{6})Z$/.exec(iso)?.[1] ?? "000000";
  return `${format(new Date(iso), "yyyy-MM-dd HH:mm:ss")}.${micros}`;
}

/**
 * The trace as a table: the volume timeline above (click to go there, drag to narrow the range), records in
 * phenomenon-time order, paged by cursor both ways, with the count (an estimate says so), what was left out and
 * why, and the export. A read in progress can be cancelled; leaving the page cancels it on the server too.
 */
export function RecordsView({
  companyId,
  selection,
  onRange,
}: {
  companyId: string;
  selection: Selection;
  onRange: (from: string, to: string) => void;
}) {
  const [page, setPage] = useState<Page>({});
  const pageSize = 50;
  const queryClient = useQueryClient();
  const key = historyKeys.records(companyId, selection, { ...page, pageSize });
  const records = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchRecords(companyId, selection, { ...page, pageSize }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const volume = useQuery({
    queryKey: historyKeys.volume(companyId, selection, 120),
    queryFn: ({ signal }) => fetchVolume(companyId, selection, 120, signal),
    retry: false,
  });
  const data = records.data;
  const units = new Map((data?.datastreams ?? []).map((d) => [d.id, d]));
  const columns: StaticColumn<HistoryRecordWire>[] = [
    {
      header: "Phenomenon time",
      cell: (r) => <span className="font-mono whitespace-nowrap">{localTime(r.time)}</span>,
    },
    {
      header: "Datastream",
      cell: (r) => (
        <span className="font-mono" title={r.datastream}>
          {units.get(r.datastreamId)?.name ?? r.datastream}
        </span>
      ),
    },
    {
      header: "Result",
      cell: (r) => (
        <ResultCell
          result={r.result}
          unit={units.get(r.datastreamId)?.unit.symbol || undefined}
          type={units.get(r.datastreamId)?.observationType}
        />
      ),
    },
    {
      header: "Partition / offset",
      cell: (r) => (
        <span className="font-mono text-slate-500">
          {r.partition} / {r.offset}
        </span>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      {volume.data && <VolumeTimelineView volume={volume.data} onSeek={(at) => setPage({ at })} onRange={onRange} />}
      {volume.error && <p className="text-sm text-red-700">{(volume.error as Error).message}</p>}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="record-count">
          {data ? (
            data.count.exact ? (
              `${data.count.value.toLocaleString()} records`
            ) : (
              <>
                ≈ {data.count.value.toLocaleString()} records <span className="text-slate-500">(estimate)</span>
              </>
            )
          ) : (
            "Counting…"
          )}
        </p>
        <div className="flex items-center gap-2">
          {records.isFetching && (
            <>
              <span className="text-sm text-slate-500" role="status">
                Reading from Kafka…
              </span>
              <Button variant="ghost" size="sm" onClick={() => void queryClient.cancelQueries({ queryKey: key })}>
                Cancel
              </Button>
            </>
          )}
          <ExportDialog companyId={companyId} selection={selection} count={data?.count} />
        </div>
      </div>
      {data?.retention.truncated && (
        <Alert tone="warning" title="The range starts before the oldest record Kafka still keeps">
          Records before {data.retention.oldest ? new Date(data.retention.oldest).toLocaleString() : "then"} were
          deleted by the systems' retention.
        </Alert>
      )}
      {data && data.notProvisioned.length > 0 && (
        <Alert tone="info" title="Some systems have no topics yet">
          {data.notProvisioned.join(", ")}: nothing recorded (the reconciler creates them).
        </Alert>
      )}
      {data && data.skipped.late + data.skipped.rejected > 0 && (
        <p className="text-xs text-amber-800">
          Left out here: {data.skipped.late.toLocaleString()} records later than the lateness margin,{" "}
          {data.skipped.rejected.toLocaleString()} messages that are no record (see Rejected records).
        </p>
      )}
      {records.error ? (
        <Alert tone="error" title="Could not read the records">
          {(records.error as Error).message}
        </Alert>
      ) : !data ? (
        <p className="py-8 text-center text-sm text-slate-500">Reading from Kafka…</p>
      ) : data.items.length === 0 ? (
        <EmptyState title="No records">Nothing these datastreams recorded lies in this range.</EmptyState>
      ) : (
        <StaticTable
          label="Records"
          columns={columns}
          rows={data.items}
          rowKey={(r) => `${r.topic}:${r.partition}:${r.offset}`}
          density="dense"
        />
      )}
      <nav className="flex items-center justify-end gap-2" aria-label="Pages">
        <Button variant="secondary" size="sm" onClick={() => setPage({})} disabled={!page.cursor && !page.at}>
          <ChevronsLeft className="size-4" aria-hidden /> First
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={!data?.previous}
          onClick={() => data?.previous && setPage({ cursor: data.previous })}
        >
          <ChevronLeft className="size-4" aria-hidden /> Previous
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={!data?.next}
          onClick={() => data?.next && setPage({ cursor: data.next })}
        >
          Next <ChevronRight className="size-4" aria-hidden />
        </Button>
      </nav>
    </div>
  );
}
