"use client";
import { FlaskConical, Plus, Save, Trash2 } from "lucide-react";
import { useEffect, useState } from "react";
import { useFieldArray } from "react-hook-form";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import type { JoinDraftCheck } from "@/lib/stream-apps/check-join-draft";
import { joinOutputTypes, MAX_JOIN_INPUTS } from "@/lib/stream-apps/join-spec";
import {
  APP_NAME_RULE,
  type JoinAppFormInput,
  type JoinAppFormValues,
  type JoinDraftInput,
  joinAppFormSchema,
  type TestJoinDraftInput,
} from "@/lib/stream-apps/schemas";
import type { JoinDraftTest } from "@/lib/stream-apps/test-join-draft";
import { JoinTestResults } from "./join-test-results";
import { type SavedApp, useAppSaved } from "./use-app-saved";

/**
 * Declaring a join: two or more inputs (each a filter-language query over your or granted systems), the tolerance
 * (both bounds inclusive), neighbours or all within it, lateness and idleness, and the output (a value over `left`
 * and `right`, an optional WHERE, the output datastream registered in the target system). Checked as you type,
 * field by field; "Test on recent records" joins the inputs' newest records and shows the pairs and their values.
 */
export function JoinAppEditor({
  mode,
  initial,
  systems,
  check,
  test,
  save,
}: {
  mode: "create" | "edit";
  initial: JoinAppFormInput;
  systems: { id: string; name: string }[];
  check: (input: JoinDraftInput) => Promise<ActionResult<JoinDraftCheck>>;
  test: (input: TestJoinDraftInput) => Promise<ActionResult<JoinDraftTest>>;
  save: (values: JoinAppFormValues) => Promise<ActionResult<SavedApp>>;
}) {
  const onSaved = useAppSaved(mode, "Join app");
  const { form, submit } = useActionForm({
    schema: joinAppFormSchema,
    defaultValues: initial,
    action: (values) => save(values),
    onSuccess: onSaved,
  });
  const inputs = useFieldArray({ control: form.control, name: "spec.inputs" });
  const { errors, isSubmitting } = form.formState;
  const spec = form.watch("spec");
  const targetSystemId = form.watch("targetSystemId") ?? "";
  const specText = JSON.stringify(spec);
  const [checked, setChecked] = useState<JoinDraftCheck | undefined>();
  const [checking, setChecking] = useState(false);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<JoinDraftTest | undefined>();

  // Checked half a second after the last change (only once the spec itself is well-formed).
  useEffect(() => {
    const parsed = joinAppFormSchema.shape.spec.safeParse(JSON.parse(specText));
    if (!parsed.success || !targetSystemId) return;
    let current = true;
    setChecking(true);
    const timer = setTimeout(async () => {
      const result = await check({ targetSystemId, spec: parsed.data });
      if (!current) return;
      setChecking(false);
      setChecked(result.ok ? result.data : undefined);
    }, 500);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [specText, targetSystemId, check]);

  const runTest = async () => {
    const parsed = joinAppFormSchema.shape.spec.safeParse(form.getValues("spec"));
    if (!parsed.success) {
      await form.trigger("spec");
      return;
    }
    setTesting(true);
    const result = await test({ targetSystemId, spec: parsed.data, perPartition: 200 });
    setTesting(false);
    if (!result.ok) toast.error(result.error);
    else setTested(result.data);
  };

  const problems = (field: string) => checked?.fieldErrors[field]?.join("; ");
  const specErrors = errors.spec;
  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3" noValidate>
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader
            title="Inputs"
            description="Each input is a query over your company's systems or systems granted to it: SELECT * FROM <systems> WHERE <condition>."
            actions={
              <Button
                type="button"
                variant="secondary"
                disabled={inputs.fields.length >= MAX_JOIN_INPUTS}
                onClick={() =>
                  inputs.append({ name: `in${inputs.fields.length + 1}`, query: "SELECT * FROM * WHERE " })
                }
              >
                <Plus className="size-4" aria-hidden /> Add input
              </Button>
            }
          />
          <CardBody className="space-y-4">
            {inputs.fields.map((field, i) => {
              const info = checked?.inputs[i];
              return (
                <div
                  key={field.id}
                  className="grid gap-3 sm:grid-cols-[10rem_1fr_auto]"
                  data-testid={`join-input-${i}`}
                >
                  <Field label={`Input ${i + 1}`} error={specErrors?.inputs?.[i]?.name?.message}>
                    <Input autoComplete="off" {...form.register(`spec.inputs.${i}.name`)} />
                  </Field>
                  <Field
                    label="Query"
                    error={specErrors?.inputs?.[i]?.query?.message ?? problems(`inputs.${i}.query`)}
                    hint={
                      info && !problems(`inputs.${i}.query`)
                        ? `Selects ${info.selectCount} datastream${info.selectCount === 1 ? "" : "s"}${info.selects[0] ? `, e.g. ${info.selects[0]}` : ""}`
                        : undefined
                    }
                  >
                    <Textarea rows={2} className="font-mono text-xs" {...form.register(`spec.inputs.${i}.query`)} />
                  </Field>
                  <div className="flex items-end">
                    <Button
                      type="button"
                      variant="ghost"
                      aria-label={`Remove input ${i + 1}`}
                      disabled={inputs.fields.length <= 2}
                      onClick={() => inputs.remove(i)}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  </div>
                </div>
              );
            })}
            {specErrors?.inputs?.message && <p className="text-xs text-red-600">{specErrors.inputs.message}</p>}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Pairs"
            description="A record of one input pairs with records of each other input whose phenomenon time is within the tolerance: |t₁ − t₂| ≤ tolerance, both bounds inclusive."
          />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <Field label="Tolerance (ms)" error={specErrors?.toleranceMs?.message}>
              <Input type="number" min={0} {...form.register("spec.toleranceMs")} />
            </Field>
            <Field label="Pairs with" error={specErrors?.mode?.message}>
              <NativeSelect {...form.register("spec.mode")}>
                <option value="neighbours">the preceding and succeeding record</option>
                <option value="all">every record within the tolerance</option>
              </NativeSelect>
            </Field>
            <Field
              label="Allowed lateness (ms)"
              hint="A record further behind its partition's newest is late: counted and logged, not joined"
              error={specErrors?.allowedLatenessMs?.message}
            >
              <Input type="number" min={0} {...form.register("spec.allowedLatenessMs")} />
            </Field>
            <Field
              label="Idle after (ms)"
              hint="A partition at its end and silent this long stops holding the join back"
              error={specErrors?.idleTimeoutMs?.message}
            >
              <Input type="number" min={1000} {...form.register("spec.idleTimeoutMs")} />
            </Field>
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Output"
            description="A value over left (the lower-numbered input of a pair) and right, e.g. round(haversine(left.result, left.attributes.longitude, right.result, right.attributes.longitude), 3)."
          />
          <CardBody className="space-y-4">
            <Field label="Value" error={specErrors?.output?.value?.message ?? problems("output.value")}>
              <Textarea rows={2} className="font-mono text-xs" {...form.register("spec.output.value")} />
            </Field>
            <Field
              label="WHERE (optional)"
              hint="A condition on the pair; empty: every pair"
              error={specErrors?.output?.where?.message ?? problems("output.where")}
            >
              <Textarea rows={2} className="font-mono text-xs" {...form.register("spec.output.where")} />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Thing"
                hint="In the target system (created if new)"
                error={specErrors?.output?.thing?.message}
              >
                <Input autoComplete="off" {...form.register("spec.output.thing")} />
              </Field>
              <Field label="Datastream" error={specErrors?.output?.datastream?.message}>
                <Input autoComplete="off" {...form.register("spec.output.datastream")} />
              </Field>
              <Field
                label="Type"
                error={specErrors?.output?.observationType?.message ?? problems("output.observationType")}
              >
                <NativeSelect {...form.register("spec.output.observationType")}>
                  {joinOutputTypes.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Field label="Unit symbol" error={specErrors?.output?.unit?.symbol?.message}>
                <Input autoComplete="off" {...form.register("spec.output.unit.symbol")} />
              </Field>
              <Field label="Unit name" error={specErrors?.output?.unit?.name?.message}>
                <Input autoComplete="off" {...form.register("spec.output.unit.name")} />
              </Field>
            </div>
            {checked && (
              <p className="text-xs text-slate-600" data-testid="join-summary">
                {checking ? "Checking… " : ""}
                {checked.ok ? "Checked: " : `${checked.errors.length} problem(s). `}
                writes {checked.output}
                {checked.sources.length > 0 && `; reads ${checked.sources.map((s) => s.name).join(", ")}`}.
              </p>
            )}
            <Button type="button" variant="secondary" onClick={runTest} pending={testing} disabled={!targetSystemId}>
              <FlaskConical className="size-4" aria-hidden /> Test on recent records
            </Button>
          </CardBody>
        </Card>
        {tested && <JoinTestResults result={tested} />}
      </div>
      <div className="space-y-6">
        <Card>
          <CardHeader title={mode === "create" ? "New join app" : "Join app"} />
          <CardBody className="space-y-4">
            {mode === "create" && (
              <Field label="Name" hint={APP_NAME_RULE} error={errors.name?.message}>
                <Input autoComplete="off" {...form.register("name")} />
              </Field>
            )}
            <Field label="Target system" hint="Pairs go into its .ext topic" error={errors.targetSystemId?.message}>
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
            <Button type="submit" pending={isSubmitting} disabled={checked !== undefined && !checked.ok}>
              <Save className="size-4" aria-hidden /> {mode === "create" ? "Create join app" : "Save new version"}
            </Button>
          </CardBody>
        </Card>
      </div>
    </form>
  );
}
