import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";
import { formatDateTime } from "@/lib/ui/format";

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

/** An optional field left empty. */
export const none = <span className="text-slate-500">none</span>;

/** A description, or a quiet "No description". */
export function describedAs(description: string): ReactNode {
  return description || <span className="text-slate-500 italic">No description</span>;
}

export const descriptionFact = (description: string): Fact => ({
  label: "Description",
  value: describedAs(description),
  wide: true,
});

/** When an entity was created and last changed. */
export const timestampFacts = (entity: { createdAt: Date; updatedAt: Date }): Fact[] => [
  { label: "Created", value: formatDateTime(entity.createdAt) },
  { label: "Updated", value: formatDateTime(entity.updatedAt) },
];
