"use client";
import { BellPlus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormDialog } from "@/components/forms/form-dialog";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { describeCondition } from "@/lib/alarms/evaluate-rule";
import { alarmSeverities, type CreateAlarmRuleInput, createAlarmRuleSchema } from "@/lib/alarms/schemas";

export interface AlarmRuleRow {
  id: string;
  name: string;
  kind: "above" | "below" | "outside" | "equals" | "silent";
  threshold: number | null;
  low: number | null;
  high: number | null;
  value: string | null;
  holdSeconds: number;
  severity: string;
  open: boolean;
}

const numeric = new Set(["Measurement", "Count"]);

/** A datastream's alarm rules, with their state, and (for admins and engineers) adding and deleting them. */
export function AlarmRules({
  observationType,
  unit,
  rules,
  create,
  remove,
}: {
  observationType: string;
  unit: string;
  rules: AlarmRuleRow[];
  create?: (input: CreateAlarmRuleInput) => Promise<ActionResult<{ name: string }>>;
  remove?: (ruleId: string) => Promise<ActionResult<{ name: string }>>;
}) {
  const router = useRouter();
  const kinds = numeric.has(observationType)
    ? (["above", "below", "outside", "silent"] as const)
    : (["equals", "silent"] as const);
  return (
    <Card aria-label="Alarm rules">
      <CardHeader
        title="Alarm rules"
        description="Evaluated on the server for every record; an alarm is raised when the condition holds for the hold time, and cleared when it stops."
        actions={create && <NewRuleDialog kinds={kinds} create={create} onDone={() => router.refresh()} />}
      />
      <CardBody>
        {rules.length === 0 ? (
          <p className="text-sm text-slate-500">No alarm rules on this datastream.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rules.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                <span className="font-medium text-slate-900">{r.name}</span>
                <span className="text-slate-600">{describeCondition({ ...r, unit })}</span>
                <Badge tone={r.severity === "critical" || r.severity === "major" ? "red" : "amber"}>{r.severity}</Badge>
                {r.open && <Badge tone="red">alarm open</Badge>}
                {remove && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" className="ml-auto" aria-label={`Delete rule ${r.name}`}>
                        <Trash2 className="size-4" aria-hidden />
                      </Button>
                    }
                    title={`Delete the rule ${r.name}?`}
                    confirmLabel="Delete rule"
                    onConfirm={async () => {
                      const result = await remove(r.id);
                      if (!result.ok) {
                        toast.error(result.error);
                        return false;
                      }
                      toast.success(`Rule ${result.data.name} deleted`);
                      router.refresh();
                    }}
                  >
                    Its alarms, open and past, go with it.
                  </ConfirmDialog>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function NewRuleDialog({
  kinds,
  create,
  onDone,
}: {
  kinds: readonly CreateAlarmRuleInput["kind"][];
  create: (input: CreateAlarmRuleInput) => Promise<ActionResult<{ name: string }>>;
  onDone: () => void;
}) {
  const dialog = useFormDialog({
    schema: createAlarmRuleSchema,
    defaultValues: { name: "", kind: kinds[0], holdSeconds: 0, severity: "major" },
    action: create,
    onSuccess: (r) => {
      toast.success(`Rule ${r.name} added`);
      onDone();
    },
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const kind = form.watch("kind");
  const number = { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) };
  return (
    <FormDialog
      dialog={dialog}
      title="New alarm rule"
      description="An alarm is raised once the condition has held this long (phenomenon time); one open alarm per rule."
      trigger={
        <Button variant="secondary">
          <BellPlus className="size-4" aria-hidden /> New rule
        </Button>
      }
      submitLabel="Add rule"
    >
      <Field label="Name" error={errors.name?.message}>
        <Input {...form.register("name")} />
      </Field>
      <Field label="When the result is" error={errors.kind?.message}>
        <NativeSelect {...form.register("kind")}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k === "outside" ? "outside a band" : k === "silent" ? "silent (no record)" : k}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {(kind === "above" || kind === "below") && (
        <Field label="Threshold" error={errors.threshold?.message}>
          <Input type="number" step="any" {...form.register("threshold", number)} />
        </Field>
      )}
      {kind === "outside" && (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Low" error={errors.low?.message}>
            <Input type="number" step="any" {...form.register("low", number)} />
          </Field>
          <Field label="High" error={errors.high?.message}>
            <Input type="number" step="any" {...form.register("high", number)} />
          </Field>
        </div>
      )}
      {kind === "equals" && (
        <Field label="Value" hint="true, false, or the category" error={errors.value?.message}>
          <Input {...form.register("value")} />
        </Field>
      )}
      <Field
        label={kind === "silent" ? "Silent for (seconds)" : "Held for (seconds)"}
        error={errors.holdSeconds?.message}
      >
        <Input type="number" min={0} {...form.register("holdSeconds", number)} />
      </Field>
      <Field label="Severity" error={errors.severity?.message}>
        <NativeSelect {...form.register("severity")}>
          {alarmSeverities.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </NativeSelect>
      </Field>
    </FormDialog>
  );
}
