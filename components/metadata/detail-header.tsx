import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** The top of a thing's, sensor's, property's or datastream's page: back to its list, its name, its actions. */
export function DetailHeader({
  back,
  title,
  badges,
  actions,
}: {
  back: { href: string; label: string };
  title: string;
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <Link href={back.href} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
        <ArrowLeft className="size-3.5" aria-hidden /> {back.label}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold break-words text-slate-900">{title}</h2>
          {badges}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </div>
  );
}
