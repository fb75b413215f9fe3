"use client";
import { ChevronDown, ChevronRight, ScrollText } from "lucide-react";
import { Fragment, useState } from "react";
import { Pager } from "@/components/data-table/pager";
import { useListParams } from "@/components/data-table/use-list-params";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DottedName } from "@/components/ui/dotted-name";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page } from "@/lib/pagination";
import { cn } from "@/lib/ui/cn";
import { formatUtc } from "@/lib/ui/format-utc";
import { AuditDiff } from "./audit-diff";

export interface AuditRow {
  id: string;
  at: Date;
  actorType: "user" | "token" | "client" | "system";
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string;
  before: unknown;
  after: unknown;
}

const actorTone: Record<AuditRow["actorType"], BadgeTone> = {
  user: "neutral",
  token: "blue",
  client: "amber",
  system: "green",
};

const FILTER_KEYS = ["actor", "action", "targetType", "target", "from", "to"] as const;

/** The audit log: one row per event, expandable to what it changed. Paging and filters live in the URL. */
export function AuditLogTable({ page, filtered }: { page: Page<AuditRow>; filtered: boolean }) {
  const { update, pending } = useListParams();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (page.total === 0) {
    return (
      <div className="rounded-lg bg-white ring-1 ring-slate-200">
        {filtered ? (
          <EmptyState
            title="No events match these filters"
            action={
              <Button
                variant="secondary"
                onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}
              >
                Clear filters
              </Button>
            }
          >
            Widen the time range, or filter by an action prefix such as <code>client.</code> instead of one action.
          </EmptyState>
        ) : (
          <EmptyState icon={<ScrollText className="size-10" aria-hidden />} title="No audit events yet">
            Every change to this company (members, systems, clients, metadata) is recorded here with who made it, when,
            and what changed.
          </EmptyState>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <div
        className={cn(
          "relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200 transition-opacity",
          pending && "opacity-60",
        )}
        aria-busy={pending}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Audit events">
          <thead className="bg-slate-50">
            <tr className="text-left text-slate-600">
              <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
                Time (UTC)
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Actor
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Action
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Object
              </th>
              <th scope="col" className="px-4 py-2.5">
                <span className="sr-only">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((e) => {
              const expanded = open.has(e.id);
              return (
                <Fragment key={e.id}>
                  <tr className={cn("hover:bg-slate-50/60", expanded && "bg-slate-50/60")} data-event-id={e.id}>
                    <td className="px-4 py-2.5 font-mono text-xs whitespace-nowrap text-slate-600">
                      <time dateTime={e.at.toISOString()}>{formatUtc(e.at)}</time>
                    </td>
                    <td className="px-4 py-2.5">
                      <div className="flex items-center gap-2">
                        <Badge tone={actorTone[e.actorType]}>{e.actorType}</Badge>
                        <span className="break-words text-slate-800">{e.actorLabel}</span>
                      </div>
                    </td>
                    <td className="px-4 py-2.5 font-mono text-xs whitespace-nowrap text-slate-800">{e.action}</td>
                    <td className="px-4 py-2.5">
                      <span className="mr-2 text-xs text-slate-500">{e.targetType}</span>
                      <span className="font-mono text-xs break-words text-slate-800">
                        <DottedName name={e.targetLabel} />
                      </span>
                    </td>
                    <td className="px-4 py-2.5 text-right">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-expanded={expanded}
                        aria-controls={`changes-${e.id}`}
                        onClick={() => toggle(e.id)}
                      >
                        {expanded ? (
                          <ChevronDown className="size-4" aria-hidden />
                        ) : (
                          <ChevronRight className="size-4" aria-hidden />
                        )}
                        Changes
                      </Button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={`changes-${e.id}`} className="bg-slate-50/60">
                      <td colSpan={5} className="px-4 pt-1 pb-4">
                        <AuditDiff action={e.action} before={e.before} after={e.after} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} />
    </div>
  );
}
