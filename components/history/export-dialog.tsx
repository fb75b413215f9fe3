"use client";
import { Download } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { historyPath, type Selection, selectionParams } from "@/lib/history-client/history-api";
import { problemOf } from "@/lib/ui/api-fetch";

type Format = "csv" | "json" | "ndjson";

const labels: Record<Format, string> = {
  csv: "CSV (a column per datastream, unit and type in the header)",
  json: "JSON (records with range, datastreams and counts)",
  ndjson: "NDJSON (one record per line)",
};

/**
 * Exports exactly the selected records (datastreams, range, value filters). The server streams the file; this
 * shows how much has come (of the count) and can cancel, which stops the read on the server too. Very large
 * exports: the direct link saves straight to disk, or use the API or `npx rhei export`.
 */
export function ExportDialog({
  companyId,
  selection,
  count,
}: {
  companyId: string;
  selection: Selection;
  count: { value: number; exact: boolean } | undefined;
}) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>("csv");
  const [delimiter, setDelimiter] = useState<"comma" | "semicolon" | "tab">("comma");
  const [running, setRunning] = useState(false);
  const [received, setReceived] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const href = historyPath(companyId, "export", {
    ...selectionParams(selection),
    format,
    ...(format === "csv" ? { delimiter } : {}),
  });

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setReceived(0);
    try {
      const response = await fetch(href, { signal: abort.signal });
      if (!response.ok || !response.body) throw await problemOf(response, "The export failed");
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines++;
        setReceived(format === "ndjson" ? lines : Math.max(0, lines - 1));
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `export.${format}`;
      const url = URL.createObjectURL(
        new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      toast.success(`Exported ${name}`);
      setOpen(false);
    } catch (error) {
      if (abort.signal.aborted) toast.info("Export cancelled");
      else toast.error(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
      controller.current = undefined;
    }
  };

  const total = count?.value ?? 0;
  const share = total > 0 ? Math.min(1, received / total) : 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) controller.current?.abort();
        setOpen(next);
      }}
      title="Export records"
      description="Exactly the records selected: these datastreams, this range, these value filters, in phenomenon-time order."
      trigger={
        <Button variant="secondary">
          <Download className="size-4" aria-hidden /> Export
        </Button>
      }
    >
      <div className="space-y-4">
        <Field label="Format">
          <NativeSelect value={format} onChange={(e) => setFormat(e.target.value as Format)} disabled={running}>
            {(Object.keys(labels) as Format[]).map((f) => (
              <option key={f} value={f}>
                {labels[f]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {format === "csv" && (
          <Field label="Delimiter">
            <NativeSelect
              value={delimiter}
              onChange={(e) => setDelimiter(e.target.value as typeof delimiter)}
              disabled={running}
            >
              <option value="comma">Comma ,</option>
              <option value="semicolon">Semicolon ;</option>
              <option value="tab">Tab</option>
            </NativeSelect>
          </Field>
        )}
        {running && (
          <div className="space-y-1" aria-live="polite">
            <div
              className="h-2 overflow-hidden rounded bg-slate-100"
              role="progressbar"
              aria-valuenow={Math.round(share * 100)}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-label="Export progress"
            >
              <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${share * 100}%` }} />
            </div>
            <p className="text-xs text-slate-600" data-testid="export-progress">
              {received.toLocaleString()} of {count?.exact ? "" : "≈ "}
              {total.toLocaleString()} records
            </p>
          </div>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <a className="text-sm text-brand-700 underline" href={href} download>
            Direct download link
          </a>
          <div className="flex gap-2">
            {running ? (
              <Button variant="secondary" onClick={() => controller.current?.abort()}>
                Cancel
              </Button>
            ) : (
              <Button onClick={() => void start()}>Download</Button>
            )}
          </div>
        </div>
      </div>
    </Dialog>
  );
}
