"use client";
import { Lock } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";
import { type ConsoleTab, currentTab } from "@/lib/ui/console-tabs";

export type LinkTab = ConsoleTab;

/**
 * Tabs that are links to pages. A tab the role may not open shows only while its page is open (saying "you cannot
 * open this page"), so the bar always marks where the user is.
 */
export function LinkTabs({ label, tabs, className }: { label: string; tabs: LinkTab[]; className?: string }) {
  const pathname = usePathname();
  const current = currentTab(tabs, pathname);
  return (
    <nav aria-label={label} className={cn("mb-6 border-b border-slate-200", className)}>
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {tabs
          .filter((tab) => tab.allowed || tab === current)
          .map((tab) => {
            const active = tab === current;
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-flex items-center gap-1 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                    active
                      ? "border-brand-600 text-brand-700"
                      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                  )}
                >
                  {!tab.allowed && <Lock className="size-3.5" aria-label="not allowed for your role" />}
                  {tab.label}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
