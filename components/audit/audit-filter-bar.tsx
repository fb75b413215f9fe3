"use client";
import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useListParams } from "@/components/data-table/use-list-params";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";

/** The filters as the URL holds them (times as ISO 8601 UTC). */
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  targetType?: string;
  target?: string;
  from?: string;
  to?: string;
}

type Draft = Required<AuditFilterValues>;
const KEYS = ["actor", "action", "targetType", "target", "from", "to"] as const;

// <input type="datetime-local"> speaks `2026-11-25T10:00` without a zone; the audit log reads it as UTC.
const toLocalInput = (iso?: string) => (iso ? new Date(iso).toISOString().slice(0, 16) : "");
const fromLocalInput = (value: string) => (value ? `${value}:00Z` : undefined);

function toDraft(v: AuditFilterValues): Draft {
  return {
    actor: v.actor ?? "",
    action: v.action ?? "",
    targetType: v.targetType ?? "",
    target: v.target ?? "",
    from: toLocalInput(v.from),
    to: toLocalInput(v.to),
  };
}

const keyOf = (d: Draft) => JSON.stringify(KEYS.map((k) => d[k].trim()));

/** Action suggestions: every action seen in this company's log, and each family (`client.`) they belong to. */
function actionSuggestions(actions: string[]): string[] {
  const families = actions.map((a) => a.slice(0, a.indexOf(".") + 1)).filter((p) => p.length > 1);
  return [...new Set([...families, ...actions])].sort();
}

/**
 * The audit log's filter bar. What is typed goes into the URL after a pause, so the server renders the filtered page
 * and the URL can be shared or bookmarked; the CSV export reads the same parameters.
 */
export function AuditFilterBar({
  values,
  facets,
}: {
  values: AuditFilterValues;
  facets: { actions: string[]; targetTypes: string[] };
}) {
  const { update } = useListParams();
  const [draft, setDraft] = useState<Draft>(() => toDraft(values));
  const listId = useId();
  // What this bar last put into the URL: when the server answers with it, keep typing undisturbed; anything else
  // (Clear, the back button) resets the fields.
  const sent = useRef(keyOf(toDraft(values)));
  const incoming = keyOf(toDraft(values));
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    if (incoming !== sent.current) {
      sent.current = incoming;
      setDraft(toDraft(latest.current));
    }
  }, [incoming]);

  useEffect(() => {
    const next = keyOf(draft);
    if (next === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = next;
      update({
        actor: draft.actor.trim() || undefined,
        action: draft.action.trim() || undefined,
        targetType: draft.targetType || undefined,
        target: draft.target.trim() || undefined,
        from: fromLocalInput(draft.from),
        to: fromLocalInput(draft.to),
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [draft, update]);

  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const active = KEYS.some((k) => draft[k] !== "");

  return (
    <search className="mb-4 rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-label="Filter the audit log">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(6,minmax(0,1fr))_auto] lg:items-end">
        <Field label="Actor">
          <Input type="search" placeholder="e.g. ada@" value={draft.actor} onChange={set("actor")} />
        </Field>
        <Field label="Action">
          <Input
            type="search"
            placeholder="e.g. client."
            list={listId}
            value={draft.action}
            onChange={set("action")}
            autoComplete="off"
          />
        </Field>
        <datalist id={listId}>
          {actionSuggestions(facets.actions).map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field label="Object type">
          <NativeSelect value={draft.targetType} onChange={set("targetType")}>
            <option value="">Any</option>
            {[...new Set([...facets.targetTypes, ...(draft.targetType ? [draft.targetType] : [])])].map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Object">
          <Input type="search" placeholder="id or name" value={draft.target} onChange={set("target")} />
        </Field>
        <Field label="From (UTC)">
          <Input type="datetime-local" value={draft.from} onChange={set("from")} />
        </Field>
        <Field label="To (UTC)">
          <Input type="datetime-local" value={draft.to} onChange={set("to")} />
        </Field>
        <Button variant="ghost" className="justify-self-start" disabled={!active} onClick={() => setDraft(toDraft({}))}>
          <X className="size-4" aria-hidden /> Clear
        </Button>
      </div>
    </search>
  );
}
