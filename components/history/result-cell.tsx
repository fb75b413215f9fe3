import { Badge } from "@/components/ui/badge";

/**
 * A result as its type shows best: numbers with their unit, Truth as a badge, Category as text, JSON folded (the
 * first line shown, the whole on demand).
 */
export function ResultCell({ result, unit, type }: { result: unknown; unit?: string; type?: string }) {
  if (typeof result === "number") {
    return (
      <span className="tabular-nums">
        {result.toLocaleString(undefined, { maximumFractionDigits: 6 })}
        {unit ? <span className="ml-1 text-slate-500">{unit}</span> : null}
      </span>
    );
  }
  if (typeof result === "boolean")
    return <Badge tone={result ? "green" : "neutral"}>{result ? "true" : "false"}</Badge>;
  if (typeof result === "string")
    return <span className={type === "Category" ? "font-medium" : undefined}>{result}</span>;
  const text = JSON.stringify(result, null, 2);
  const line = JSON.stringify(result);
  if (line.length <= 60) return <code className="text-xs">{line}</code>;
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer truncate font-mono text-xs">{line.slice(0, 60)}…</summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{text}</pre>
    </details>
  );
}
