"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { StaticTable } from "@/components/ui/static-table";
import type { ImportPlanView } from "@/lib/metadata-io/schemas";
import { cn } from "@/lib/ui/cn";
import { plural } from "@/lib/ui/format";

type Kind = keyof ImportPlanView["summary"];
type Action = "create" | "update" | "unchanged";

export const kindLabels: Record<Kind, [one: string, many: string]> = {
  thing: ["thing", "things"],
  sensor: ["sensor", "sensors"],
  observedProperty: ["observed property", "observed properties"],
  datastream: ["datastream", "datastreams"],
};

const kinds = Object.keys(kindLabels) as Kind[];
const actionTone: Record<Action, BadgeTone> = { create: "green", update: "amber", unchanged: "neutral" };
/** Rows drawn at most; a 10,000-datastream plan stays a summary plus its first rows. */
const MAX_ROWS = 1000;

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const count = (n: number, kind: Kind) => `${n} ${kindLabels[kind][n === 1 ? 0 : 1]}`;

/** "1 thing, 3 sensors and 5 datastreams" for one action, or undefined when there are none. */
export function describeCounts(summary: ImportPlanView["summary"], action: Action): string | undefined {
  const parts = kinds.filter((k) => summary[k][action] > 0).map((k) => count(summary[k][action], k));
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A dry run's plan: counts, errors and warnings with their paths, and each entity with what would happen to it. */
export function ImportPlanDetails({ plan }: { plan: ImportPlanView }) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = plan.items.filter((i) => showUnchanged || i.action !== "unchanged");
  const shown = rows.slice(0, MAX_ROWS);
  const unchanged = plan.items.length - plan.items.filter((i) => i.action !== "unchanged").length;
  const sentence = (["create", "update", "unchanged"] as const)
    .map((a) => {
      const what = describeCounts(plan.summary, a);
      return what && `${what} ${a === "unchanged" ? "unchanged" : `to ${a}`}`;
    })
    .filter(Boolean)
    .join("; ");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-800" data-testid="import-plan-sentence">
        {sentence || "The file holds nothing to import."}
      </p>
      <table className="text-sm" aria-label="Import summary">
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="pr-6 pb-1 font-medium">
              <span className="sr-only">Kind</span>
            </th>
            <th scope="col" className="pr-6 pb-1 font-medium">
              Create
            </th>
            <th scope="col" className="pr-6 pb-1 font-medium">
              Update
            </th>
            <th scope="col" className="pb-1 font-medium">
              Unchanged
            </th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k}>
              <th scope="row" className="pr-6 text-left font-normal text-slate-600">
                {sentenceCase(kindLabels[k][1])}
              </th>
              <td
                className={cn("pr-6", plan.summary[k].create > 0 ? "font-medium text-emerald-700" : "text-slate-400")}
              >
                {plan.summary[k].create}
              </td>
              <td className={cn("pr-6", plan.summary[k].update > 0 ? "font-medium text-amber-700" : "text-slate-400")}>
                {plan.summary[k].update}
              </td>
              <td className={plan.summary[k].unchanged > 0 ? "text-slate-700" : "text-slate-400"}>
                {plan.summary[k].unchanged}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {plan.errors.length > 0 && (
        <Alert tone="error" title={`${plural(plan.errors.length, "error")}: fix the file, then run the dry run again`}>
          <ul className="mt-1 space-y-1" aria-label="Import errors">
            {plan.errors.map((e) => (
              <li key={`${e.path}: ${e.message}`}>
                <code className="font-mono text-xs break-all">{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {plan.warnings.length > 0 && (
        <Alert tone="warning" title={plural(plan.warnings.length, "warning")}>
          <ul className="mt-1 space-y-1" aria-label="Import warnings">
            {plan.warnings.map((w) => (
              <li key={`${w.path}: ${w.message}`}>
                <code className="font-mono text-xs break-all">{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      {plan.items.length > 0 && (
        <div className="space-y-2">
          {unchanged > 0 && (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />
              Show the {unchanged} unchanged
            </label>
          )}
          {rows.length > 0 && (
            <StaticTable
              label="Import plan"
              density="compact"
              className="rounded-lg ring-1 ring-slate-200"
              bodyClassName="bg-white"
              rows={shown}
              // A file may name an entity twice (the plan's errors say so): the path tells the rows apart.
              rowKey={(item) => `${item.kind}:${item.name}:${item.at}`}
              columns={[
                {
                  header: "Kind",
                  className: "whitespace-nowrap text-slate-600",
                  cell: (item) => kindLabels[item.kind][0],
                },
                { header: "Name", className: "break-all text-slate-900", cell: (item) => item.name },
                {
                  header: "Action",
                  className: "whitespace-nowrap",
                  cell: (item) => (
                    <>
                      <Badge tone={actionTone[item.action]}>{item.action}</Badge>
                      {item.schemaVersion !== undefined && item.action === "update" && (
                        <span className="ml-1 text-xs text-slate-500">→ schema v{item.schemaVersion}</span>
                      )}
                    </>
                  ),
                },
                {
                  header: "Changes",
                  className: "text-xs text-slate-700",
                  cell: (item) =>
                    item.changes?.map((c) => (
                      <div key={c.field} className="break-all">
                        <span className="font-medium">{c.field}</span>:{" "}
                        <span className="text-red-700 line-through">{show(c.from)}</span> →{" "}
                        <span className="text-emerald-700">{show(c.to)}</span>
                      </div>
                    )),
                },
              ]}
            />
          )}
          {rows.length > shown.length && (
            <p className="text-xs text-slate-500">
              The first {shown.length} of {rows.length} rows; the counts above cover them all.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
