"use client";
import { useMutation } from "@tanstack/react-query";
import { FileUp, FlaskConical, Upload } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect, Textarea } from "@/components/ui/input";
import { type ImportFormatChoice, ImportProblem, postImport } from "@/lib/metadata-io/post-import";
import type { ImportPlanView } from "@/lib/metadata-io/schemas";
import { describeCounts, ImportPlanDetails } from "./import-plan-view";

/** Past this, the text area shows a note instead of the file (a browser text area with megabytes is slow). */
const MAX_SHOWN_CHARS = 200_000;

function Problem({ error }: { error: Error }) {
  const fields = error instanceof ImportProblem ? Object.entries(error.errors) : [];
  return (
    <Alert tone="error" title={fields.length > 0 ? "The import was refused" : error.message}>
      {fields.length > 0 && (
        <ul className="space-y-1">
          {fields.map(([path, messages]) => (
            <li key={path}>
              <code className="font-mono text-xs break-all">{path}</code>: {messages.join("; ")}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * Import a metadata file: upload or paste it, choose the format or let it be detected, see the dry run's plan, then
 * apply it. The file goes to the REST API (not a server action) because files can be megabytes.
 */
export function ImportPanel({
  systemId,
  systemName,
  datastreamsHref,
}: {
  systemId: string;
  systemName: string;
  datastreamsHref: string;
}) {
  const router = useRouter();
  const fileId = useId();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<ImportFormatChoice>("auto");
  const [plan, setPlan] = useState<ImportPlanView | null>(null);
  const [applied, setApplied] = useState<ImportPlanView | null>(null);

  const dryRun = useMutation({
    mutationFn: () => postImport({ systemId, text, format, dryRun: true }),
    onSuccess: (result) => {
      setPlan(result);
      setApplied(null);
    },
  });
  const apply = useMutation({
    mutationFn: () => postImport({ systemId, text, format, dryRun: false }),
    onSuccess: (result) => {
      setApplied(result);
      setPlan(null);
      toast.success("Import applied");
      router.refresh();
    },
  });

  // Any change to the input makes the plan stale: it must be run again before applying.
  const changeInput = (next: string, name: string | null) => {
    setText(next);
    setFileName(name);
    setPlan(null);
    setApplied(null);
    dryRun.reset();
    apply.reset();
  };
  const changes = plan ? describeCounts(plan.summary, "create") || describeCounts(plan.summary, "update") : undefined;
  const blocked = !plan || plan.errors.length > 0 || !changes;

  return (
    <div className="space-y-5">
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-3 lg:col-span-2">
          <div className="flex flex-wrap items-center gap-3">
            <label
              htmlFor={fileId}
              className="inline-flex h-9 cursor-pointer items-center gap-1.5 rounded-md bg-white px-3.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              <FileUp className="size-4" aria-hidden /> Choose a file…
            </label>
            <input
              id={fileId}
              type="file"
              aria-label="Metadata file"
              accept=".json,.yaml,.yml,application/json,application/yaml"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) changeInput(await file.text(), file.name);
                e.target.value = "";
              }}
            />
            <span className="text-sm text-slate-500">
              {fileName ? (
                <>
                  <span className="font-medium text-slate-800">{fileName}</span> ({Math.ceil(text.length / 1024)} KB)
                </>
              ) : (
                "or paste the file below"
              )}
            </span>
          </div>
          {text.length > MAX_SHOWN_CHARS ? (
            <div className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-6 text-sm text-slate-600 ring-1 ring-slate-200">
              The file is too large to show here; it is ready to import.
              <Button variant="ghost" size="sm" onClick={() => changeInput("", null)}>
                Clear
              </Button>
            </div>
          ) : (
            <Textarea
              aria-label="Metadata document"
              rows={12}
              className="font-mono text-xs"
              spellCheck={false}
              placeholder={
                '{ "Things": { … }, "Sensors": { … }, "Datastreams": { … } }\n\nor\n\nrhei: 1\nthings:\n  - name: Main\n…'
              }
              value={text}
              onChange={(e) => changeInput(e.target.value, null)}
            />
          )}
        </div>
        <div className="space-y-3 text-sm text-slate-600">
          <label className="block space-y-1">
            <span className="font-medium text-slate-700">Format</span>
            <NativeSelect
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as ImportFormatChoice);
                setPlan(null);
              }}
            >
              <option value="auto">Detect from the file</option>
              <option value="reference">Reference platform (instances.json)</option>
              <option value="rhei">Rhei (YAML or JSON)</option>
            </NativeSelect>
          </label>
          <p>
            The reference platform's <code className="font-mono text-xs">instances.json</code> (Things, Sensors,
            Datastreams), or Rhei's own YAML or JSON export. Importing is idempotent: what exists unchanged stays as it
            is, and nothing is deleted.
          </p>
          <Button
            className="w-full"
            onClick={() => dryRun.mutate()}
            pending={dryRun.isPending}
            disabled={!text.trim() || apply.isPending}
          >
            <FlaskConical className="size-4" aria-hidden /> Dry run
          </Button>
        </div>
      </div>

      {dryRun.error && <Problem error={dryRun.error} />}
      {plan && (
        <section className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200" aria-label="Import plan">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h3 className="text-base font-semibold text-slate-900">Plan for {systemName}</h3>
              <p className="text-sm text-slate-500">
                Dry run of a {plan.format === "reference" ? "reference instances.json" : "Rhei"} file: nothing has
                changed yet.
              </p>
            </div>
            <div className="flex flex-col items-end gap-1">
              <Button onClick={() => apply.mutate()} pending={apply.isPending} disabled={blocked}>
                <Upload className="size-4" aria-hidden /> Apply import
              </Button>
              {plan.errors.length > 0 ? (
                <span className="text-xs text-red-700">Fix the errors first</span>
              ) : (
                !changes && <span className="text-xs text-slate-500">Nothing to change</span>
              )}
            </div>
          </div>
          <ImportPlanDetails plan={plan} />
        </section>
      )}
      {apply.error && <Problem error={apply.error} />}
      {applied && (
        <Alert tone="success" title={`Imported into ${systemName}`}>
          <p data-testid="import-result">
            {describeCounts(applied.summary, "create") ?? "Nothing"} created
            {describeCounts(applied.summary, "update") && `; ${describeCounts(applied.summary, "update")} updated`}
            {describeCounts(applied.summary, "unchanged") &&
              `; ${describeCounts(applied.summary, "unchanged")} unchanged`}
            .{" "}
            <Link href={datastreamsHref} className="font-medium underline">
              See the datastreams
            </Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
