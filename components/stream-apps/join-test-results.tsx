"use client";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { type StaticColumn, StaticTable } from "@/components/ui/static-table";
import type { JoinDraftTest } from "@/lib/stream-apps/test-join-draft";

type Row = JoinDraftTest["pairs"][number];

const outcomeWords: Record<Row["outcome"], string> = {
  written: "written",
  where: "left out by WHERE",
  "no-value": "no value",
};

/** A join draft's test: the pairs over the inputs' newest records, newest first, with their output values. */
export function JoinTestResults({ result }: { result: JoinDraftTest }) {
  const columns: StaticColumn<Row>[] = [
    { header: "Pair time", className: "whitespace-nowrap font-mono", cell: (r) => r.time },
    {
      header: "Left",
      className: "min-w-40",
      cell: (r) => `${r.left.input}: ${r.left.name.split(".").slice(4).join(".")} = ${r.left.result} @ ${r.left.time}`,
    },
    {
      header: "Right",
      className: "min-w-40",
      cell: (r) =>
        `${r.right.input}: ${r.right.name.split(".").slice(4).join(".")} = ${r.right.result} @ ${r.right.time}`,
    },
    { header: "Value", className: "whitespace-nowrap font-mono", cell: (r) => r.value ?? "–" },
    { header: "Outcome", cell: (r) => outcomeWords[r.outcome] },
  ];
  const written = result.pairs.filter((p) => p.outcome === "written").length;
  return (
    <Card>
      <CardHeader
        title="Test on recent records"
        description={`${result.read} records read; selected per input: ${result.perInput.join(", ") || "–"}; ${result.pairCount} pairs (${written} of those shown written, ${result.notSelected} left out by WHERE, ${result.noValue} without a value); ${result.late} late.`}
      />
      <CardBody className="space-y-3">
        {result.unavailable && <Alert tone="warning">Nothing could be read: {result.unavailable}</Alert>}
        {!result.check.ok && (
          <Alert tone="error" title="The join does not check">
            {result.check.errors.map((e) => e.message).join("; ")}
          </Alert>
        )}
        {result.pairs.length === 0 ? (
          !result.unavailable &&
          result.check.ok && (
            <p className="text-sm text-slate-500">
              No pairs in the inputs' newest records (nothing within the tolerance).
            </p>
          )
        ) : (
          <StaticTable
            label="Joined pairs"
            density="compact"
            columns={columns}
            rows={result.pairs}
            rowKey={(r) => `${r.left.name}@${r.left.time}+${r.right.name}@${r.right.time}`}
            rowProps={(r) => ({ "data-outcome": r.outcome })}
          />
        )}
      </CardBody>
    </Card>
  );
}
