"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { StaticTable } from "@/components/ui/static-table";
import type { ClusterGroup } from "@/lib/cluster/describe-company-cluster";
import type { OffsetResetPosition } from "@/lib/kafka/consumer-groups";
import { formatCount, plural } from "@/lib/ui/format";
import type { PreviewAction, ResetAction } from "./groups-list";

type To = "start" | "end" | "time";

/** Reset a stopped group's offsets: choose where, see the new positions, then confirm. */
export function OffsetResetDialog({
  group,
  preview,
  reset,
}: {
  group: ClusterGroup;
  preview: PreviewAction;
  reset: ResetAction;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<To>("start");
  const [at, setAt] = useState("");
  const [positions, setPositions] = useState<OffsetResetPosition[] | null>(null);
  const [error, setError] = useState<{ message: string; at?: string } | null>(null);
  const [busy, setBusy] = useState<"preview" | "reset" | null>(null);

  const input = () => ({
    groupId: group.groupId,
    to,
    at: to === "time" && at ? new Date(at).toISOString() : undefined,
  });
  const choose = (next: To) => {
    setTo(next);
    setPositions(null);
    setError(null);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setPositions(null);
          setError(null);
        }
      }}
      title="Reset a consumer group's offsets"
      description={
        <>
          Moves where <code className="font-mono text-xs break-all text-slate-700">{group.groupId}</code> resumes
          reading, on every partition of this company's topics it has read. Its consumers must be stopped.
        </>
      }
      className="max-w-2xl"
      trigger={
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Reset the offsets of ${group.groupId}`}
          disabled={!group.stopped}
          title={group.stopped ? undefined : "Stop the group's consumers first"}
        >
          Reset offsets
        </Button>
      }
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Move the group to</legend>
        {(
          [
            ["start", "the start (re-read everything still held)"],
            ["end", "the end (skip everything held now)"],
            ["time", "a point in time"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="to" value={value} checked={to === value} onChange={() => choose(value)} />
            {label}
          </label>
        ))}
        {to === "time" && (
          <Field label="Time (your local time)" error={error?.at}>
            <Input
              type="datetime-local"
              step={1}
              value={at}
              onChange={(e) => {
                setAt(e.target.value);
                setPositions(null);
              }}
            />
          </Field>
        )}
      </fieldset>

      {error && !error.at && (
        <Alert tone="error" className="mt-4">
          {error.message}
        </Alert>
      )}

      {positions && (
        <StaticTable
          label="New positions"
          density="dense"
          className="mt-4 max-h-64 overflow-y-auto rounded-md ring-1 ring-slate-200"
          headClassName="sticky top-0 bg-slate-50 text-left text-slate-600"
          bodyClassName="divide-y-0 font-mono tabular-nums"
          rows={positions}
          rowKey={(p) => `${p.topic}:${p.partition}`}
          columns={[
            { header: "topic", className: "break-all", cell: (p) => p.topic },
            { header: "#", cell: (p) => p.partition },
            {
              header: "now",
              className: "text-right",
              cell: (p) => (p.current === null ? "—" : formatCount(p.current)),
            },
            { header: "after", className: "text-right font-semibold", cell: (p) => formatCount(p.target) },
          ]}
        />
      )}

      <div className="mt-6 flex justify-end gap-2">
        <Button
          variant="secondary"
          pending={busy === "preview"}
          onClick={async () => {
            setBusy("preview");
            setError(null);
            const result = await preview(input());
            setBusy(null);
            if (result.ok) setPositions(result.data.positions);
            else setError({ message: result.error, at: result.fieldErrors?.at?.[0] });
          }}
        >
          Preview
        </Button>
        <Button
          variant="danger"
          disabled={!positions}
          pending={busy === "reset"}
          onClick={async () => {
            setBusy("reset");
            const result = await reset(input());
            setBusy(null);
            if (!result.ok) {
              setError({ message: result.error, at: result.fieldErrors?.at?.[0] });
              return;
            }
            toast.success(`${group.groupId} moved on ${plural(result.data.positions.length, "partition")}`);
            setOpen(false);
            router.refresh();
          }}
        >
          Reset offsets
        </Button>
      </div>
    </Dialog>
  );
}
