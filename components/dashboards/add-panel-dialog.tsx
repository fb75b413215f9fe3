"use client";
import { Plus, Search } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type Panel, type PanelKind, panelSchema, windowChoices } from "@/lib/dashboards/schemas";
import type { DatastreamChoice } from "@/lib/datastreams/find-company-datastreams";

const kindLabels: Record<PanelKind, string> = {
  line: "Line chart (Measurement, Count)",
  state: "State timeline (Truth, Category)",
  value: "Last value",
  table: "Recent records",
  position: "Position (latitude, longitude)",
};

const windowLabel = (s: number) => (s < 3600 ? `${s / 60} min` : `${s / 3600} h`);

/** Adds a panel: its kind, datastreams (searched by name), a path for JSON results, and its window. */
export function AddPanelDialog({
  find,
  onAdd,
  nextY,
}: {
  find: (q: string) => Promise<ActionResult<DatastreamChoice[]>>;
  onAdd: (panel: Panel, datastreams: DatastreamChoice[]) => void;
  nextY: number;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<PanelKind>("line");
  const [title, setTitle] = useState("");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<DatastreamChoice[]>([]);
  const [chosen, setChosen] = useState<DatastreamChoice[]>([]);
  const [path, setPath] = useState("");
  const [windowSeconds, setWindowSeconds] = useState(900);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!open) return;
    const t = setTimeout(() => {
      void find(q).then((r) => setFound(r.ok ? r.data : []));
    }, 200);
    return () => clearTimeout(t);
  }, [q, open, find]);
  const add = () => {
    const panel = {
      id: `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      kind,
      title: title.trim() || chosen.map((c) => c.name).join(", ") || kindLabels[kind],
      streams: chosen.map((c) => (path.trim() ? { datastreamId: c.id, path: path.trim() } : { datastreamId: c.id })),
      windowSeconds,
      layout: { x: 0, y: nextY, w: kind === "value" ? 4 : 6, h: kind === "value" ? 2 : 4 },
    };
    const parsed = panelSchema.safeParse(panel);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join("; "));
      return;
    }
    onAdd(parsed.data, chosen);
    setOpen(false);
    setChosen([]);
    setTitle("");
    setPath("");
    setError(undefined);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Add a panel"
      trigger={
        <Button variant="secondary">
          <Plus className="size-4" aria-hidden /> Add panel
        </Button>
      }
    >
      <div className="space-y-3">
        <Field label="Kind">
          <NativeSelect value={kind} onChange={(e) => setKind(e.target.value as PanelKind)}>
            {Object.entries(kindLabels).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Title" hint="Leave empty to name it after its datastreams">
          <Input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <div className="space-y-1">
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
          <p className="text-xs text-slate-500">
            {kind === "position" ? "Choose latitude first, then longitude" : "Up to 8"}
          </p>
        </div>
        <ul className="max-h-48 overflow-y-auto rounded ring-1 ring-slate-200" aria-label="Datastreams found">
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
        {chosen.some((c) => c.observationType === "Observation") && (
          <Field label="Path inside the result" hint="For JSON results, e.g. $.temperature">
            <Input value={path} onChange={(e) => setPath(e.target.value)} />
          </Field>
        )}
        <Field label="Window">
          <NativeSelect value={windowSeconds} onChange={(e) => setWindowSeconds(Number(e.target.value))}>
            {windowChoices.map((w) => (
              <option key={w} value={w}>
                last {windowLabel(w)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {error && <p className="text-sm text-red-700">{error}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={add} disabled={chosen.length === 0}>
            Add panel
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
