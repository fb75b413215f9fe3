"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { formatDistanceToNow } from "date-fns";
import { Boxes } from "lucide-react";
import { rowId } from "@/components/data-table/columns";
import { DataTable, type ListProps } from "@/components/data-table/data-table";
import { useListParams } from "@/components/data-table/use-list-params";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { ProvisioningBadge, type ProvisioningStatusName } from "./provisioning-badge";

export interface ProvisioningRow {
  id: string;
  resourceType: string;
  resourceKey: string;
  status: ProvisioningStatusName;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastReconciledAt: Date | null;
  attempts: number;
}

const typeLabel: Record<string, string> = { topic: "Topic", credential: "SCRAM credential", acls: "ACLs" };
const column = createColumnHelper<ProvisioningRow>();
const ago = (d: Date | null) => (d ? formatDistanceToNow(d, { addSuffix: true }) : "—");

const columns = [
  column.accessor("resourceType", { header: "Kind", cell: (c) => typeLabel[c.getValue()] ?? c.getValue() }),
  column.accessor("resourceKey", {
    header: "Resource",
    cell: (c) => <code className="font-mono text-xs break-all">{c.getValue()}</code>,
  }),
  column.accessor("status", { header: "Status", cell: (c) => <ProvisioningBadge status={c.getValue()} /> }),
  column.accessor("lastError", {
    header: "Last error",
    cell: (c) => {
      const r = c.row.original;
      if (!r.lastError) return <span className="text-slate-400">none</span>;
      return (
        <div className={r.status === "ready" ? "text-slate-400" : "text-slate-700"}>
          <p className="max-w-md wrap-anywhere">{r.lastError}</p>
          <p className="text-xs text-slate-400">
            {ago(r.lastErrorAt)}
            {r.attempts > 1 && r.status !== "ready" ? ` · ${r.attempts} attempts` : ""}
            {r.status === "ready" ? " · resolved" : ""}
          </p>
        </div>
      );
    },
  }),
  column.accessor("lastReconciledAt", { header: "Checked", cell: (c) => ago(c.getValue()) }),
];

export function ProvisioningTable({
  byStatus,
  status,
  type,
  ...list
}: ListProps<ProvisioningRow> & {
  byStatus: Record<ProvisioningStatusName, number>;
  status?: string;
  type?: string;
}) {
  const { update } = useListParams();
  const total = byStatus.ready + byStatus.pending + byStatus.error + byStatus.drift;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Resources by status">
        {(["ready", "pending", "drift", "error"] as const).map((s) => (
          <button
            key={s}
            type="button"
            onClick={() => update({ status: status === s ? undefined : s })}
            aria-pressed={status === s}
            className="rounded-lg bg-white p-3 text-left ring-1 ring-slate-200 hover:ring-brand-500 aria-pressed:ring-2 aria-pressed:ring-brand-600"
          >
            <dt className="text-xs text-slate-500">
              <ProvisioningBadge status={s} />
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-status-count={s}>
              {byStatus[s]}
            </dd>
          </button>
        ))}
      </dl>
      <DataTable
        label="Kafka resources"
        columns={columns}
        sortable={["resourceKey", "resourceType", "status", "lastErrorAt", "lastReconciledAt"]}
        getRowId={rowId}
        searchPlaceholder="Filter by topic or principal"
        toolbar={
          <>
            <NativeSelect
              aria-label="Status"
              className="w-36"
              value={status ?? ""}
              onChange={(e) => update({ status: e.target.value || undefined })}
            >
              <option value="">Any status</option>
              <option value="ready">ready</option>
              <option value="pending">pending</option>
              <option value="drift">drift</option>
              <option value="error">error</option>
            </NativeSelect>
            <NativeSelect
              aria-label="Kind"
              className="w-44"
              value={type ?? ""}
              onChange={(e) => update({ type: e.target.value || undefined })}
            >
              <option value="">Any kind</option>
              <option value="topic">Topics</option>
              <option value="credential">SCRAM credentials</option>
              <option value="acls">ACLs</option>
            </NativeSelect>
          </>
        }
        empty={
          total === 0 ? (
            <EmptyState icon={<Boxes className="size-10" aria-hidden />} title="Nothing to provision yet">
              Each system gets three topics and each client a SCRAM credential and ACLs; they appear here as soon as you
              create them.
            </EmptyState>
          ) : (
            <EmptyState title="No resource with this status or kind">
              <button
                type="button"
                className="text-brand-600 hover:underline"
                onClick={() => update({ status: undefined, type: undefined })}
              >
                Show all
              </button>
            </EmptyState>
          )
        }
        {...list}
      />
    </div>
  );
}
