import type { ReactNode } from "react";

/** A part of a page: its heading, what it is for, its main action, and what it shows (a table, usually). */
export function Section({
  title,
  description,
  action,
  level = 2,
  children,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** 3 below a detail page's own h2. */
  level?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
          {description && <p className="text-sm text-slate-500">{description}</p>}
        </div>
        {action}
      </div>
      {children}
    </div>
  );
}
