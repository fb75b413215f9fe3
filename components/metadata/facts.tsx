import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export interface Fact {
  label: string;
  value: ReactNode;
  /** Long values (names, URIs) take a whole row. */
  wide?: boolean;
}

/** A card's facts as a definition list, labelled for screen readers and tests. */
export function Facts({ label, facts }: { label: string; facts: Fact[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-3" aria-label={label}>
      {facts.map((f) => (
        <div key={f.label} className={cn("min-w-0", f.wide && "sm:col-span-3")}>
          <dt className="text-xs text-slate-500">{f.label}</dt>
          <dd className="text-sm break-words text-slate-900">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
