"use client";
import { useQuery } from "@tanstack/react-query";
import { formatDistanceToNowStrict } from "date-fns";
import { CheckCircle2, XCircle } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { Health } from "@/lib/health/check-health";

export const healthQueryKey = ["health"] as const;

async function fetchHealth(): Promise<Health> {
  const response = await fetch("/api/health", { cache: "no-store" });
  // 503 still carries the health document: down is an answer, not an error.
  return (await response.json()) as Health;
}

const labels = { postgresql: "PostgreSQL", kafka: "Kafka" } as const;
const roles = { postgresql: "metadata, users, audit log", kafka: "data: topics, live and historical records" } as const;

export function ServiceStatusList({ initial }: { initial: Health }) {
  const { data = initial, dataUpdatedAt } = useQuery({
    queryKey: healthQueryKey,
    queryFn: fetchHealth,
    initialData: initial,
    refetchInterval: 5000,
  });
  return (
    <div className="space-y-3">
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Services">
        {(Object.keys(labels) as (keyof typeof labels)[]).map((key) => {
          const s = data.services[key];
          return (
            <li key={key}>
              <Card className="p-5" data-service={key} data-up={s.up}>
                <div className="flex items-center gap-3">
                  {s.up ? (
                    <CheckCircle2 className="size-6 text-emerald-600" aria-hidden />
                  ) : (
                    <XCircle className="size-6 text-red-600" aria-hidden />
                  )}
                  <div>
                    <h2 className="font-semibold">
                      {labels[key]}{" "}
                      <span className={s.up ? "text-emerald-700" : "text-red-700"}>{s.up ? "up" : "down"}</span>
                    </h2>
                    <p className="text-xs text-slate-500">{roles[key]}</p>
                  </div>
                </div>
                <p className="mt-3 text-sm break-words text-slate-600">
                  {s.up
                    ? `${s.detail ? `${s.detail} · ` : ""}answered in ${s.latencyMs} ms`
                    : s.reason || "unreachable"}
                </p>
              </Card>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-slate-500" aria-live="polite">
        Checked {formatDistanceToNowStrict(new Date(dataUpdatedAt || data.checkedAt), { addSuffix: true })}; refreshes
        every 5 s.
      </p>
    </div>
  );
}
