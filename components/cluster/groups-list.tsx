"use client";
import { Users } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StaticTable } from "@/components/ui/static-table";
import type { ActionResult } from "@/lib/actions/run-action";
import type { ClusterGroup } from "@/lib/cluster/describe-company-cluster";
import type { OffsetResetInput } from "@/lib/cluster/schemas";
import type { OffsetResetPosition } from "@/lib/kafka/consumer-groups";
import { formatCount, plural } from "@/lib/ui/format";
import { OffsetResetDialog } from "./offset-reset-dialog";

const stateTone: Record<string, BadgeTone> = { stable: "green", empty: "neutral", dead: "neutral" };

export type PreviewAction = (
  input: OffsetResetInput,
) => Promise<ActionResult<{ groupId: string; stopped: boolean; positions: OffsetResetPosition[] }>>;
export type ResetAction = (
  input: OffsetResetInput,
) => Promise<ActionResult<{ groupId: string; positions: OffsetResetPosition[] }>>;

/** The company's consumer groups with lag per partition; a stopped group's offsets can be reset (admins). */
export function GroupsList({
  groups,
  canManage,
  preview,
  reset,
}: {
  groups: ClusterGroup[];
  canManage: boolean;
  preview: PreviewAction;
  reset: ResetAction;
}) {
  return (
    <Card aria-labelledby="groups-heading">
      <CardHeader
        title={<span id="groups-heading">Consumer groups</span>}
        description="Lag is the end offset minus the group's committed position. Only a stopped group (no members) can be moved."
      />
      {groups.length === 0 ? (
        <EmptyState icon={<Users className="size-10" aria-hidden />} title="No consumer groups">
          A client's group <code className="font-mono text-xs">system.client</code> appears once it has consumed.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {groups.map((g) => (
            <li key={g.groupId} className="px-5 py-3" data-group={g.groupId}>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="flex min-w-0 flex-wrap items-center gap-2">
                  <code className="font-mono text-xs font-semibold break-all">{g.groupId}</code>
                  <Badge tone={stateTone[g.state] ?? "amber"}>{g.stopped ? `stopped (${g.state})` : g.state}</Badge>
                  <span className="text-sm text-slate-500">
                    {plural(g.members.length, "member")} · lag{" "}
                    <span className="font-mono tabular-nums" data-total-lag>
                      {formatCount(g.totalLag)}
                    </span>
                  </span>
                </div>
                {canManage && <OffsetResetDialog group={g} preview={preview} reset={reset} />}
              </div>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-600">Partitions and members</summary>
                {g.partitions.length === 0 ? (
                  <p className="mt-2 text-slate-500">No committed positions on this company's topics.</p>
                ) : (
                  <StaticTable
                    label={`Lag of ${g.groupId}`}
                    density="tight"
                    className="mt-2"
                    headClassName="text-left text-slate-500"
                    bodyClassName="divide-y-0 font-mono tabular-nums"
                    rows={g.partitions}
                    rowKey={(p) => `${p.topic}:${p.partition}`}
                    columns={[
                      { header: "topic", className: "break-all", cell: (p) => p.topic },
                      { header: "#", cell: (p) => p.partition },
                      {
                        header: "committed",
                        className: "text-right",
                        cell: (p) => (p.committed === null ? "—" : formatCount(p.committed)),
                      },
                      { header: "end", className: "text-right", cell: (p) => formatCount(p.end) },
                      {
                        header: "lag",
                        className: "text-right",
                        cell: (p) => (p.lag === null ? "—" : formatCount(p.lag)),
                      },
                    ]}
                  />
                )}
                {g.members.length > 0 && (
                  <ul className="mt-2 space-y-1 text-xs text-slate-600">
                    {g.members.map((m) => (
                      <li key={m.memberId}>
                        <span className="font-mono">{m.clientId}</span> from {m.host}:{" "}
                        {m.assignment.map((a) => `${a.topic} [${a.partitions.join(", ")}]`).join("; ") ||
                          "no partitions"}
                      </li>
                    ))}
                  </ul>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
