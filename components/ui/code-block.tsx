import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

/** Preformatted text (configuration, code) with a title and actions such as copy and download. */
export function CodeBlock({
  title,
  code,
  actions,
  className,
}: {
  title: string;
  code: string;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <figure className={cn("overflow-hidden rounded-md ring-1 ring-slate-200", className)}>
      <figcaption className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5">
        <span className="text-xs font-medium text-slate-600">{title}</span>
        {actions && <span className="flex items-center gap-1.5">{actions}</span>}
      </figcaption>
      <pre className="relative overflow-x-auto bg-slate-900 px-3 py-2.5 font-mono text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
