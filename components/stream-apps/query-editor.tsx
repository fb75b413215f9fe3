"use client";
import { type RefObject, useRef } from "react";
import { Textarea } from "@/components/ui/input";
import type { Diagnostic } from "@/lib/filter-language";
import { cn } from "@/lib/ui/cn";

/** The query's line and a caret under the column, as a compiler shows it: `^ expected an operand …`. */
function Pointer({ text, d, tone }: { text: string; d: Diagnostic; tone: "error" | "warning" }) {
  const line = text.split("\n")[d.line - 1] ?? "";
  const width = Math.max(1, Math.min(d.end - d.position, line.length - d.column + 1));
  return (
    <pre
      className={cn(
        "overflow-x-auto rounded-md px-3 py-2 font-mono text-xs",
        tone === "error" ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900",
      )}
    >
      <span className="text-slate-400">{String(d.line).padStart(3)} | </span>
      {line}
      {"\n"}
      <span className="text-slate-400">{"    | "}</span>
      {" ".repeat(Math.max(0, d.column - 1))}
      <span className="font-bold">{"^".repeat(width)}</span>
    </pre>
  );
}

function place(ref: RefObject<HTMLTextAreaElement | null>, d: Diagnostic) {
  const el = ref.current;
  if (!el) return;
  el.focus();
  el.setSelectionRange(d.position, Math.max(d.position + 1, d.end));
}

/**
 * The filter-language editor: the query as text (monospace), and under it each error and warning at its place
 * (line:column, the line with a caret under the spot); clicking one selects that spot in the query.
 */
export function QueryEditor({
  value,
  onChange,
  errors,
  warnings,
  checking,
  id,
  invalid,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: readonly Diagnostic[];
  warnings: readonly Diagnostic[];
  checking: boolean;
  id?: string;
  invalid?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const items = [
    ...errors.map((d) => ({ d, tone: "error" as const })),
    ...warnings.map((d) => ({ d, tone: "warning" as const })),
  ];
  return (
    <div className="space-y-2">
      <Textarea
        id={id}
        ref={ref}
        aria-invalid={invalid || errors.length > 0 || undefined}
        aria-label="Query"
        spellCheck={false}
        rows={Math.min(14, Math.max(4, value.split("\n").length + 1))}
        className="font-mono text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="SELECT * FROM domain.enterprise.workcenter.station WHERE quantity = 'Air Temperature' AND result < 0"
      />
      <div aria-live="polite" className="space-y-2" data-testid="query-diagnostics">
        {checking && <p className="text-xs text-slate-500">Checking…</p>}
        {!checking && items.length === 0 && value.trim() !== "" && (
          <p className="text-xs text-emerald-700">The query checks: no errors, no warnings.</p>
        )}
        {items.map(({ d, tone }) => (
          <button
            type="button"
            key={`${tone}-${d.position}-${d.message}`}
            onClick={() => place(ref, d)}
            className="block w-full space-y-1 text-left"
            data-diagnostic={tone}
          >
            <p className={cn("text-xs font-medium", tone === "error" ? "text-red-700" : "text-amber-800")}>
              {tone === "error" ? "Error" : "Warning"} at {d.line}:{d.column}: {d.message.replace(/^at \d+:\d+: /, "")}
            </p>
            <Pointer text={value} d={d} tone={tone} />
          </button>
        ))}
      </div>
    </div>
  );
}
