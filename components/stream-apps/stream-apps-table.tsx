"use client";
import { Workflow } from "lucide-react";
import Link from "next/link";
import { Pager } from "@/components/data-table/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import type { Page } from "@/lib/pagination";
import type { AppState } from "@/lib/stream-apps/schemas";
import { streamAppPath, systemPath } from "@/lib/ui/console-paths";
import { formatDateTime } from "@/lib/ui/format";
import { AppStateBadge } from "./app-state-badge";

export interface StreamAppRow {
  id: string;
  name: string;
  description: string;
  version: number;
  targetSystemId: string | null;
  targetSystemName: string;
  sources: string[];
  status: { state: AppState; reason: string };
  recordsIn: number;
  recordsOut: number;
  lag: number | null;
  lastRecordAt: Date | null;
}

const count = (n: number) => n.toLocaleString("en");

/** The company's stream apps: each one's state (and why), target, sources and what flowed. */
export function StreamAppsTable({
  companyId,
  page,
  canManage,
}: {
  companyId: string;
  page: Page<StreamAppRow>;
  canManage: boolean;
}) {
  const columns: StaticColumn<StreamAppRow>[] = [
    {
      header: "App",
      cell: (a) => (
        <div>
          <Link className="font-medium text-brand-700 hover:underline" href={streamAppPath(companyId, a.id)}>
            {a.name}
          </Link>
          <span className="ml-2 text-xs text-slate-500">v{a.version}</span>
          {a.description && <p className="text-xs text-slate-500">{a.description}</p>}
        </div>
      ),
    },
    {
      header: "State",
      cell: (a) => (
        <div className="max-w-xs space-y-1">
          <AppStateBadge state={a.status.state} reason={a.status.reason} />
          {a.status.reason && <p className="text-xs text-slate-500">{a.status.reason}</p>}
        </div>
      ),
    },
    {
      header: "From → into",
      cell: (a) => (
        <div className="text-xs">
          <p className="text-slate-600">{a.sources.length > 0 ? a.sources.join(", ") : "no source"}</p>
          <p>
            →{" "}
            {a.targetSystemId ? (
              <Link className="text-brand-700 hover:underline" href={systemPath(companyId, a.targetSystemId)}>
                {a.targetSystemName}.ext
              </Link>
            ) : (
              <span className="text-red-700">{a.targetSystemName} (deleted)</span>
            )}
          </p>
        </div>
      ),
    },
    { header: "In", className: "text-right tabular-nums", cell: (a) => count(a.recordsIn) },
    { header: "Out", className: "text-right tabular-nums", cell: (a) => count(a.recordsOut) },
    { header: "Lag", className: "text-right tabular-nums", cell: (a) => (a.lag === null ? "–" : count(a.lag)) },
    {
      header: "Newest record",
      className: "whitespace-nowrap text-slate-600",
      cell: (a) => (a.lastRecordAt ? formatDateTime(a.lastRecordAt) : "–"),
    },
  ];
  if (page.total === 0) {
    return (
      <EmptyState icon={<Workflow className="size-10" aria-hidden />} title="No stream apps yet">
        A stream app reads records of your systems (or of systems other companies granted you), keeps those its query
        selects, and writes them into one of your systems' .ext topic, exactly once.
        {!canManage && " Admins and engineers create them."}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <div className="rounded-lg bg-white ring-1 ring-slate-200">
        <StaticTable label="Stream apps" columns={columns} rows={page.items} rowKey={(a) => a.id} />
      </div>
      <Pager page={page} />
    </div>
  );
}
