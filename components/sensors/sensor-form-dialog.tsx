"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { LABEL_NAME_RULE } from "@/lib/names";
import { type CreateSensorInput, createSensorSchema } from "@/lib/sensors/schemas";

export interface SensorFields {
  name: string;
  description: string;
  encodingType: string;
  metadata: string;
}

/** Create or edit a sensor; sensors are in no Kafka name, so even the name may change. */
export function SensorFormDialog({
  sensor,
  sensorsHref,
  action,
  trigger,
}: {
  sensor?: SensorFields;
  sensorsHref: string;
  action: (input: CreateSensorInput) => Promise<ActionResult<{ id: string; name: string }>>;
  trigger: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const editing = sensor !== undefined;
  const defaults = sensor ?? { name: "", description: "", encodingType: "", metadata: "" };
  const { form, submit } = useActionForm({
    schema: createSensorSchema,
    defaultValues: defaults,
    action,
    onSuccess: (saved) => {
      setOpen(false);
      if (editing) {
        toast.success("Saved");
        router.refresh();
      } else {
        toast.success(`Sensor ${saved.name} created`);
        form.reset(defaults);
        router.push(`${sensorsHref}/${saved.id}`);
      }
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(defaults);
      }}
      title={editing ? `Edit ${sensor.name}` : "Create a sensor"}
      description="The device that measures, e.g. a PT100 temperature sensor; datastreams refer to it."
      trigger={trigger}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
        <Field label="Name" hint={`Unique in this system. ${LABEL_NAME_RULE}`} error={errors.name?.message}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label="Description" error={errors.description?.message}>
          <Textarea rows={2} {...form.register("description")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Encoding type" hint="e.g. application/pdf" error={errors.encodingType?.message}>
            <Input autoComplete="off" {...form.register("encodingType")} />
          </Field>
          <Field label="Metadata" hint="e.g. a link to the data sheet" error={errors.metadata?.message}>
            <Input autoComplete="off" {...form.register("metadata")} />
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {editing ? "Save" : "Create sensor"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
