"use client";
import { FormDialog } from "@/components/forms/form-dialog";
import { EditButton, NewButton } from "@/components/metadata/entity-buttons";
import { useEntityFormDialog } from "@/components/metadata/use-entity-form-dialog";
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
}: {
  sensor?: SensorFields;
  sensorsHref: string;
  action: (input: CreateSensorInput) => Promise<ActionResult<{ id: string; name: string }>>;
}) {
  const editing = sensor !== undefined;
  const dialog = useEntityFormDialog({
    schema: createSensorSchema,
    defaults: sensor ?? { name: "", description: "", encodingType: "", metadata: "" },
    editing,
    action,
    listHref: sensorsHref,
    created: (saved) => `Sensor ${saved.name} created`,
  });
  const { form } = dialog;
  const { errors } = form.formState;
  return (
    <FormDialog
      dialog={dialog}
      title={editing ? `Edit ${sensor.name}` : "Create a sensor"}
      description="The device that measures, e.g. a PT100 temperature sensor; datastreams refer to it."
      trigger={editing ? <EditButton /> : <NewButton>New sensor</NewButton>}
      submitLabel={editing ? "Save" : "Create sensor"}
    >
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
    </FormDialog>
  );
}
