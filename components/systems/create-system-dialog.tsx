"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormDialog } from "@/components/forms/form-dialog";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { NAME_PART_RULE } from "@/lib/names";
import { type CreateSystemInput, createSystemSchema } from "@/lib/systems/schemas";
import { systemTopics } from "@/lib/topology/system-topics";
import { systemPath } from "@/lib/ui/console-paths";

export function CreateSystemDialog({
  companyId,
  companyName,
  action,
}: {
  companyId: string;
  companyName: string;
  action: (input: CreateSystemInput) => Promise<ActionResult<{ id: string; name: string }>>;
}) {
  const router = useRouter();
  const dialog = useFormDialog({
    schema: createSystemSchema,
    defaultValues: { workcenter: "", station: "", description: "", retentionDays: 14, partitions: 3 },
    action,
    onSuccess: (system) => {
      toast.success(`System ${system.name} created; its topics are being provisioned`);
      router.push(systemPath(companyId, system.id));
    },
  });
  const { form } = dialog;
  const { errors } = form.formState;
  const workcenter = form.watch("workcenter");
  const station = form.watch("station");
  const name = `${companyName}.${workcenter || "workcenter"}.${station || "station"}`;
  return (
    <FormDialog
      dialog={dialog}
      title="Create a system"
      description="A machine, fleet or service that produces and consumes data, with its own Kafka topics and clients."
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden /> Create system
        </Button>
      }
      submitLabel="Create system"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Workcenter" hint="e.g. iot4cps-wp5-CarFleet" error={errors.workcenter?.message}>
          <Input autoComplete="off" {...form.register("workcenter")} />
        </Field>
        <Field label="Station" hint="e.g. Car1" error={errors.station?.message}>
          <Input autoComplete="off" {...form.register("station")} />
        </Field>
      </div>
      <div className="space-y-1.5 rounded-md bg-slate-50 px-3 py-2.5 text-xs text-slate-600 ring-1 ring-slate-200">
        <p>
          Each part: {NAME_PART_RULE}. The name prefixes the system's topics and its clients' Kafka users, so it cannot
          change later.
        </p>
        <p>
          Name:{" "}
          <code className="font-mono break-all text-slate-900" data-testid="system-name-preview">
            {name}
          </code>
        </p>
        <p>Topics:</p>
        <ul className="space-y-0.5 pl-3 font-mono break-all text-slate-800" aria-label="Topics of the new system">
          {Object.values(systemTopics(name)).map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      </div>
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Retention (days)"
          hint="How long Kafka keeps records: 1–3650"
          error={errors.retentionDays?.message}
        >
          <Input type="number" min={1} max={3650} inputMode="numeric" {...form.register("retentionDays")} />
        </Field>
        <Field
          label="Partitions"
          hint="Per topic, 1–64; can grow later, never shrink"
          error={errors.partitions?.message}
        >
          <Input type="number" min={1} max={64} inputMode="numeric" {...form.register("partitions")} />
        </Field>
      </div>
    </FormDialog>
  );
}
