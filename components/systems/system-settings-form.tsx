"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { type UpdateSystemInput, updateSystemSchema } from "@/lib/systems/schemas";

interface Settings {
  description: string;
  retentionDays: number;
  partitions: number;
}

/** Description, retention and partitions; partitions only grow, and the form says why before the server does. */
export function SystemSettingsForm({
  settings,
  canEdit,
  update,
}: {
  settings: Settings;
  canEdit: boolean;
  update: (input: UpdateSystemInput) => Promise<ActionResult<Settings>>;
}) {
  const router = useRouter();
  const { form, submit } = useActionForm({
    schema: updateSystemSchema.refine((v) => v.partitions === undefined || v.partitions >= settings.partitions, {
      path: ["partitions"],
      message: `At least ${settings.partitions} (partitions can only grow)`,
    }),
    defaultValues: settings,
    action: update,
    onSuccess: (saved) => {
      toast.success("Saved; the topics are being updated");
      form.reset(saved);
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" noValidate>
      {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={3} disabled={!canEdit} {...form.register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Retention (days)"
          hint="How long Kafka keeps the records of the three topics: 1–3650"
          error={errors.retentionDays?.message}
        >
          <Input type="number" min={1} max={3650} disabled={!canEdit} {...form.register("retentionDays")} />
        </Field>
        <Field
          label="Partitions"
          hint={`Per topic, now ${settings.partitions}; at most 64`}
          error={errors.partitions?.message}
        >
          <Input
            type="number"
            min={settings.partitions}
            max={64}
            disabled={!canEdit}
            {...form.register("partitions")}
          />
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Partitions can only grow: Kafka cannot take a partition away without losing its records. Adding partitions moves
        some datastreams' keys to other partitions, so their records are ordered only on each side of the change.
      </p>
      {canEdit ? (
        <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
          Save
        </Button>
      ) : (
        <p className="text-sm text-slate-500">Only admins change a system's settings.</p>
      )}
    </form>
  );
}
