import Link from "next/link";
import type { SystemLineage } from "@/lib/stream-apps/get-lineage";
import { streamAppPath, systemPath } from "@/lib/ui/console-paths";

const MAX = 8;
const BOX_W = 230;
const BOX_H = 34;
const ROW = 52;
const GAP = 170;

interface Node {
  label: string;
  sub: string;
  app: string;
  href?: string;
  appHref?: string;
}

function shorten(text: string, max = 30): string {
  return text.length > max ? `…${text.slice(-(max - 1))}` : text;
}

/**
 * A system's data flows as a small graph: the systems whose records stream apps bring in (left), the system (middle),
 * and where apps take its records (right), each arrow labelled with its app. Another company's app and system are
 * named, never linked.
 */
export function LineageGraph({ companyId, lineage }: { companyId: string; lineage: SystemLineage }) {
  const left: Node[] = lineage.incoming.flatMap((f) =>
    f.sources.map((s) => ({
      label: s.name,
      sub: s.company,
      app: f.app.name,
      href: undefined,
      appHref: f.app.id ? streamAppPath(companyId, f.app.id) : undefined,
    })),
  );
  const right: Node[] = lineage.outgoing.map((f) => ({
    label: f.targetSystem.name,
    sub: f.company,
    app: f.app.name,
    href: f.targetSystem.id ? systemPath(companyId, f.targetSystem.id) : undefined,
    appHref: f.app.id ? streamAppPath(companyId, f.app.id) : undefined,
  }));
  if (left.length === 0 && right.length === 0) {
    return <p className="text-sm text-slate-500">No stream app reads this system or writes into it.</p>;
  }
  const shownLeft = left.slice(0, MAX);
  const shownRight = right.slice(0, MAX);
  const rows = Math.max(1, shownLeft.length, shownRight.length);
  const height = rows * ROW + 20;
  const width = BOX_W * 3 + GAP * 2;
  const centerY = height / 2;
  const midX = BOX_W + GAP;
  const yOf = (i: number, n: number) => centerY - ((n - 1) * ROW) / 2 + i * ROW;
  const box = (x: number, y: number, n: Node | { label: string; sub: string }, key: string, emphasis = false) => (
    <g key={key}>
      <rect
        x={x}
        y={y - BOX_H / 2}
        width={BOX_W}
        height={BOX_H}
        rx={6}
        className={emphasis ? "fill-brand-50 stroke-brand-600" : "fill-white stroke-slate-300"}
      />
      <text x={x + 8} y={y - 2} className="fill-slate-900 text-[11px] font-medium">
        <title>{n.label}</title>
        {shorten(n.label)}
      </text>
      <text x={x + 8} y={y + 11} className="fill-slate-500 text-[10px]">
        {n.sub}
      </text>
    </g>
  );
  const arrow = (x1: number, y1: number, x2: number, y2: number, label: string, key: string) => (
    <g key={key}>
      <path
        d={`M ${x1} ${y1} C ${x1 + GAP / 2} ${y1}, ${x2 - GAP / 2} ${y2}, ${x2} ${y2}`}
        className="fill-none stroke-slate-400"
        markerEnd="url(#lineage-arrow)"
      />
      <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 4} textAnchor="middle" className="fill-brand-700 text-[10px]">
        {shorten(label, 24)}
      </text>
    </g>
  );
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-label={`Data flows of ${lineage.system.name}`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="max-w-none"
        >
          <defs>
            <marker
              id="lineage-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="fill-slate-400" />
            </marker>
          </defs>
          {shownLeft.map((n, i) => box(0, yOf(i, shownLeft.length), n, `l${i}`))}
          {shownLeft.map((n, i) => arrow(BOX_W, yOf(i, shownLeft.length), midX, centerY, n.app, `la${i}`))}
          {box(midX, centerY, { label: lineage.system.name, sub: "this system" }, "mid", true)}
          {shownRight.map((n, i) =>
            arrow(midX + BOX_W, centerY, midX + BOX_W + GAP, yOf(i, shownRight.length), n.app, `ra${i}`),
          )}
          {shownRight.map((n, i) => box(midX + BOX_W + GAP, yOf(i, shownRight.length), n, `r${i}`))}
        </svg>
      </div>
      <ul className="space-y-1 text-xs text-slate-600" aria-label="Data flows">
        {left.map((n) => (
          <li key={`in-${n.app}-${n.label}`}>
            In: {n.label} ({n.sub}) →{" "}
            {n.appHref ? (
              <Link className="text-brand-700 hover:underline" href={n.appHref}>
                {n.app}
              </Link>
            ) : (
              n.app
            )}{" "}
            → this system's .ext
          </li>
        ))}
        {right.map((n) => (
          <li key={`out-${n.app}-${n.label}`}>
            Out: this system's .int →{" "}
            {n.appHref ? (
              <Link className="text-brand-700 hover:underline" href={n.appHref}>
                {n.app}
              </Link>
            ) : (
              n.app
            )}{" "}
            ({n.sub}) →{" "}
            {n.href ? (
              <Link className="text-brand-700 hover:underline" href={n.href}>
                {n.label}
              </Link>
            ) : (
              n.label
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
