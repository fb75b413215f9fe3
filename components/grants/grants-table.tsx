"use client";
import { Handshake } from "lucide-react";
import Link from "next/link";
import { Pager } from "@/components/data-table/pager";
import { useListParams } from "@/components/data-table/use-list-params";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import type { GrantView } from "@/lib/grants/grant-view";
import type { Page } from "@/lib/pagination";
import { grantPath } from "@/lib/ui/console-paths";
import { formatDateTime } from "@/lib/ui/format";
import { GrantStateBadge } from "./grant-state-badge";

export type GrantRow = GrantView & { side: "offered" | "received" };

/** The grants a company offered and received, filtered by side. */
export function GrantsTable({ companyId, page, side }: { companyId: string; page: Page<GrantRow>; side: string }) {
  const { update } = useListParams();
  const columns: StaticColumn<GrantRow>[] = [
    { header: "State", cell: (g) => <GrantStateBadge state={g.state} /> },
    {
      header: "What",
      cell: (g) => (
        <div>
          <Link className="font-mono text-brand-700 hover:underline" href={grantPath(companyId, g.id)}>
            {g.sourceSystem}.{g.datastreams}
          </Link>
          {g.filter && <p className="font-mono text-xs text-slate-500">where {g.filter}</p>}
        </div>
      ),
    },
    {
      header: "Between",
      cell: (g) =>
        g.side === "offered" ? (
          <span>
            offered to <strong>{g.targetSystem ?? g.targetCompany}</strong>
          </span>
        ) : (
          <span>
            offered by <strong>{g.sourceCompany}</strong>
            {g.targetSystem && ` into ${g.targetSystem}`}
          </span>
        ),
    },
    {
      header: "Ends",
      className: "whitespace-nowrap",
      cell: (g) => (g.endsAt ? formatDateTime(new Date(g.endsAt)) : "–"),
    },
    {
      header: "Offered",
      className: "whitespace-nowrap text-slate-600",
      cell: (g) => formatDateTime(new Date(g.offeredAt)),
    },
  ];
  return (
    <div className="space-y-3">
      <nav aria-label="Side" className="flex gap-2 text-sm">
        {(["all", "offered", "received"] as const).map((s) => (
          <Button
            key={s}
            variant={side === s ? "primary" : "secondary"}
            onClick={() => update({ side: s, page: undefined })}
          >
            {s === "all" ? "All" : s === "offered" ? "Offered by us" : "Offered to us"}
          </Button>
        ))}
      </nav>
      {page.total === 0 ? (
        <EmptyState icon={<Handshake className="size-10" aria-hidden />} title="No grants">
          A grant lets another company's stream apps read datastreams of one of your systems (and yours theirs), once
          its admin accepts. Either side can revoke it at any time.
        </EmptyState>
      ) : (
        <div className="rounded-lg bg-white ring-1 ring-slate-200">
          <StaticTable label="Grants" columns={columns} rows={page.items} rowKey={(g) => g.id} />
        </div>
      )}
      <Pager page={page} />
    </div>
  );
}
