"use client";
import { BellOff } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Pager } from "@/components/data-table/pager";
import { useListParams } from "@/components/data-table/use-list-params";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult } from "@/lib/actions/run-action";
import type { Page } from "@/lib/pagination";
import { systemObjectPath } from "@/lib/ui/console-paths";
import { formatDateTime } from "@/lib/ui/format";

export interface AlarmRow {
  id: string;
  severity: string;
  state: string;
  message: string;
  raisedAt: Date;
  lastAt: Date;
  clearedAt: Date | null;
  occurrences: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  rule: string;
  datastream: { id: string; name: string; fullName: string; systemId: string };
}

const tones: Record<string, BadgeTone> = { critical: "red", major: "red", minor: "amber", warning: "blue" };

export function AlarmsTable({
  companyId,
  page,
  state,
  acknowledge,
}: {
  companyId: string;
  page: Page<AlarmRow>;
  state: string;
  acknowledge?: (alarmId: string) => Promise<ActionResult<{ message: string }>>;
}) {
  const router = useRouter();
  const { update } = useListParams();
  const [pending, setPending] = useState<string | undefined>();
  return (
    <div className="space-y-3">
      <nav aria-label="Alarm state" className="flex gap-2 text-sm">
        {(["open", "cleared", "all"] as const).map((s) => (
          <Button
            key={s}
            variant={state === s ? "primary" : "secondary"}
            onClick={() => update({ state: s, page: undefined })}
          >
            {s === "open" ? "Open" : s === "cleared" ? "Cleared" : "All"}
          </Button>
        ))}
      </nav>
      {page.total === 0 ? (
        <EmptyState
          icon={<BellOff className="size-10" aria-hidden />}
          title={state === "open" ? "No open alarms" : "No alarms"}
        >
          Alarm rules are set on a datastream's page; an alarm shows here, as a toast and on the bell as it is raised.
        </EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Alarms">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Severity</th>
                <th className="px-3 py-2 font-medium">Alarm</th>
                <th className="px-3 py-2 font-medium whitespace-nowrap">Raised</th>
                <th className="px-3 py-2 font-medium">State</th>
                <th className="px-3 py-2 font-medium">Acknowledged</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((a) => (
                <tr key={a.id} className="align-top">
                  <td className="px-3 py-2">
                    <Badge tone={tones[a.severity] ?? "neutral"}>{a.severity}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    <p className="text-slate-900">{a.message}</p>
                    <p className="text-xs text-slate-500">
                      {a.rule} ·{" "}
                      <Link
                        className="text-brand-700 hover:underline"
                        href={systemObjectPath(companyId, a.datastream.systemId, "datastreams", a.datastream.id)}
                      >
                        {a.datastream.fullName}
                      </Link>
                      {a.occurrences > 1 && ` · ${a.occurrences} records met it, the last ${formatDateTime(a.lastAt)}`}
                    </p>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatDateTime(a.raisedAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {a.state === "open" ? (
                      <Badge tone="red">open</Badge>
                    ) : (
                      <Badge>cleared {a.clearedAt ? formatDateTime(a.clearedAt) : ""}</Badge>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {a.acknowledgedAt ? (
                      <span className="text-xs text-slate-600">
                        {a.acknowledgedBy}, {formatDateTime(a.acknowledgedAt)}
                      </span>
                    ) : acknowledge ? (
                      <Button
                        variant="secondary"
                        pending={pending === a.id}
                        onClick={async () => {
                          setPending(a.id);
                          const result = await acknowledge(a.id);
                          setPending(undefined);
                          if (!result.ok) toast.error(result.error);
                          else {
                            toast.success("Alarm acknowledged");
                            router.refresh();
                          }
                        }}
                      >
                        Acknowledge
                      </Button>
                    ) : (
                      <span className="text-xs text-slate-500">not yet</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} />
    </div>
  );
}
