"use client";
import { Check, X } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import type { DraftTest } from "@/lib/stream-apps/test-stream-app-draft";

type Row = DraftTest["records"][number];

/** A draft's test: each recent record, whether it passes, and why (or why not). */
export function TestResults({ result }: { result: DraftTest }) {
  const passed = result.records.filter((r) => r.selected).length;
  const columns: StaticColumn<Row>[] = [
    {
      header: "Passes",
      srOnlyHeader: true,
      cell: (r) =>
        r.selected ? (
          <Check className="size-4 text-emerald-600" aria-label="passes" />
        ) : (
          <X className="size-4 text-slate-400" aria-label="does not pass" />
        ),
    },
    { header: "Phenomenon time", className: "whitespace-nowrap font-mono", cell: (r) => r.phenomenonTime },
    { header: "Datastream", className: "min-w-32", cell: (r) => r.name.split(".").slice(4).join(".") },
    { header: "Result", className: "whitespace-nowrap font-mono", cell: (r) => r.result },
    {
      header: "Why",
      cell: (r) => <span className={r.selected ? "text-emerald-800" : "text-slate-600"}>{r.reason}</span>,
    },
  ];
  return (
    <Card>
      <CardHeader
        title="Test on recent records"
        description={`${result.read} read from the sources' newest records; ${result.records.length} shown, ${passed} pass.${
          result.withheld > 0 ? ` ${result.withheld} not covered by a grant (not shown).` : ""
        }`}
      />
      <CardBody className="space-y-3">
        {result.unavailable && <Alert tone="warning">Nothing could be read: {result.unavailable}</Alert>}
        {result.rejected.length > 0 && (
          <Alert tone="warning" title={`${result.rejected.length} record(s) could not be decoded`}>
            {result.rejected[0]?.reason}
          </Alert>
        )}
        {result.records.length === 0 && !result.unavailable ? (
          <p className="text-sm text-slate-500">The sources hold no recent records yet.</p>
        ) : (
          <StaticTable
            label="Test results"
            density="compact"
            columns={columns}
            rows={result.records}
            rowKey={(r) => `${r.topic}#${r.partition}@${r.offset}`}
            rowProps={(r) => ({ "data-selected": String(r.selected) })}
          />
        )}
      </CardBody>
    </Card>
  );
}
