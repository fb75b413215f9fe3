"use client";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { liveConnection } from "@/lib/live-client/live-connection";
import { cn } from "@/lib/ui/cn";
import { companyPath } from "@/lib/ui/console-paths";

export interface BellAlarm {
  id: string;
  companyId: string;
  severity: string;
  message: string;
  raisedAt: Date | string;
}

const severityTone: Record<string, string> = {
  critical: "bg-red-600",
  major: "bg-orange-500",
  minor: "bg-amber-400",
  warning: "bg-sky-500",
};

/**
 * The header's bell: open alarms nobody acknowledged, across the user's companies, kept current by the socket; a
 * new alarm also shows as a toast with a link to its company's alarms.
 */
export function AlarmBell({ initial }: { initial: { count: number; newest: BellAlarm[] } }) {
  const router = useRouter();
  const [count, setCount] = useState(initial.count);
  const [newest, setNewest] = useState(initial.newest);
  useEffect(() => {
    setCount(initial.count);
    setNewest(initial.newest);
  }, [initial]);
  useEffect(
    () =>
      liveConnection.onAlarm(({ alarm, change }) => {
        if (change === "created") {
          setCount((n) => n + 1);
          setNewest((list) => [alarm, ...list].slice(0, 8));
          const show = alarm.severity === "critical" || alarm.severity === "major" ? toast.error : toast.warning;
          show(`Alarm (${alarm.severity}): ${alarm.message}`, {
            action: { label: "Open", onClick: () => router.push(companyPath(alarm.companyId, "alarms")) },
          });
        } else if (alarm.acknowledged || alarm.state === "cleared") {
          setNewest((list) => {
            const had = list.some((a) => a.id === alarm.id);
            if (had) setCount((n) => Math.max(0, n - 1));
            return list.filter((a) => a.id !== alarm.id);
          });
        }
      }),
    [router],
  );
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="relative shrink-0 rounded-md p-1.5 text-slate-600 hover:bg-slate-100"
        aria-label={count === 0 ? "Alarms: none open" : `Alarms: ${count} open, not acknowledged`}
      >
        <Bell className="size-5" aria-hidden />
        {count > 0 && (
          <span
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
            data-testid="alarm-count"
          >
            {count > 99 ? "99+" : count}
          </span>
        )}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-80 max-w-[calc(100vw-1rem)] rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          {newest.length === 0 ? (
            <p className="px-3 py-2 text-slate-500">No open alarm waits for an acknowledgement.</p>
          ) : (
            newest.map((a) => (
              <DropdownMenu.Item key={a.id} asChild className="rounded outline-none data-highlighted:bg-slate-100">
                <Link href={companyPath(a.companyId, "alarms")} className="flex gap-2 px-2 py-1.5">
                  <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", severityTone[a.severity])} aria-hidden />
                  <span>
                    <span className="block text-slate-800">{a.message}</span>
                    <span className="text-xs text-slate-500">
                      {a.severity}, {new Date(a.raisedAt).toLocaleString()}
                    </span>
                  </span>
                </Link>
              </DropdownMenu.Item>
            ))
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
