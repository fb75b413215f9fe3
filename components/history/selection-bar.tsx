"use client";
import { format } from "date-fns";
import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import type { DatastreamChoice } from "@/lib/datastreams/find-company-datastreams";
import { parseTimePoint, TIME_RANGE_PRESETS } from "@/lib/history/time-range";
import { formatValueFilters, parseValueFilters, type ValueRange } from "@/lib/history/value-filter";
import type { Selection } from "@/lib/history-client/history-api";

/** An instant as a datetime-local input shows it: the viewer's wall clock, seconds included. */
export const toLocalInput = (iso: string) => format(new Date(iso), "yyyy-MM-dd'T'HH:mm:ss");
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const numeric = (d: DatastreamChoice) => ["Measurement", "Count", "Truth"].includes(d.observationType);

/**
 * What a history view shows: datastreams picked by search or a `*` pattern, a range (a preset resolved when applied,
 * or two instants in the viewer's zone, UTC on the wire), and a value range per numeric datastream.
 */
export function SelectionBar({
  initial,
  chosen: initialChosen,
  find,
  onApply,
}: {
  initial: Selection;
  chosen: DatastreamChoice[];
  find: (q: string) => Promise<ActionResult<DatastreamChoice[]>>;
  onApply: (selection: Selection, chosen: DatastreamChoice[]) => void;
}) {
  const [mode, setMode] = useState<"pick" | "pattern">(initial.pattern ? "pattern" : "pick");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<DatastreamChoice[]>([]);
  const [chosen, setChosen] = useState<DatastreamChoice[]>(initialChosen);
  const [pattern, setPattern] = useState(initial.pattern);
  const [from, setFrom] = useState(initial.from ? toLocalInput(initial.from) : "");
  const [to, setTo] = useState(initial.to ? toLocalInput(initial.to) : "");
  const parsed = parseValueFilters(initial.filter, new Set(initialChosen.map((c) => c.id)));
  const [filters, setFilters] = useState<Record<string, { min: string; max: string }>>(() =>
    Object.fromEntries(
      [...(parsed.ok ? parsed.filters : new Map<string, ValueRange>())].map(([id, r]) => [
        id,
        { min: r.min === undefined ? "" : String(r.min), max: r.max === undefined ? "" : String(r.max) },
      ]),
    ),
  );
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (mode !== "pick") return;
    const t = setTimeout(() => {
      void find(q).then((r) => setFound(r.ok ? r.data : []));
    }, 200);
    return () => clearTimeout(t);
  }, [q, mode, find]);

  const preset = (p: (typeof TIME_RANGE_PRESETS)[number]) => {
    const now = Date.now();
    const a = parseTimePoint("from", p.from, now);
    const b = parseTimePoint("to", p.to, now);
    if (a.ok && b.ok) {
      setFrom(toLocalInput(new Date(a.t).toISOString()));
      setTo(toLocalInput(new Date(b.t).toISOString()));
    }
  };

  const apply = () => {
    const fromDate = new Date(from);
    const toDate = new Date(to);
    if (Number.isNaN(fromDate.getTime()) || Number.isNaN(toDate.getTime())) {
      setError("Give both ends of the range");
      return;
    }
    if (fromDate >= toDate) {
      setError('"to" must be after "from"');
      return;
    }
    if (mode === "pick" && chosen.length === 0) {
      setError("Choose at least one datastream");
      return;
    }
    if (mode === "pattern" && !pattern.trim()) {
      setError("Give a pattern such as cz.icecars.*.*.*.*");
      return;
    }
    const text = Object.entries(filters)
      .filter(([id, f]) => chosen.some((c) => c.id === id) && (f.min.trim() || f.max.trim()))
      .map(([id, f]) => `${id}:${f.min.trim()}:${f.max.trim()}`)
      .join(",");
    const checked = parseValueFilters(text, new Set(chosen.map((c) => c.id)));
    if (!checked.ok) {
      setError(`Value filter: ${checked.message}`);
      return;
    }
    setError(undefined);
    onApply(
      {
        datastreamIds: mode === "pick" ? chosen.map((c) => c.id) : [],
        pattern: mode === "pattern" ? pattern.trim() : "",
        from: fromDate.toISOString(),
        to: toDate.toISOString(),
        filter: mode === "pick" ? formatValueFilters(checked.filters) : "",
      },
      mode === "pick" ? chosen : [],
    );
  };

  return (
    <section aria-label="What to show" className="space-y-4 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <fieldset className="flex gap-3 text-sm">
            <legend className="sr-only">Choose datastreams by</legend>
            {(["pick", "pattern"] as const).map((m) => (
              <label key={m} className="inline-flex items-center gap-1.5">
                <input type="radio" name="choose-by" checked={mode === m} onChange={() => setMode(m)} />
                {m === "pick" ? "Search" : "Pattern (*)"}
              </label>
            ))}
          </fieldset>
          {mode === "pick" ? (
            <>
              <div className="relative">
                <Search className="absolute top-2.5 left-2 size-4 text-slate-400" aria-hidden />
                <Input
                  aria-label="Find datastreams"
                  className="pl-8"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  placeholder="Find datastreams by part of a name"
                />
              </div>
              <ul className="max-h-40 overflow-y-auto rounded ring-1 ring-slate-200" aria-label="Datastreams found">
                {found.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No datastream matches</li>}
                {found.map((d) => {
                  const picked = chosen.some((c) => c.id === d.id);
                  return (
                    <li key={d.id}>
                      <label className="flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm hover:bg-slate-50">
                        <input
                          type="checkbox"
                          checked={picked}
                          onChange={() => setChosen(picked ? chosen.filter((c) => c.id !== d.id) : [...chosen, d])}
                        />
                        <span className="truncate font-mono text-xs" title={d.fullName}>
                          {d.fullName}
                        </span>
                        <span className="ml-auto text-xs text-slate-500">{d.observationType}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
              {chosen.length > 0 && (
                <ul className="flex flex-wrap gap-1.5" aria-label="Chosen datastreams">
                  {chosen.map((c) => (
                    <li key={c.id} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs">
                      <span className="font-mono" title={c.fullName}>
                        {c.name}
                      </span>
                      <button
                        type="button"
                        aria-label={`Remove ${c.name}`}
                        onClick={() => setChosen(chosen.filter((x) => x.id !== c.id))}
                      >
                        <X className="size-3" />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <Field label="Pattern" hint="* stands for one level, a final * for the rest, e.g. cz.icecars.*.*.Car1.*">
              <Input value={pattern} onChange={(e) => setPattern(e.target.value)} className="font-mono" />
            </Field>
          )}
        </div>
        <div className="space-y-3">
          <fieldset className="flex flex-wrap gap-1.5">
            <legend className="sr-only">Ranges</legend>
            {TIME_RANGE_PRESETS.map((p) => (
              <Button key={p.label} type="button" variant="secondary" size="sm" onClick={() => preset(p)}>
                {p.label}
              </Button>
            ))}
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            <Field label="From" hint={`Your time zone, ${zone()}`}>
              <Input type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field label="To" hint="Exclusive">
              <Input type="datetime-local" step={1} value={to} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </div>
          {mode === "pick" && chosen.some(numeric) && (
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-slate-700">Only values between (optional)</legend>
              {chosen.filter(numeric).map((c) => (
                <div key={c.id} className="flex items-center gap-2 text-sm">
                  <span className="w-40 truncate font-mono text-xs" title={c.fullName}>
                    {c.name}
                  </span>
                  <Input
                    aria-label={`Minimum of ${c.name}`}
                    className="w-24"
                    inputMode="decimal"
                    value={filters[c.id]?.min ?? ""}
                    onChange={(e) =>
                      setFilters({ ...filters, [c.id]: { max: "", ...filters[c.id], min: e.target.value } })
                    }
                  />
                  <span aria-hidden>–</span>
                  <Input
                    aria-label={`Maximum of ${c.name}`}
                    className="w-24"
                    inputMode="decimal"
                    value={filters[c.id]?.max ?? ""}
                    onChange={(e) =>
                      setFilters({ ...filters, [c.id]: { min: "", ...filters[c.id], max: e.target.value } })
                    }
                  />
                  {c.unitSymbol && <span className="text-xs text-slate-500">{c.unitSymbol}</span>}
                </div>
              ))}
            </fieldset>
          )}
        </div>
      </div>
      <div className="flex items-center justify-end gap-3">
        {error && (
          <p className="text-sm text-red-700" role="alert">
            {error}
          </p>
        )}
        <Button onClick={apply}>Show</Button>
      </div>
    </section>
  );
}
