import type { LiveRecord } from "@/lib/live/live-protocol";

/** The value at a path inside a result (`$.a.b`, `a[0]`), or undefined where the path does not fit. */
export function valueAt(result: unknown, path: string | undefined): unknown {
  if (!path) return result;
  const parts = path.replace(/^\$\.?/, "").match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let v: unknown = result;
  for (const part of parts) {
    if (v === null || typeof v !== "object") return undefined;
    const key = part.startsWith("[") ? Number(part.slice(1, -1)) : part;
    v = Object.hasOwn(v, key) ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  return v;
}

/** Numeric points of a stream for a chart: time and value (booleans as 0/1), those that have one. */
export function numericPoints(records: readonly LiveRecord[], path?: string): { t: number; v: number }[] {
  const out: { t: number; v: number }[] = [];
  for (const r of records) {
    const v = valueAt(r.v, path);
    if (typeof v === "number" && Number.isFinite(v)) out.push({ t: r.t, v });
    else if (typeof v === "boolean") out.push({ t: r.t, v: v ? 1 : 0 });
  }
  return out;
}

/** "3 s ago", "4 min ago", "2 h ago": how old the newest record is. */
export function ageOf(ms: number | undefined, now: number): string {
  if (ms === undefined) return "no record yet";
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** A result as a short text (JSON folded). */
export function showResult(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 3 : 2);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
