"use client";
import { FormDialog } from "@/components/forms/form-dialog";
import { EditButton, NewButton } from "@/components/metadata/entity-buttons";
import { useEntityFormDialog } from "@/components/metadata/use-entity-form-dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/run-action";
import { LABEL_NAME_RULE } from "@/lib/names";
import { type CreateObservedPropertyInput, createObservedPropertySchema } from "@/lib/observed-properties/schemas";

export interface ObservedPropertyFields {
  name: string;
  description: string;
  definition: string;
}

/** Create or edit an observed property (what datastreams measure); it is in no Kafka name, so it may be renamed. */
export function ObservedPropertyFormDialog({
  observedProperty,
  propertiesHref,
  action,
}: {
  observedProperty?: ObservedPropertyFields;
  propertiesHref: string;
  action: (input: CreateObservedPropertyInput) => Promise<ActionResult<{ id: string; name: string }>>;
}) {
  const editing = observedProperty !== undefined;
  const dialog = useEntityFormDialog({
    schema: createObservedPropertySchema,
    defaults: observedProperty ?? { name: "", description: "", definition: "" },
    editing,
    action,
    listHref: propertiesHref,
    created: (saved) => `Observed property ${saved.name} created`,
  });
  const { form } = dialog;
  const { errors } = form.formState;
  return (
    <FormDialog
      dialog={dialog}
      title={editing ? `Edit ${observedProperty.name}` : "Create an observed property"}
      description="What a datastream measures, e.g. air temperature, with a URI that defines it."
      trigger={editing ? <EditButton /> : <NewButton>New observed property</NewButton>}
      submitLabel={editing ? "Save" : "Create observed property"}
    >
      <Field label="Name" hint={`Unique in this system. ${LABEL_NAME_RULE}`} error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...form.register("description")} />
      </Field>
      <Field label="Definition" hint="A URI naming the quantity, e.g. QUDT's" error={errors.definition?.message}>
        <Input autoComplete="off" {...form.register("definition")} />
      </Field>
    </FormDialog>
  );
}
