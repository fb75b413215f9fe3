"use client";
import { FlaskConical, Save } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import type { Diagnostic } from "@/lib/filter-language";
import type { DraftCheck } from "@/lib/stream-apps/check-stream-app-draft";
import { APP_NAME_RULE, createStreamAppSchema, type DraftInput, type TestDraftInput } from "@/lib/stream-apps/schemas";
import type { DraftTest } from "@/lib/stream-apps/test-stream-app-draft";
import { QueryEditor } from "./query-editor";
import { TestResults } from "./test-results";
import { type SavedApp, useAppSaved } from "./use-app-saved";

export interface EditorValues {
  name: string;
  description: string;
  targetSystemId: string;
  query: string;
}

/**
 * Writing a stream app: name (new apps only), target system, description and the query. The query is checked as you
 * type against the systems your company owns or was granted (errors and warnings at their place); "Test" runs it
 * on the sources' newest records and shows which pass and why the others do not. Saving an existing app makes a
 * new version, which a running app switches to without losing its place.
 */
export function StreamAppEditor({
  mode,
  initial,
  systems,
  check,
  test,
  save,
}: {
  mode: "create" | "edit";
  initial: EditorValues;
  systems: { id: string; name: string }[];
  check: (input: DraftInput) => Promise<ActionResult<DraftCheck>>;
  test: (input: TestDraftInput) => Promise<ActionResult<DraftTest>>;
  save: (values: EditorValues) => Promise<ActionResult<SavedApp>>;
}) {
  const onSaved = useAppSaved(mode, "Stream app");
  // In edit mode the name cannot change: any valid name satisfies the schema, and the server ignores it.
  const { form, submit } = useActionForm({
    schema: createStreamAppSchema,
    defaultValues: { ...initial, kind: "filter" },
    action: (values) => save({ ...values, query: values.query ?? "" }),
    onSuccess: onSaved,
  });
  const { errors, isSubmitting } = form.formState;
  const query = form.watch("query") ?? "";
  const targetSystemId = form.watch("targetSystemId") ?? "";
  const [checked, setChecked] = useState<{ errors: Diagnostic[]; warnings: Diagnostic[]; summary?: DraftCheck }>({
    errors: [],
    warnings: [],
  });
  const [checking, setChecking] = useState(false);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<DraftTest | undefined>();

  // Check as the query or target changes, half a second after the last keystroke.
  useEffect(() => {
    if (!query.trim() || !targetSystemId) return;
    let current = true;
    setChecking(true);
    const timer = setTimeout(async () => {
      const result = await check({ query, targetSystemId });
      if (!current) return;
      setChecking(false);
      if (result.ok) setChecked({ errors: result.data.errors, warnings: result.data.warnings, summary: result.data });
      else setChecked({ errors: [], warnings: [], summary: undefined });
    }, 500);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, targetSystemId, check]);

  const runTest = async () => {
    setTesting(true);
    const result = await test({ query, targetSystemId, perPartition: 50 });
    setTesting(false);
    if (!result.ok) toast.error(result.error);
    else setTested(result.data);
  };

  const summary = checked.summary;
  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3" noValidate>
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader
            title="Query"
            description="SELECT * FROM <systems> WHERE <condition>: see the filter language's reference (docs/filter-language.md)."
          />
          <CardBody className="space-y-3">
            <QueryEditor
              value={query}
              onChange={(v) => form.setValue("query", v, { shouldDirty: true })}
              errors={checked.errors}
              warnings={checked.warnings}
              checking={checking}
              invalid={Boolean(errors.query)}
            />
            {errors.query?.message && (
              <p className="text-xs text-red-600" role="alert">
                {errors.query.message}
              </p>
            )}
            {summary && summary.errors.length === 0 && (
              <p className="text-xs text-slate-600" data-testid="query-summary">
                Reads {summary.sources.length === 0 ? "no system" : summary.sources.map((s) => s.name).join(", ")}
                {summary.sources.some((s) => !s.own) && " (some under grants)"}; can select {summary.selectCount}{" "}
                datastream{summary.selectCount === 1 ? "" : "s"}.
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                variant="secondary"
                onClick={runTest}
                pending={testing}
                disabled={!query.trim() || !targetSystemId}
              >
                <FlaskConical className="size-4" aria-hidden /> Test on recent records
              </Button>
            </div>
          </CardBody>
        </Card>
        {tested && <TestResults result={tested} />}
      </div>
      <div className="space-y-6">
        <Card>
          <CardHeader title={mode === "create" ? "New stream app" : "Stream app"} />
          <CardBody className="space-y-4">
            {mode === "create" && (
              <Field label="Name" hint={APP_NAME_RULE} error={errors.name?.message}>
                <Input autoComplete="off" {...form.register("name")} />
              </Field>
            )}
            <Field
              label="Target system"
              hint="Selected records go into its .ext topic"
              error={errors.targetSystemId?.message}
            >
              <NativeSelect {...form.register("targetSystemId")}>
                <option value="">Choose a system…</option>
                {systems.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Description" error={errors.description?.message}>
              <Textarea rows={2} {...form.register("description")} />
            </Field>
            {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
            <Button type="submit" pending={isSubmitting} disabled={checked.errors.length > 0}>
              <Save className="size-4" aria-hidden /> {mode === "create" ? "Create stream app" : "Save new version"}
            </Button>
          </CardBody>
        </Card>
      </div>
    </form>
  );
}
