"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

export interface LinkTab {
  href: string;
  label: string;
}

/** Tabs that are links to pages; the first is active for everything below it that no other tab claims. */
export function LinkTabs({ label, tabs, className }: { label: string; tabs: LinkTab[]; className?: string }) {
  const pathname = usePathname();
  const claimed = tabs.slice(1).find((t) => pathname === t.href || pathname.startsWith(`${t.href}/`));
  return (
    <nav aria-label={label} className={cn("mb-6 border-b border-slate-200", className)}>
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab, i) => {
          const active = claimed ? claimed.href === tab.href : i === 0;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
